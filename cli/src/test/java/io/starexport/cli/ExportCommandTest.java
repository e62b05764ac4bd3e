package io.starexport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.starexport.RunningExport;
import io.starexport.StarExport;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportEvent;
import io.starexport.api.ExportException;
import io.starexport.api.ExportListener;
import io.starexport.api.Target;
import io.starexport.spi.OutputFormat;
import io.starexport.spi.RecordWriter;
import io.starexport.spi.WriterOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ExportCommandTest {
    private static final String VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
    private static final String SECRET = "SECRET-abc123-XYZ";

    @TempDir
    Path dir;

    @Test
    void exportsSandboxCommentsToCsvOffline() throws IOException {
        Path file = dir.resolve("c.csv");

        Cli.Run run = Cli.run("export", VIDEO, "--sandbox", "--comments", "--replies", "--limit", "250",
                "-o", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(file.toString());
        assertThat(run.err()).startsWith("Exported 250 comments from youtube (video dQw4w9WgXcQ) to " + file)
                .contains(" — 250 comments exported");
        List<List<String>> records = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(records).hasSize(1 + 250);
        assertThat(records.get(0)).contains("id");
        assertThat(records.subList(1, records.size())).allSatisfy(record -> assertThat(record).hasSameSizeAs(records.get(0)));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("c.csv");
        }
    }

    @Test
    void jsonExportReportsTheResult() {
        Path file = dir.resolve("c.jsonl");

        Cli.Run run = Cli.run("export", VIDEO, "--sandbox", "--limit", "40", "-o", file.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("ok").asBoolean()).isTrue();
        JsonNode data = json.get("data");
        assertThat(data.get("file").asText()).isEqualTo(file.toString());
        assertThat(data.get("items").asLong()).isEqualTo(40);
        assertThat(data.get("stop_reason").asText()).isEqualTo("limit");
        assertThat(data.get("content").asText()).isEqualTo("comments");
        assertThat(data.has("reported_total")).isTrue();
        assertThat(data.get("completeness").asText()).startsWith("40 comments exported");
        assertThat(data.get("notes").isArray()).isTrue();
        assertThat(data.get("elapsed_ms").isNumber()).isTrue();
        assertThat(file).isRegularFile();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void formatOptionWinsOverTheExtension() throws IOException {
        Path file = dir.resolve("comments.txt");

        Cli.Run run = Cli.run("export", VIDEO, "--sandbox", "--limit", "5", "--format", "jsonl", "-o", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(file)).hasSize(5).allSatisfy(line -> assertThat(line).startsWith("{"));
    }

    @Test
    void unknownFormatIsBadInput() {
        Cli.Run run = Cli.run("export", VIDEO, "--sandbox", "--format", "docx", "-o", dir.resolve("a.docx").toString(),
                "--json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().get("error_code").asText()).isEqualTo("USAGE");
        assertThat(run.json().get("error").asText()).contains("unknown format 'docx'").contains("csv");
    }

    @Test
    void sentimentScoresEveryCommentOfTheExport() throws IOException {
        Path file = dir.resolve("comments.jsonl");

        Cli.Run run = Cli.run("export", VIDEO, "--sandbox", "--limit", "30", "--sentiment", "-o", file.toString());

        assertThat(run.exitCode()).as(run.everything()).isZero();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(30);
        for (String line : lines) {
            JsonNode sentiment = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).path("sentiment");
            assertThat(sentiment.path("provider").asText()).as(line).isEqualTo("vader");
            assertThat(sentiment.path("label").asText()).as(line).isIn("positive", "negative", "neutral", "undetermined");
        }
    }

    @Test
    void anUnknownEnricherIsAUsageErrorNamingTheInstalledOnes() {
        Cli.Run run = Cli.run("export", VIDEO, "--sandbox", "--sentiment=openai", "-o",
                dir.resolve("comments.jsonl").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("openai").contains("vader");
    }

    @Test
    void unknownExtensionWithoutFormatIsBadInput() {
        Cli.Run run = Cli.run("export", VIDEO, "--sandbox", "-o", dir.resolve("comments.txt").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error [USAGE]: cannot tell the format of").contains("--format");
    }

    @Test
    void invalidUrlExitsTwoWithCode() {
        Cli.Run run = Cli.run("export", "javascript:alert(1)", "--sandbox", "--json");

        assertThat(run.exitCode()).isEqualTo(2);
        JsonNode json = run.json();
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("error_code").asText()).isEqualTo("INVALID_URL");
        assertThat(json.get("error").asText()).isNotBlank();
        assertThat(json.has("detail")).isTrue();
    }

    @Test
    void unsupportedHostExitsTwoWithCode() {
        Cli.Run run = Cli.run("export", "https://example.com/some/page", "--sandbox", "--json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().get("error_code").asText()).isEqualTo("UNSUPPORTED_PLATFORM");
    }

    @Test
    void errorsArePlainTextWithoutJson() {
        Cli.Run run = Cli.run("export", "https://example.com/some/page", "--sandbox");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("error [UNSUPPORTED_PLATFORM]: ").doesNotContain("\tat ");
    }

    @Test
    void unknownOptionExitsTwo() {
        Cli.Run run = Cli.run("export", VIDEO, "--sandbox", "--frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error [USAGE]: Unknown option: '--frobnicate'");
    }

    @Test
    void unknownOptionWithJsonIsAJsonUsageError() {
        Cli.Run run = Cli.run("export", VIDEO, "--frobnicate", "--json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().get("ok").asBoolean()).isFalse();
        assertThat(run.json().get("error_code").asText()).isEqualTo("USAGE");
    }

    @Test
    void contentOptionsAreMutuallyExclusive() {
        Cli.Run run = Cli.run("export", VIDEO, "--sandbox", "--comments", "--posts");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        assertThat(Cli.run("export", VIDEO, "--sandbox", "--limit", "0", "-o", dir.resolve("a.csv").toString())
                .exitCode()).isEqualTo(2);
        assertThat(Cli.run("export", VIDEO, "--sandbox", "--since", "yesterday").err())
                .contains("'yesterday' is not a date");
        assertThat(Cli.run("export", VIDEO, "--sandbox", "--since", "2025-02-01", "--until", "2025-01-01",
                "-o", dir.resolve("a.csv").toString()).exitCode()).isEqualTo(2);
        assertThat(Cli.run("export", VIDEO, "--sandbox", "--proxy", "ftp://proxy:21").exitCode()).isEqualTo(2);
        assertThat(Cli.run("export", VIDEO, "--sandbox", "--endpoint", "nowhere.api=http://localhost:1").exitCode())
                .isEqualTo(2);
        assertThat(Cli.run("export", VIDEO, "--sandbox", "--endpoint", "youtube-api").exitCode()).isEqualTo(2);
    }

    @Test
    void acceptsIsoDatesAndInstants() {
        Cli.Run run = Cli.run("export", VIDEO, "--sandbox", "--since", "2024-06-01", "--until", "2026-01-01T12:00:00Z",
                "--limit", "10", "-o", dir.resolve("a.csv").toString(), "--json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    @Test
    void credentialNeverPrinted() {
        String credential = "youtube.api_key=" + SECRET;
        List<Cli.Run> runs = List.of(
                Cli.run("export", VIDEO, "--sandbox", "--credential", credential, "--debug", "--limit", "20",
                        "-o", dir.resolve("a.csv").toString()),
                Cli.run("export", VIDEO, "--sandbox", "--credential", credential, "--debug", "--limit", "20",
                        "-o", dir.resolve("b.csv").toString(), "--json"),
                Cli.run("export", "https://example.com/x", "--sandbox", "--credential", credential, "--debug"),
                Cli.run("export", "https://example.com/x", "--sandbox", "--credential=" + credential, "--json"),
                Cli.run("export", VIDEO, "--sandbox", "--credential", "nowhere.token=" + SECRET, "--debug"),
                Cli.run("export", VIDEO, "--sandbox", "--credential", SECRET, "--debug"),
                Cli.run("export", VIDEO, "--sandbox", "--credentail", credential, "--json"),
                Cli.run("export", VIDEO, "--sandbox", "--credentail", credential),
                Cli.run("export", VIDEO, "--sandbox", "--proxy", "http://user:" + SECRET + "@localhost:0"));

        assertThat(runs).extracting(Cli.Run::exitCode).containsExactly(0, 0, 2, 2, 2, 2, 2, 2, 2);
        assertThat(runs).allSatisfy(run -> assertThat(run.everything()).doesNotContain(SECRET));
        assertThat(runs.get(6).json().get("error").asText()).contains("'--credentail', 'youtube.api_key=…'");
    }

    @Test
    void missingCheckpointIsBadInput() {
        Cli.Run run = Cli.run("export", "--resume", dir.resolve("missing.csv.checkpoint.json").toString(), "--json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().get("error_code").asText()).isEqualTo("USAGE");
        assertThat(run.json().get("error").asText()).startsWith("checkpoint file not found: ");
    }

    @Test
    void needsExactlyOneOfUrlAndResume() {
        assertThat(Cli.run("export", "--sandbox").err()).contains("give the URL to export, or --resume");
        Cli.Run both = Cli.run("export", VIDEO, "--resume", "x.checkpoint.json");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("either a URL or --resume");
    }

    @Test
    void resumeRefusesOptionsTheCheckpointFixes() throws IOException {
        Path checkpoint = Files.writeString(dir.resolve("a.csv.checkpoint.json"), "{}");

        Cli.Run run = Cli.run("export", "--resume", checkpoint.toString(), "--limit", "5", "--comments");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("drop --comments, --limit");
    }

    @Test
    void resumesACancelledExportWithoutDuplicates() throws Exception {
        Path file = dir.resolve("c.csv");
        ExportException cancelled = cancelAfterFirstProgress(file);
        assertThat(cancelled.code()).isEqualTo(ErrorCode.CANCELLED);
        assertThat(cancelled.checkpoint()).isPresent();
        Path checkpoint = ErrorReporter.checkpointFile(cancelled.checkpoint().orElseThrow()).orElseThrow();
        assertThat(checkpoint).isRegularFile();

        // The checkpoint's request says the export is a sandbox one, so --sandbox need not be given again.
        Cli.Run run = Cli.run("export", "--resume", checkpoint.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Path.of(run.out().strip())).isEqualTo(file.toAbsolutePath());
        List<List<String>> records = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
        int id = records.get(0).indexOf("id");
        assertThat(records.subList(1, records.size())).hasSize(250)
                .extracting(record -> record.get(id)).doesNotHaveDuplicates();
        assertThat(checkpoint).doesNotExist();
    }

    @Test
    void aCheckpointWhoseCursorCannotBeReadIsNotOfferedForResumingAgain() throws Exception {
        Path file = dir.resolve("c.csv");
        ExportException cancelled = cancelAfterFirstProgress(file);
        Path checkpoint = ErrorReporter.checkpointFile(cancelled.checkpoint().orElseThrow()).orElseThrow();
        // A cursor another version or another export wrote: the checkpoint parses, its cursor does not.
        String json = Files.readString(checkpoint, StandardCharsets.UTF_8);
        Files.writeString(checkpoint, json.replaceFirst("\"cursor\"\\s*:\\s*\"[^\"]*\"", "\"cursor\":\"v9:foreign\""),
                StandardCharsets.UTF_8);

        Cli.Run run = Cli.run("export", "--resume", checkpoint.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("error [OUTPUT]: sandbox cursor 'v9:foreign'").doesNotContain("--resume");
        assertThat(checkpoint).content(StandardCharsets.UTF_8).contains("v9:foreign");
    }

    /** Starts a sandbox export with the library and cancels it once the first items are written. */
    private static ExportException cancelAfterFirstProgress(Path file) throws InterruptedException {
        AtomicReference<RunningExport> running = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        ExportListener cancelOnProgress = new ExportListener() {
            @Override
            public void onProgress(ExportEvent.ProgressMade event) {
                try {
                    started.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (event.progress().items() > 0) {
                    running.get().cancel();
                }
            }
        };
        try (StarExport star = StarExport.builder().sandbox(true).progressInterval(Duration.ofNanos(1)).build()) {
            running.set(star.export(VIDEO).comments().replies(true).limit(250).to(file).listener(cancelOnProgress)
                    .start());
            started.countDown();
            Throwable failure = catchThrowable(() -> running.get().result().get(10, TimeUnit.SECONDS));
            assertThat(failure).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ExportException.class);
            return (ExportException) failure.getCause();
        }
    }

    @Test
    void outputDirAndNameTemplateNameTheFileOfASingleExport() {
        Cli.Run run = Cli.run("export", VIDEO, "--sandbox", "--limit", "3", "-d", dir.toString(), "--name",
                "{id}-{kind}", "--format", "jsonl");

        assertThat(run.exitCode()).as(run.everything()).isZero();
        assertThat(run.out().strip()).isEqualTo(dir.resolve("dQw4w9WgXcQ-video.jsonl").toString());
        assertThat(dir.resolve("dQw4w9WgXcQ-video.jsonl")).isRegularFile();
    }

    /** Another export of the same -o holds its lock file, as a second terminal's export would. */
    @Test
    void aSecondExportToTheSameFileIsRefusedWithoutTouchingTheFirstOnesFiles() throws IOException {
        Path file = dir.resolve("c.csv");
        Path partial = Files.writeString(dir.resolve("c.csv.partial"), "id,text\n", StandardCharsets.UTF_8);
        try (java.nio.channels.FileChannel other = java.nio.channels.FileChannel.open(dir.resolve("c.csv.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock held = other.lock()) {
            Cli.Run run = Cli.run("export", VIDEO, "--sandbox", "-o", file.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("error [OUTPUT]: Cannot write " + file + ": another export is writing it")
                    .doesNotContain("--resume");
        }
        assertThat(partial).content(StandardCharsets.UTF_8).isEqualTo("id,text\n");
        assertThat(file).doesNotExist();
        assertThat(dir.resolve("c.csv.checkpoint.json")).doesNotExist();
    }

    @Test
    void outputNamingAnExistingFolderIsAUsageErrorBeforeAnything() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("comments.csv"));

        Cli.Run run = Cli.run("export", VIDEO, "--sandbox", "-o", folder.toString(), "--json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().get("error_code").asText()).isEqualTo("USAGE");
        assertThat(run.json().get("error").asText()).contains("-o " + folder + " is a folder");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(folder);
        }
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void outputDirCannotBeCombinedWithOutput() {
        Cli.Run run = Cli.run("export", VIDEO, "--sandbox", "-d", dir.toString(), "-o", dir.resolve("a.csv").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("-o names the file itself; drop --output-dir");
    }
}
