package io.starexport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** The config file: location, keys, precedence (flags over environment over file), errors and secrets. */
class ConfigFileTest {
    private static final String POST = "https://pagetest.example/p/a";
    private static final String CONFIG_TOKEN = "config-token-8f3a";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    @BeforeEach
    void serve() {
        server.stubFor(get(urlPathEqualTo("/v1/comments")).willReturn(okJson("""
                {"comments": [{"id": "a1", "text": "first", "created": "2025-10-01T10:00:00Z"}], "next": null}""")));
    }

    private Path config(String... lines) throws IOException {
        Path file = dir.resolve("starexport").resolve("config.properties");
        Files.createDirectories(file.getParent());
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** Runs with XDG_CONFIG_HOME at the test folder, so {@link #config} is the default file. */
    private Cli.Run run(Map<String, String> environment, String... args) {
        Map<String, String> withHome = new java.util.HashMap<>(environment);
        withHome.put("XDG_CONFIG_HOME", dir.toString());
        return Cli.run(withHome, "", args);
    }

    private String tokenSent() {
        return server.findAll(getRequestedFor(urlPathEqualTo("/v1/comments"))).get(0).getHeader("X-Token");
    }

    @Test
    void theDefaultFileUnderXdgConfigHomeGivesCredentialsEndpointsAndDefaults() throws IOException {
        config("# my settings", "", "pagetest.token = " + CONFIG_TOKEN, "endpoint.pagetest.api=" + server.baseUrl(),
                "format=jsonl", "name={platform}_{id}");

        Cli.Run run = run(Map.of(), "export", POST, "-d", dir.toString(), "--json");

        assertThat(run.exitCode()).as(run.everything()).isZero();
        assertThat(tokenSent()).isEqualTo(CONFIG_TOKEN);
        assertThat(run.json().get("data").get("file").asText()).isEqualTo(dir.resolve("pagetest_a.jsonl").toString());
        assertThat(run.everything()).doesNotContain(CONFIG_TOKEN);
    }

    @Test
    void theEnvironmentWinsOverTheFileAndFlagsWinOverBoth() throws IOException {
        config("pagetest.token=" + CONFIG_TOKEN, "endpoint.pagetest.api=" + server.baseUrl());
        Map<String, String> environment = Map.of("STAREXPORT_PAGETEST_TOKEN", "environment-token");

        Cli.Run fromEnvironment = run(environment, "export", POST, "-o", dir.resolve("a.csv").toString());
        String environmentToken = tokenSent();
        server.resetRequests();
        Cli.Run fromFlag = run(environment, "export", POST, "-o", dir.resolve("b.csv").toString(), "--credential",
                "pagetest.token=flag-token");

        assertThat(fromEnvironment.exitCode()).as(fromEnvironment.everything()).isZero();
        assertThat(environmentToken).isEqualTo("environment-token");
        assertThat(fromFlag.exitCode()).as(fromFlag.everything()).isZero();
        assertThat(tokenSent()).isEqualTo("flag-token");
    }

    @Test
    void configOverridesTheDefaultLocationAndAMissingOneIsAnError() throws IOException {
        Path other = dir.resolve("other.properties");
        Files.write(other, List.of("endpoint.pagetest.api=" + server.baseUrl(), "pagetest.sessionid=abc-session"));

        Cli.Run run = Cli.run("export", POST, "--config", other.toString(), "-o", dir.resolve("c.csv").toString());
        Cli.Run missing = Cli.run("export", POST, "--config", dir.resolve("nope.properties").toString(), "--json");

        assertThat(run.exitCode()).as(run.everything()).isZero();
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/v1/comments"))).get(0).getHeader("X-Session"))
                .isEqualTo("abc-session");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.json().get("error").asText())
                .isEqualTo("config file not found: " + dir.resolve("nope.properties"));
    }

    @Test
    void warnsWhenAFileWithCredentialsIsReadableByOthers() throws IOException {
        Path file = config("pagetest.token=" + CONFIG_TOKEN, "endpoint.pagetest.api=" + server.baseUrl());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        Cli.Run run = run(Map.of(), "export", POST, "-o", dir.resolve("a.csv").toString());

        assertThat(run.exitCode()).as(run.everything()).isZero();
        assertThat(run.err()).contains("warning: " + file + " holds credentials and can be read by other users; "
                + "restrict it with: chmod 600 " + file);
    }

    @Test
    void aPrivateFileOrOneWithoutSecretsGivesNoWarning() throws IOException {
        config("pagetest.token=" + CONFIG_TOKEN, "endpoint.pagetest.api=" + server.baseUrl());

        Cli.Run run = run(Map.of(), "export", POST, "-o", dir.resolve("a.csv").toString());

        assertThat(run.err()).doesNotContain("warning");
    }

    @Test
    void aMalformedFileIsAUsageErrorNamingFileAndLine() throws IOException {
        Path file = config("format=jsonl", "# fine", "this line has no equals sign");
        JsonNode noEquals = run(Map.of(), "export", POST, "--json").json();
        config("format=jsonl", "colour=blue");
        JsonNode unknownKey = run(Map.of(), "export", POST, "--json").json();
        config("format=jsonl", "format=csv");
        JsonNode twice = run(Map.of(), "export", POST, "--json").json();
        config("concurrency=many");
        JsonNode badNumber = run(Map.of(), "export", POST, "--json").json();

        assertThat(noEquals.get("error_code").asText()).isEqualTo("USAGE");
        assertThat(noEquals.get("error").asText()).isEqualTo("config file " + file + " line 3: expected key=value");
        assertThat(unknownKey.get("error").asText()).startsWith("config file " + file + " line 2: unknown key 'colour'");
        assertThat(twice.get("error").asText()).isEqualTo("config file " + file + " line 2: format was already set on line 1");
        assertThat(badNumber.get("error").asText()).contains("line 1: concurrency must be a whole number");
    }

    @Test
    void anUnknownCredentialNamesWhatThePlatformTakesWithoutItsValue() throws IOException {
        Path file = config("endpoint.pagetest.api=" + server.baseUrl(), "pagetest.tokn=" + CONFIG_TOKEN);
        Cli.Run typo = run(Map.of(), "export", POST, "--json");
        config("pagetset.token=" + CONFIG_TOKEN);
        Cli.Run platform = run(Map.of(), "export", POST);

        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.json().get("error").asText()).isEqualTo("config file " + file
                + " line 2: Page Test has no credential 'tokn'; it takes token, sessionid");
        assertThat(platform.exitCode()).isEqualTo(2);
        assertThat(platform.err()).contains("line 1: no installed platform 'pagetset'");
        assertThat(typo.everything() + platform.everything()).doesNotContain(CONFIG_TOKEN);
    }

    @Test
    void theDefaultLocationFollowsXdgConfigHome() {
        assertThat(ConfigFile.defaultLocation(Map.of("XDG_CONFIG_HOME", "/etc/xdg-me"), "/home/me"))
                .isEqualTo(Path.of("/etc/xdg-me/starexport/config.properties"));
        assertThat(ConfigFile.defaultLocation(Map.of(), "/home/me"))
                .isEqualTo(Path.of("/home/me/.config/starexport/config.properties"));
        assertThat(ConfigFile.defaultLocation(Map.of("XDG_CONFIG_HOME", "relative/dir"), "/home/me"))
                .as("the XDG spec says relative paths are invalid and ignored")
                .isEqualTo(Path.of("/home/me/.config/starexport/config.properties"));
    }

    @Test
    void aProxyPasswordFromTheFileIsMasked() throws IOException {
        config("proxy=http://me:pr0xy-pass-word@127.0.0.1:9/", "endpoint.pagetest.api=" + server.baseUrl());

        Cli.Run run = run(Map.of(), "export", POST, "-o", dir.resolve("a.csv").toString(), "--debug");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.everything()).doesNotContain("pr0xy-pass-word");
    }

    @Test
    void aCookiesPathIsRelativeToTheConfigFileOrTheHomeFolder() throws IOException {
        Path file = config("cookies = cookies.txt");
        ConfigFile relative = ConfigFile.load(file, true);
        config("cookies = ~/browser/cookies.txt");
        ConfigFile home = ConfigFile.load(file, true);

        assertThat(relative.option(ConfigFile.COOKIES).map(relative::path))
                .contains(file.toAbsolutePath().getParent().resolve("cookies.txt"));
        assertThat(home.option(ConfigFile.COOKIES).map(home::path))
                .contains(Path.of(System.getProperty("user.home"), "browser", "cookies.txt"));
    }
}
