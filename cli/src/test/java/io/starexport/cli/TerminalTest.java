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
    private static final String BATCH = "export --from-file urls.txt -d out --sandbox --limit 3000";
    /** Long enough (about 2 s in the sandbox) for several progress redraws. */
    private static final String SINGLE = "export https://www.reddit.com/r/java/ --sandbox --limit 20000 -o posts.csv";

    @TempDir
    Path dir;

    @Test
    void stderrRedirectedToALogGetsPlainLinesWithoutCursorMovements() throws Exception {
        String transcript = inTerminal(BATCH + " 2> log");

        String log = Files.readString(dir.resolve("log"));
        assertThat(log).doesNotContain(ESC).doesNotContain("\r")
                .contains("line 1 reddit community java: started\n")
                .contains("line 1 reddit community java: done, 3,000 posts\n");
        assertThat(transcript).contains("https://www.reddit.com/r/java/").contains("succeeded");
    }

    @Test
    void stdoutRedirectedToAFileStillShowsLiveProgressOnTheTerminal() throws Exception {
        String transcript = inTerminal(BATCH + " > table.txt");

        assertThat(transcript).contains(ESC + "J").contains("jobs: ");
        assertThat(Files.readString(dir.resolve("table.txt"))).doesNotContain(ESC)
                .contains("https://www.reddit.com/r/java/").contains("succeeded");
    }

    @Test
    void aDumbTerminalGetsNoEscapeSequencesFromASingleExport() throws Exception {
        String transcript = inTerminal("TERM=dumb " + SINGLE);

        assertThat(transcript).doesNotContain(ESC).contains("Exported 20000 posts from reddit");
    }

    @Test
    void aSingleExportDrawsItsProgressLineOnATerminal() throws Exception {
        String transcript = inTerminal(SINGLE);

        assertThat(transcript).contains(" posts of 20,000 (").contains(ESC + "K").contains("Exported 20000 posts");
    }

    @Test
    void stderrIsNoTerminalInATestRun() {
        // Surefire pipes the test JVM's stderr.
        assertThat(Terminal.stderrIsTerminal()).isFalse();
    }

    /** Runs {@code starexport ARGS} (with its redirections) on a pseudo-terminal; returns what the terminal showed. */
    private String inTerminal(String args) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("urls.txt"), "https://www.reddit.com/r/java/\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] words = args.split(" ", 2);
        boolean term = words[0].startsWith("TERM=");
        String command = "cd '" + dir + "' && " + (term ? words[0] : "TERM=xterm") + " '" + java + "' -cp '"
                + System.getProperty("java.class.path") + "' io.starexport.cli.Main " + (term ? words[1] : args);
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
