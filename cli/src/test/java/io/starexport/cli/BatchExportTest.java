package io.starexport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code export --from-file}: batch mode on the job executor, against the sandbox and {@link PagedPlatform}. */
class BatchExportTest {
    private static final String VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
    private static final String OTHER_VIDEO = "https://youtu.be/video000001";
    private static final String THREAD = "https://www.reddit.com/r/java/comments/t1000/";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private Path list(String... lines) throws IOException {
        Path file = dir.resolve("urls.txt");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    private Path out() {
        return dir.resolve("out");
    }

    private Cli.Run batch(Path list, String... extra) {
        String[] base = {"export", "--from-file", list.toString(), "-d", out().toString()};
        return Cli.run(Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new));
    }

    private List<String> outputFiles() throws IOException {
        try (Stream<Path> files = Files.list(out())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void exportsEveryUrlOfTheListAsJobsAndPrintsATable() throws IOException {
        Path list = list("# comments of the launch videos", VIDEO, "", "  " + OTHER_VIDEO + "  ", THREAD);

        Cli.Run run = batch(list, "--sandbox", "--limit", "20", "--format", "jsonl");

        assertThat(run.exitCode()).as(run.everything()).isZero();
        assertThat(outputFiles()).containsExactly("reddit-t1000-comments.jsonl", "youtube-dQw4w9WgXcQ-comments.jsonl",
                "youtube-video000001-comments.jsonl");
        for (String file : outputFiles()) {
            assertThat(Files.readAllLines(out().resolve(file))).hasSize(20);
        }
        List<String> table = run.out().lines().toList();
        assertThat(table.get(0)).matches("LINE +URL +PLATFORM +ITEMS +STATUS +ERROR +FILE");
        assertThat(table).hasSize(4);
        assertThat(table.get(1)).matches("2 +" + VIDEO.replace("?", "\\?") + " +youtube +20 +succeeded +- +.*"
                + "youtube-dQw4w9WgXcQ-comments.jsonl");
        assertThat(table.get(2)).contains("4 ", OTHER_VIDEO, "youtube", "succeeded");
        assertThat(table.get(3)).contains("5 ", THREAD, "reddit", "succeeded");
        assertThat(run.err()).contains("line 2 youtube video dQw4w9WgXcQ: started",
                "line 2 youtube video dQw4w9WgXcQ: done, 20 comments", "line 5 reddit post t1000: done, 20 comments",
                "3 jobs: 3 succeeded, 0 failed — 60 items");
    }

    @Test
    void jsonDataListsEveryJobSummary() throws IOException {
        Path list = list(VIDEO, THREAD);

        Cli.Run run = batch(list, "--sandbox", "--limit", "5", "--json");

        assertThat(run.exitCode()).as(run.everything()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("ok").asBoolean()).isTrue();
        JsonNode data = json.get("data");
        assertThat(data).hasSize(2);
        JsonNode first = data.get(0);
        assertThat(first.get("line").asInt()).isEqualTo(1);
        assertThat(first.get("url").asText()).isEqualTo(VIDEO);
        assertThat(first.get("platform").asText()).isEqualTo("youtube");
        assertThat(first.get("id").asText()).isEqualTo("dQw4w9WgXcQ");
        assertThat(first.get("content").asText()).isEqualTo("comments");
        assertThat(first.get("status").asText()).isEqualTo("succeeded");
        assertThat(first.get("items").asLong()).isEqualTo(5);
        assertThat(first.get("earlier_run").asBoolean()).isFalse();
        assertThat(first.get("error_code").isNull()).isTrue();
        assertThat(Path.of(first.get("file").asText())).isRegularFile().hasFileName("youtube-dQw4w9WgXcQ-comments.csv");
        assertThat(data.get(1).get("platform").asText()).isEqualTo("reddit");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void readsTheListFromStandardInput() throws IOException {
        Cli.Run run = Cli.run(Map.of("XDG_CONFIG_HOME", Cli.NO_CONFIG), VIDEO + "\n" + THREAD + "\n", "export",
                "--from-file", "-", "-d", out().toString(), "--sandbox", "--limit", "3", "--json");

        assertThat(run.exitCode()).as(run.everything()).isZero();
        assertThat(run.json().get("data")).hasSize(2);
        assertThat(outputFiles()).hasSize(2);
    }

    @Test
    void badLinesAreReportedWithTheirNumbersBeforeAnythingRuns() throws IOException {
        Path list = list("https://www.youtube.com/@somechannel", "# fine so far", "javascript:alert(1)",
                "https://www.reddit.com/user/spez", "https://example.org/nothing-here", VIDEO);

        Cli.Run run = batch(list, "--sandbox", "--profile");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error [USAGE]: 3 lines of " + list + " cannot be exported; nothing was run:")
                .contains("line 3: javascript:alert(1) — [INVALID_URL]")
                .contains("line 5: https://example.org/nothing-here — [UNSUPPORTED_PLATFORM]")
                .contains("line 6: " + VIDEO + " — [UNSUPPORTED_CONTENT] YouTube cannot export profile from a video")
                .doesNotContain("line 1:", "line 4:");
        assertThat(out()).doesNotExist();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void badLinesInJsonAreListedInTheDetail() throws IOException {
        Path list = list(VIDEO, "not a url");

        Cli.Run run = batch(list, "--sandbox", "--json");

        assertThat(run.exitCode()).isEqualTo(2);
        JsonNode json = run.json();
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("error_code").asText()).isEqualTo("USAGE");
        JsonNode line = json.get("detail").get("lines").get(0);
        assertThat(line.get("line").asInt()).isEqualTo(2);
        assertThat(line.get("url").asText()).isEqualTo("not a url");
        assertThat(line.get("error_code").asText()).isEqualTo("INVALID_URL");
        assertThat(line.get("error").asText()).isNotBlank();
    }

    @Test
    void anEmptyOrMissingListIsAUsageError() throws IOException {
        Cli.Run empty = batch(list("# nothing yet", ""), "--sandbox", "--json");
        Cli.Run missing = batch(dir.resolve("missing.txt"), "--sandbox");

        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.json().get("error").asText()).contains("holds no URLs");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("URL list not found: " + dir.resolve("missing.txt"));
    }

    @Test
    void aTargetListedTwiceIsExportedOnce() throws IOException {
        Path list = list(VIDEO, "https://youtu.be/dQw4w9WgXcQ");

        Cli.Run run = batch(list, "--sandbox", "--limit", "5");

        assertThat(run.exitCode()).as(run.everything()).isZero();
        assertThat(run.err()).contains("note: line 2 is the same video as line 1; it is exported once");
        assertThat(outputFiles()).containsExactly("youtube-dQw4w9WgXcQ-comments.csv");
    }

    @Test
    void runningTheSameCommandAgainSkipsTheJobsThatSucceeded() throws IOException {
        Path list = list(VIDEO, THREAD);
        Cli.Run first = batch(list, "--sandbox", "--limit", "10");
        assertThat(first.exitCode()).as(first.everything()).isZero();
        Path file = out().resolve("youtube-dQw4w9WgXcQ-comments.csv");
        Files.writeString(file, "marker: left alone by the second run\n", StandardCharsets.UTF_8);

        Cli.Run second = batch(list, "--sandbox", "--limit", "10");

        assertThat(second.exitCode()).as(second.everything()).isZero();
        assertThat(second.err()).contains("2 of 2 jobs already succeeded in an earlier run into " + out())
                .contains("2 jobs: 2 succeeded (2 in an earlier run)").doesNotContain("started");
        assertThat(second.out()).contains("succeeded (earlier)");
        assertThat(Files.readString(file)).startsWith("marker");
        assertThat(outputFiles()).hasSize(2);
        assertThat(out().resolve(".starexport/jobs")).isDirectory();
    }

    @Test
    void aSecondBatchIntoTheSameFolderIsRefusedWhileTheFirstRuns() throws IOException {
        Path list = list(VIDEO);
        Files.createDirectories(out().resolve(".starexport"));
        Cli.Run refused;
        try (FileChannel running = FileChannel.open(out().resolve(".starexport/lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = running.lock()) {
            assertThat(held.isValid()).isTrue();
            refused = batch(list, "--sandbox", "--limit", "10", "--json");
        }

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.json().get("error_code").asText()).isEqualTo("USAGE");
        assertThat(refused.json().get("error").asText()).startsWith("another starexport batch is running into " + out());
        assertThat(out().resolve(".starexport/jobs")).doesNotExist();
        Cli.Run after = batch(list, "--sandbox", "--limit", "10");
        assertThat(after.exitCode()).as(after.everything()).isZero();
    }

    @Test
    void otherOptionsMakeANewJobWithItsOwnFile() throws IOException {
        Path list = list(VIDEO);
        assertThat(batch(list, "--sandbox", "--limit", "10").exitCode()).isZero();

        Cli.Run run = batch(list, "--sandbox", "--limit", "20", "--json");

        assertThat(run.exitCode()).as(run.everything()).isZero();
        assertThat(run.json().get("data").get(0).get("earlier_run").asBoolean()).isFalse();
        assertThat(outputFiles()).containsExactly("youtube-dQw4w9WgXcQ-comments-2.csv", "youtube-dQw4w9WgXcQ-comments.csv");
        assertThat(Csv.parse(Files.readString(out().resolve("youtube-dQw4w9WgXcQ-comments-2.csv")))).hasSize(1 + 20);
        assertThat(Csv.parse(Files.readString(out().resolve("youtube-dQw4w9WgXcQ-comments.csv")))).hasSize(1 + 10);
    }

    @Test
    void theWriterSwitchesReachEveryJob() throws IOException {
        Path list = list(VIDEO, THREAD);

        // Sandbox comments include texts such as "=1+1 is the answer" and "@everyone look at 1:23"; protected, they
        // would start with a quote.
        Cli.Run run = batch(list, "--sandbox", "--limit", "60", "--bom", "--no-formula-protection");

        assertThat(run.exitCode()).as(run.everything()).isZero();
        assertThat(outputFiles()).containsExactly("reddit-t1000-comments.csv", "youtube-dQw4w9WgXcQ-comments.csv");
        for (String file : outputFiles()) {
            String text = Files.readString(out().resolve(file), StandardCharsets.UTF_8);
            assertThat(text).as(file).startsWith("\uFEFF");
            assertThat(text.indexOf('\uFEFF', 1)).as(file).isEqualTo(-1);
            List<String> cells = Csv.parse(text.substring(1)).stream().flatMap(List::stream).toList();
            assertThat(cells).as(file).hasSizeGreaterThan(60)
                    .anySatisfy(cell -> assertThat(cell).matches("(?s)[=+@-].*[a-z].*"))
                    .noneSatisfy(cell -> assertThat(cell).matches("(?s)'[=+@-].*"));
        }
        JsonNode output = storedRequest().get("outputs").get(0);
        assertThat(output.get("format").asText()).isEqualTo("csv");
        assertThat(output.get("options").get("byteOrderMark").asText()).isEqualTo("true");
        assertThat(output.get("options").get("formulaProtection").asText()).isEqualTo("false");
    }

    @Test
    void theCsvSwitchesAreRefusedForAnotherFormatAndNeverStored() throws IOException {
        Path list = list(VIDEO);

        Cli.Run run = batch(list, "--sandbox", "--limit", "5", "--format", "jsonl", "--bom");
        Cli.Run plain = batch(list, "--sandbox", "--limit", "5", "--format", "jsonl");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--bom is an option of csv files, but the output format is jsonl");
        assertThat(plain.exitCode()).as(plain.everything()).isZero();
        JsonNode output = storedRequest().get("outputs").get(0);
        assertThat(output.get("format").asText()).isEqualTo("jsonl");
        assertThat(output.has("options")).as(output.toString()).isFalse();
        assertThat(storedRequest().get("sandbox").asBoolean()).isTrue();
    }

    /** The request of one job in the batch's store (a document of {@code DIR/.starexport/jobs}). */
    private JsonNode storedRequest() throws IOException {
        try (Stream<Path> documents = Files.list(out().resolve(".starexport/jobs"))) {
            Path first = documents.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(first.toFile()).get("request");
        }
    }

    @Test
    void aRerunWithOtherWriterSwitchesMakesNewJobs() throws IOException {
        Path list = list(VIDEO);
        Cli.Run first = batch(list, "--sandbox", "--limit", "5");
        assertThat(first.exitCode()).as(first.everything()).isZero();

        Cli.Run withBom = batch(list, "--sandbox", "--limit", "5", "--bom", "--json");
        Cli.Run sameAgain = batch(list, "--sandbox", "--limit", "5", "--bom", "--json");

        assertThat(withBom.exitCode()).as(withBom.everything()).isZero();
        assertThat(withBom.json().get("data").get(0).get("earlier_run").asBoolean()).isFalse();
        assertThat(sameAgain.exitCode()).as(sameAgain.everything()).isZero();
        assertThat(sameAgain.json().get("data").get(0).get("earlier_run").asBoolean()).isTrue();
        assertThat(outputFiles()).containsExactly("youtube-dQw4w9WgXcQ-comments-2.csv", "youtube-dQw4w9WgXcQ-comments.csv");
        assertThat(Files.readString(out().resolve("youtube-dQw4w9WgXcQ-comments.csv"))).doesNotStartWith("\uFEFF");
        assertThat(Files.readString(out().resolve("youtube-dQw4w9WgXcQ-comments-2.csv"))).startsWith("\uFEFF");
    }

    @Test
    void theNameTemplateNamesFilesSafelyAndNeverOverwrites() throws IOException {
        Path list = list(VIDEO, OTHER_VIDEO, THREAD);
        Files.createDirectories(out());
        Files.writeString(out().resolve("youtube.jsonl"), "someone else's file\n");

        Cli.Run run = batch(list, "--sandbox", "--limit", "2", "--format", "jsonl", "--name", "{platform}");
        Cli.Run unsafe = batch(list("https://www.reddit.com/r/java/comments/t2000/"), "--sandbox", "--limit", "2",
                "--name", "../{kind}/{id} #{index} {line} {date}");

        assertThat(run.exitCode()).as(run.everything()).isZero();
        assertThat(unsafe.exitCode()).as(unsafe.everything()).isZero();
        assertThat(Files.readString(out().resolve("youtube.jsonl"))).isEqualTo("someone else's file\n");
        assertThat(outputFiles()).contains("youtube-2.jsonl", "youtube-3.jsonl", "reddit.jsonl")
                .anySatisfy(name -> assertThat(name).matches("_._post_t2000__1_1_\\d{4}-\\d\\d-\\d\\d\\.csv"));
    }

    @Test
    void anUnknownPlaceholderIsAUsageError() throws IOException {
        Cli.Run run = batch(list(VIDEO), "--sandbox", "--name", "{platform}-{title}", "--json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().get("error").asText()).contains("unknown placeholder {title}").contains("{platform}");
    }

    @Test
    void singleFileOptionsAreRefusedInBatchMode() throws IOException {
        Path list = list(VIDEO);

        Cli.Run output = batch(list, "--sandbox", "-o", dir.resolve("a.csv").toString());
        Cli.Run resume = batch(list, "--sandbox", "--resume", dir.resolve("a.csv.checkpoint.json").toString());
        Cli.Run url = batch(list, VIDEO, "--sandbox");
        Cli.Run concurrency = Cli.run("export", VIDEO, "--sandbox", "--concurrency", "3");

        assertThat(output.exitCode()).isEqualTo(2);
        assertThat(output.err()).contains("--output cannot be used with --from-file");
        assertThat(resume.exitCode()).isEqualTo(2);
        assertThat(resume.err()).contains("--resume cannot be used with --from-file");
        assertThat(url.exitCode()).isEqualTo(2);
        assertThat(url.err()).contains("give either a URL or --from-file FILE");
        assertThat(concurrency.exitCode()).isEqualTo(2);
        assertThat(concurrency.err()).contains("--concurrency applies to batch mode only");
    }

    /** Two posts of {@link PagedPlatform}; post {@code a} has two pages, the second of which can be broken. */
    private void servePosts(boolean secondPageBroken) {
        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/v1/comments")).withQueryParam("post", equalTo("a"))
                .withQueryParam("cursor", absent()).willReturn(okJson(page("a", 1, 3, "\"p2\""))));
        server.stubFor(get(urlPathEqualTo("/v1/comments")).withQueryParam("post", equalTo("a"))
                .withQueryParam("cursor", equalTo("p2")).willReturn(secondPageBroken ? notFound()
                        : okJson(page("a", 4, 5, "null"))));
        server.stubFor(get(urlPathEqualTo("/v1/comments")).withQueryParam("post", equalTo("b"))
                .willReturn(okJson(page("b", 1, 2, "null"))));
    }

    private static String page(String post, int from, int to, String next) {
        StringBuilder comments = new StringBuilder();
        for (int i = from; i <= to; i++) {
            comments.append(i == from ? "" : ",").append("{\"id\": \"").append(post).append(i)
                    .append("\", \"text\": \"comment ").append(i).append("\", \"created\": \"2025-10-0").append(i)
                    .append("T10:00:00Z\"}");
        }
        return "{\"comments\": [" + comments + "], \"next\": " + next + "}";
    }

    @Test
    void aFailedJobFailsTheBatchAndIsRetriedFromItsCheckpointNextTime() throws IOException {
        Path list = list("https://pagetest.example/p/a", "https://pagetest.example/p/b");
        String endpoint = "pagetest.api=" + server.baseUrl();
        servePosts(true);

        Cli.Run first = batch(list, "--endpoint", endpoint, "--format", "jsonl", "--json");

        assertThat(first.exitCode()).as(first.everything()).isEqualTo(1);
        JsonNode failed = first.json();
        assertThat(failed.get("ok").asBoolean()).isFalse();
        assertThat(failed.get("error_code").asText()).isEqualTo("JOBS_FAILED");
        assertThat(failed.get("error").asText()).isEqualTo("1 of 2 jobs failed");
        assertThat(failed.get("detail").get("failed").asInt()).isEqualTo(1);
        assertThat(failed.get("data").get(0).get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("data").get(0).get("error_code").asText()).isEqualTo("NOT_FOUND");
        assertThat(failed.get("data").get(1).get("status").asText()).isEqualTo("succeeded");

        servePosts(false);
        Cli.Run second = batch(list, "--endpoint", endpoint, "--format", "jsonl");

        assertThat(second.exitCode()).as(second.everything()).isZero();
        assertThat(second.err()).contains("line 1 pagetest post a: resumed from its checkpoint")
                .contains("1 of 2 jobs already succeeded in an earlier run");
        assertThat(Files.readAllLines(out().resolve("pagetest-a-comments.jsonl")))
                .extracting(line -> line.replaceAll(".*\"id\" ?: ?\"(a\\d)\".*", "$1"))
                .containsExactly("a1", "a2", "a3", "a4", "a5");
        server.verify(0, getRequestedFor(urlPathEqualTo("/v1/comments")).withQueryParam("post", equalTo("a"))
                .withQueryParam("cursor", absent()));
        server.verify(0, getRequestedFor(urlPathEqualTo("/v1/comments")).withQueryParam("post", equalTo("b")));
    }

    @Test
    void aFailedBatchPrintsTheTableTheErrorsAndHowToRetry() throws IOException {
        Path list = list("https://pagetest.example/p/a");
        servePosts(true);

        Cli.Run run = batch(list, "--endpoint", "pagetest.api=" + server.baseUrl());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("pagetest", "failed", "NOT_FOUND");
        assertThat(run.err()).contains("line 1 pagetest post a: failed [NOT_FOUND]")
                .contains("1 job: 0 succeeded, 1 failed")
                .contains("line 1: error [NOT_FOUND]")
                .contains("Run the same command again to retry the failed jobs");
    }

    @Test
    void anInterruptedBatchKeepsItsCheckpointsAndResumesOnTheNextRun() throws Exception {
        Path list = list("https://pagetest.example/p/a");
        String endpoint = "pagetest.api=" + server.baseUrl();
        serveThreePages(1500);
        AtomicReference<Cli.Run> first = new AtomicReference<>();
        Thread command = new Thread(() -> first.set(batch(list, "--endpoint", endpoint, "--format", "jsonl")));

        command.start();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
        while (server.findAll(getRequestedFor(urlPathEqualTo("/v1/comments")).withQueryParam("cursor", equalTo("p2")))
                .isEmpty()) {
            assertThat(System.nanoTime() - deadline).as("the batch never asked for page 2").isNegative();
            assertThat(command.isAlive()).as("the batch ended before page 2").isTrue();
            Thread.sleep(20);
        }
        command.interrupt();
        command.join();

        assertThat(first.get().exitCode()).as(first.get().everything()).isEqualTo(1);
        assertThat(first.get().out()).contains("interrupted");
        assertThat(first.get().err()).contains("1 unfinished")
                .contains("Interrupted. Unfinished jobs keep their checkpoints in " + out().resolve(".starexport/jobs")
                        + "; run the same command again to resume them.");
        server.verify(0, getRequestedFor(urlPathEqualTo("/v1/comments")).withQueryParam("cursor", equalTo("p3")));

        serveThreePages(0);
        Cli.Run second = batch(list, "--endpoint", endpoint, "--format", "jsonl");

        assertThat(second.exitCode()).as(second.everything()).isZero();
        assertThat(second.err()).contains("line 1 pagetest post a: resumed from its checkpoint");
        assertThat(Files.readAllLines(out().resolve("pagetest-a-comments.jsonl")))
                .extracting(line -> line.replaceAll(".*\"id\" ?: ?\"(a\\d)\".*", "$1"))
                .containsExactly("a1", "a2", "a3", "a4", "a5");
        server.verify(0, getRequestedFor(urlPathEqualTo("/v1/comments")).withQueryParam("cursor", absent()));
    }

    /** Post {@code a} in three pages; the second answers after {@code delayMillis}. */
    private void serveThreePages(int delayMillis) {
        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/v1/comments")).withQueryParam("cursor", absent())
                .willReturn(okJson(page("a", 1, 2, "\"p2\""))));
        server.stubFor(get(urlPathEqualTo("/v1/comments")).withQueryParam("cursor", equalTo("p2"))
                .willReturn(okJson(page("a", 3, 4, "\"p3\"")).withFixedDelay(delayMillis)));
        server.stubFor(get(urlPathEqualTo("/v1/comments")).withQueryParam("cursor", equalTo("p3"))
                .willReturn(okJson(page("a", 5, 5, "null"))));
    }
}
