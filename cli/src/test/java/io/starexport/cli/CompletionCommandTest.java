package io.starexport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** {@code starexport completion}: the bash completion script, which bash itself runs in the last test. */
class CompletionCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsABashCompletionScriptForEveryCommand() {
        Cli.Run run = Cli.run("completion");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("complete -F _complete_starexport", "export", "platforms", "formats",
                "--from-file", "--cookies", "--config");
    }

    @Test
    void jsonWrapsTheScript() {
        Cli.Run run = Cli.run("completion", "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode data = run.json().get("data");
        assertThat(data.get("shell").asText()).isEqualTo("bash");
        assertThat(data.get("script").asText()).isEqualTo(Cli.run("completion").out());
    }

    @Test
    void bashCompletesCommandsAndOptions() throws IOException, InterruptedException {
        Path bash = Path.of("/bin/bash");
        assumeThat(Files.isExecutable(bash)).as("bash is installed").isTrue();
        Path script = dir.resolve("starexport.bash");
        Files.writeString(script, Cli.run("completion").out(), StandardCharsets.UTF_8);

        assertThat(complete(bash, script, "starexport", "exp")).containsExactly("export");
        assertThat(complete(bash, script, "starexport", "export", "--from")).containsExactly("--from-file");
        assertThat(complete(bash, script, "starexport", "platforms", "--de")).contains("--detect", "--debug");
    }

    @Test
    void bashCompletesOptionValuesAndTheListFile() throws IOException, InterruptedException {
        Path bash = Path.of("/bin/bash");
        assumeThat(Files.isExecutable(bash)).as("bash is installed").isTrue();
        Path script = dir.resolve("starexport.bash");
        Files.writeString(script, Cli.run("completion").out(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("urls.txt"), "https://youtu.be/dQw4w9WgXcQ\n");

        assertThat(complete(bash, script, "starexport", "export", "--format", "''"))
                .containsExactlyInAnyOrder("csv", "html", "json", "jsonl", "xlsx");
        assertThat(complete(bash, script, "starexport", "export", "--sort", "''"))
                .containsExactlyInAnyOrder("top", "newest", "oldest");
        assertThat(complete(bash, script, "starexport", "export", "--media-quality", "''")).contains("best", "720p");
        assertThat(complete(bash, script, "starexport", "export", "--from-file", dir + "/url"))
                .containsExactly(dir + "/urls.txt");
    }

    /** What bash offers for the last word, with the script sourced as a user would. */
    private static List<String> complete(Path bash, Path script, String... words) throws IOException, InterruptedException {
        String program = "source " + script + "\n"
                + "COMP_WORDS=(" + String.join(" ", words) + ")\n"
                + "COMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE='" + String.join(" ", words) + "'\n"
                + "COMP_POINT=${#COMP_LINE}\n"
                + "_complete_starexport\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process process = new ProcessBuilder(bash.toString(), "-c", program)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start(); // compopt complains outside a real completion
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
