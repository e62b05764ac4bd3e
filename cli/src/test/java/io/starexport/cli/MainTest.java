package io.starexport.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
}
