package io.starexport.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real process in a real terminal: {@code script} (util-linux) runs the CLI on a pseudo-terminal, as a shell
 * in a terminal window would, with one of its streams redirected to a file.
 */
class TerminalTest {
    private static final String ESC = "\u001b[";

    @TempDir
    Path dir;

    @Test
    void stderrRedirectedToALogGetsPlainLinesWithoutCursorMovements() throws Exception {
        String transcript = inTerminal("2> log");

        String log = Files.readString(dir.resolve("log"));
        assertThat(log).doesNotContain(ESC).doesNotContain("\r")
                .contains("line 1 reddit community java: started\n")
                .contains("line 1 reddit community java: done, 3,000 posts\n");
        assertThat(transcript).contains("https://www.reddit.com/r/java/").contains("succeeded");
    }

    @Test
    void stdoutRedirectedToAFileStillShowsLiveProgressOnTheTerminal() throws Exception {
        String transcript = inTerminal("> table.txt");

        assertThat(transcript).contains(ESC + "J").contains("jobs: ");
        assertThat(Files.readString(dir.resolve("table.txt"))).doesNotContain(ESC)
                .contains("https://www.reddit.com/r/java/").contains("succeeded");
    }

    @Test
    void stderrIsNoTerminalInATestRun() {
        // Surefire pipes the test JVM's stderr.
        assertThat(Terminal.stderrIsTerminal()).isFalse();
    }

    /** Runs a small sandbox batch on a pseudo-terminal with {@code redirect}; returns what the terminal showed. */
    private String inTerminal(String redirect) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("urls.txt"), "https://www.reddit.com/r/java/\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "cd '" + dir + "' && '" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' io.starexport.cli.Main export --from-file urls.txt -d out --sandbox --limit 3000 " + redirect;
        Process script = new ProcessBuilder("script", "-qec", command, "/dev/null")
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true)
                .start();
        String transcript = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(script.exitValue()).as(transcript).isZero();
        return transcript;
    }
}
