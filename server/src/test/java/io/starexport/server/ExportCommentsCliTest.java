package io.starexport.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * ExportComments' official CLI (github.com/exportcomments/exportcomments-cli 1.0.2, MIT, kept unmodified in
 * {@code ../shared/peers/}) against this server with only {@code --base-url} changed. The CLI is built once into
 * {@code target/exportcomments-cli} ({@code npm ci} from its {@code package-lock.json}, then {@code tsc}) and
 * reused while its lock file is unchanged, so later runs need no registry. Skipped, with the reason, where
 * {@code node} or {@code npm} is missing, the peer's source is not beside the repository, or the registry cannot
 * be reached for the first build. The server runs every job in the sandbox (as {@code starexport serve --sandbox}
 * would), since the CLI cannot send {@code X-Sandbox}.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ExportCommentsCliTest {
    private static final Path PEER = Path.of(System.getProperty("starexport.exportcomments-cli",
            "../../shared/peers/exportcomments-cli")).toAbsolutePath().normalize();
    private static final Path BUILT = Path.of("target", "exportcomments-cli").toAbsolutePath();

    @TempDir
    static Path directory;
    @TempDir
    Path workingDirectory;
    static Fixture fixture;

    @BeforeAll
    static void buildTheCliAndStartTheServer() throws Exception {
        buildPeer();
        fixture = new Fixture(directory, engine -> { }, server -> server.sandbox(true));
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void pingExportWaitDownloadStatusAndListWork() throws Exception {
        JsonNode ping = cli("ping");
        assertThat(ping.path("ok").asBoolean()).as(ping.toString()).isTrue();
        assertThat(ping.path("data").path("status").asText()).isEqualTo("ok");

        JsonNode exported = cli("export", Fixture.VIDEO, "--limit", "5", "--replies", "--wait", "--wait-interval", "200",
                "--download");
        assertThat(exported.path("ok").asBoolean()).as(exported.toString()).isTrue();
        JsonNode job = exported.path("data");
        assertThat(job.path("status").asText()).isEqualTo("done");
        Path downloaded = Path.of(job.path("downloaded_to").asText());
        assertThat(downloaded.getParent()).isEqualTo(workingDirectory.toRealPath());
        assertThat(downloaded.getFileName().toString()).startsWith("youtube-").endsWith(".xlsx");
        assertThat(Files.size(downloaded)).isEqualTo(job.path("downloaded_bytes").asLong()).isPositive();

        JsonNode records = cli("export", Fixture.VIDEO, "--limit", "3", "--wait-interval", "200", "--download-json");
        assertThat(records.path("ok").asBoolean()).as(records.toString()).isTrue();
        assertThat(records.path("data").isArray()).isTrue();
        assertThat(records.path("data").size()).isBetween(1, 3);

        String guid = job.path("guid").asText();
        JsonNode status = cli("status", guid);
        assertThat(status.path("data").path("status").asText()).isEqualTo("done");
        assertThat(status.path("data").path("total_exported").asLong()).isBetween(1L, 5L);

        JsonNode list = cli("list");
        assertThat(list.path("ok").asBoolean()).isTrue();
        assertThat(list.path("data")).hasSize(2);
        assertThat(list.path("data").get(1).path("guid").asText()).isEqualTo(guid);

        JsonNode download = cli("download", guid, "--json");
        assertThat(download.path("data").isArray()).isTrue();
    }

    @Test
    void aWrongTokenFailsPing() throws Exception {
        Run run = run(workingDirectory, 30, List.of("node", BUILT.resolve("dist/cli.js").toString(), "--token",
                "se_live_wrong", "--base-url", fixture.base() + "/api/v3", "ping"));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(Fixture.JSON.readTree(run.out()).path("data").path("error_code").asText())
                .isEqualTo("AUTH_HEADER_TOKEN");
    }

    private JsonNode cli(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", BUILT.resolve("dist/cli.js").toString(),
                "--base-url", fixture.base() + "/api/v3"));
        command.addAll(List.of(arguments));
        Run run = run(workingDirectory, 60, command);
        return Fixture.JSON.readTree(run.out());
    }

    /**
     * Builds the peer into {@code target/exportcomments-cli} unless it is built from the same lock file already;
     * aborts the calling test class, with the reason, where it cannot be built here.
     */
    static Path buildPeer() throws Exception {
        assumeTrue(onPath("node") && onPath("npm"), "node and npm are not on the PATH; install Debian's nodejs and npm");
        assumeTrue(Files.isRegularFile(PEER.resolve("package-lock.json")), "the ExportComments CLI source is not at "
                + PEER + "; set -Dstarexport.exportcomments-cli=<its folder>");
        Path lock = BUILT.resolve("package-lock.json");
        boolean cached = Files.isRegularFile(BUILT.resolve("dist/cli.js")) && Files.isRegularFile(lock)
                && Arrays.equals(Files.readAllBytes(lock), Files.readAllBytes(PEER.resolve("package-lock.json")));
        if (!cached) {
            copy(PEER, BUILT);
            Run install = run(BUILT, 90, "npm", "ci", "--no-audit", "--no-fund", "--prefer-offline");
            assumeTrue(install.exit() == 0, "npm ci could not install the CLI's dependencies (is the npm registry "
                    + "reachable?): " + install.tail());
            Run compile = run(BUILT, 60, "npx", "tsc");
            assertThat(compile.exit()).as("tsc: " + compile.tail()).isZero();
        }
        return BUILT;
    }

    record Run(int exit, String out, String err) {
        String tail() {
            String all = out + err;
            return all.length() > 2000 ? all.substring(all.length() - 2000) : all;
        }
    }

    static Run run(Path directory, int seconds, String... command) throws Exception {
        return run(directory, seconds, List.of(command));
    }

    private static Run run(Path directory, int seconds, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        if (fixture != null) {
            builder.environment().put("EXPORTCOMMENTS_API_TOKEN", fixture.token);
        }
        Path out = Files.createTempFile("cli", ".out");
        Path err = Files.createTempFile("cli", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + " took more than " + seconds + " s: "
                        + Files.readString(err));
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, program)));
    }

    /** Copies the CLI's sources and manifests, not a node_modules or dist it may have. */
    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.resolve("src"));
        for (String file : List.of("package.json", "package-lock.json", "tsconfig.json", "LICENSE")) {
            Files.copy(from.resolve(file), to.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        try (Stream<Path> sources = Files.list(from.resolve("src"))) {
            for (Path source : sources.toList()) {
                Files.copy(source, to.resolve("src").resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
