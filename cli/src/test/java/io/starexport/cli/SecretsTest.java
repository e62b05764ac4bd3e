package io.starexport.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @Test
    void masksCredentialValuesProxyPasswordsAndEnvironmentCredentials() {
        Secrets secrets = Secrets.find(new String[] {"--credential", "youtube.api_key=key-1234", "--credential=reddit.token=tok-5678",
            "--proxy", "http://me:p%40ss-word@proxy:8080"}, Map.of("STAREXPORT_TIKTOK_SESSION", "env-9999", "HOME", "/home/me"));

        assertThat(secrets.mask("key-1234 tok-5678 p%40ss-word p@ss-word env-9999 /home/me"))
                .isEqualTo("*** *** *** *** *** /home/me");
    }

    @Test
    void aMalformedCredentialIsMaskedWhole() {
        Secrets secrets = Secrets.find(new String[] {"--credential", "bare-secret"}, Map.of());

        assertThat(secrets.mask("was bare-secret")).isEqualTo("was ***");
    }

    @Test
    void writerMasksLinesAndPartialLinesOnFlush() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter writer = Secrets.find(new String[] {"--credential", "x.y=abcdef"}, Map.of())
                .writer(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        writer.print("abc");
        writer.print("def and ");
        writer.println("more abcdef");
        writer.print("\rabcdef");
        writer.flush();

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("*** and more ***" + System.lineSeparator() + "\r***");
    }
}
