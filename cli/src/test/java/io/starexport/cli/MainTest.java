package io.starexport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class MainTest {

    @Test
    void helpListsCommandsAndExitCodes() {
        Cli.Run run = Cli.run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("export", "platforms", "formats", "Exit codes:",
                "3  authentication (AUTH_REQUIRED, AUTH_FAILED)");
    }

    @Test
    void commandHelpListsItsOptionsAndExitCodes() {
        Cli.Run run = Cli.run("export", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--comments", "--resume", "--credential", "--no-formula-protection", "Exit codes:");
    }

    @Test
    void versionNamesTheTool() {
        Cli.Run run = Cli.run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("starexport ");
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Run run = Cli.run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("a command is required").contains("Usage: starexport");
    }

    @Test
    void unknownCommandIsAUsageError() {
        Cli.Run run = Cli.run("exprot", "--json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().get("error_code").asText()).isEqualTo("USAGE");
    }

    @Test
    void versionWithJsonIsAJsonDocument() {
        Cli.Run run = Cli.run("--version", "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode data = run.json().get("data");
        assertThat(run.json().get("ok").asBoolean()).isTrue();
        assertThat(data.get("version").asText()).isNotBlank();
        assertThat(data.get("java").asText()).startsWith("Java ");
    }

    @Test
    void helpWithJsonIsAJsonDocumentHoldingTheUsage() {
        for (List<String> args : List.of(List.of("--help", "--json"), List.of("export", "--help", "--json"),
                List.of("--json", "export", "-h"), List.of("help", "export", "--json"))) {
            Cli.Run run = Cli.run(args.toArray(String[]::new));

            assertThat(run.exitCode()).as(args.toString()).isZero();
            assertThat(run.json().get("ok").asBoolean()).isTrue();
            String expected = args.contains("export") ? "starexport export" : "starexport";
            assertThat(run.json().get("data").get("command").asText()).as(args.toString()).isEqualTo(expected);
            assertThat(run.json().get("data").get("usage").asText()).startsWith("Usage: " + expected + " ")
                    .contains("Exit codes:");
        }
    }

    @Test
    void noCommandWithJsonIsAJsonUsageError() {
        Cli.Run run = Cli.run("--json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().get("ok").asBoolean()).isFalse();
        assertThat(run.json().get("error_code").asText()).isEqualTo("USAGE");
        assertThat(run.json().get("error").asText()).contains("a command is required");
    }

    @Test
    void jsonBeforeTheCommandAppliesToIt() {
        Cli.Run formats = Cli.run("--json", "formats");
        Cli.Run failure = Cli.run("--json", "export", "javascript:alert(1)", "--sandbox");

        assertThat(formats.exitCode()).isZero();
        assertThat(formats.json().get("data").isArray()).isTrue();
        assertThat(failure.exitCode()).isEqualTo(2);
        assertThat(failure.json().get("error_code").asText()).isEqualTo("INVALID_URL");
    }

    @Test
    void everyCommandsHelpEndsWithExamplesThatParse() {
        List<String> commands = new ArrayList<>(List.of(""));
        String rootHelp = Cli.run("--help").out();
        rootHelp.lines().dropWhile(line -> !line.equals("Commands:")).skip(1).takeWhile(line -> !line.isBlank())
                .filter(line -> line.matches("  \\S.*")).map(line -> line.strip().split("\\s+")[0])
                .filter(name -> !name.equals("help")).forEach(commands::add);
        assertThat(commands).contains("export", "platforms", "formats", "completion");

        for (String command : commands) {
            Cli.Run run = command.isEmpty() ? Cli.run("--help") : Cli.run(command, "--help");
            List<String> lines = run.out().lines().toList();
            int examples = lines.indexOf("Examples:");
            assertThat(examples).as("'%s --help' has an Examples section", command).isPositive();
            List<String> commandLines = lines.subList(examples + 1, lines.size()).stream()
                    .filter(line -> !line.isBlank()).toList();
            assertThat(commandLines).as("'%s --help' ends with its examples", command).isNotEmpty()
                    .allSatisfy(line -> assertThat(line).startsWith("  ").contains("starexport "));
            for (String example : commandLines) {
                List<String> words = words(example);
                assertThat(words).as(example).isNotEmpty();
                if (!command.isEmpty()) {
                    assertThat(words.get(0)).as(example).isEqualTo(command);
                }
                assertThatCode(() -> Main.parser().parseArgs(words.toArray(String[]::new))).as(example)
                        .doesNotThrowAnyException();
            }
        }
    }

    /** The arguments of the {@code starexport …} part of a shell line, up to a pipe, redirection or parenthesis. */
    private static List<String> words(String line) {
        String command = line.substring(line.indexOf("starexport ") + "starexport ".length()).split("[|>)]")[0];
        List<String> words = new ArrayList<>();
        Matcher matcher = Pattern.compile("'([^']*)'|(\\S+)").matcher(command);
        while (matcher.find()) {
            words.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        return words;
    }
}
