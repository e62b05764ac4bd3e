package io.starexport.jobs;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.starexport.StarExport;
import io.starexport.api.ExportRequest;
import io.starexport.writer.csv.CsvFormat;
import io.starexport.writer.csv.CsvOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.jobs.ThreePlatforms.pageRequest;
import static io.starexport.jobs.ThreePlatforms.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** The csv options of a job's output: applied on every attempt and kept by the file store. */
class JobWriterOptionsTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String BOM = "\uFEFF";

    @TempDir
    Path dir;

    /** Two pages of comments whose texts look like spreadsheet formulas: {@code =SUM(A0)}… */
    private static void stubFormulaPost(String platform, String post) {
        server.stubFor(pageRequest(platform, post, null).willReturn(okJson(formulaPage(0, 2, "c2"))));
        server.stubFor(pageRequest(platform, post, "c2").willReturn(okJson(formulaPage(3, 5, null))));
    }

    private static String formulaPage(int from, int to, String next) {
        StringJoiner items = new StringJoiner(",");
        for (int i = from; i <= to; i++) {
            items.add("{\"id\":\"f-" + i + "\",\"text\":\"=SUM(A" + i + ")\",\"created\":\""
                    + ThreePlatforms.NEWEST.minus(Duration.ofHours(i)) + "\",\"author\":\"user" + i + "\"}");
        }
        return "{\"data\":{\"items\":[" + items + "],\"next\":" + (next == null ? "null" : "\"" + next + "\"") + "}}";
    }

    /** What Excel needs: a byte order mark, and formulas left as they are. */
    private static final CsvOptions EXCEL = CsvFormat.options().byteOrderMark(true).formulaProtection(false);

    private static StarExport engine() {
        return ThreePlatforms.engine(server).format(new CsvFormat()).build();
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    @Test
    void aCsvJobWithAByteOrderMarkAndNoFormulaProtectionWritesBoth() throws Exception {
        stubFormulaPost("alpha", "f1");
        Path plain = dir.resolve("plain.csv");
        Path excel = dir.resolve("excel.csv");
        try (StarExport star = engine(); JobExecutor jobs = JobExecutor.builder(star).build()) {
            assertThat(jobs.submit(ExportRequest.builder(url("alpha", "f1")).to(plain).build()).completion().join()
                    .status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(jobs.submit(ExportRequest.builder(url("alpha", "f1")).to(excel, EXCEL).build()).completion().join().status()).isEqualTo(JobStatus.SUCCEEDED);
        }
        byte[] bytes = Files.readAllBytes(excel);
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains(",=SUM(A0),", ",=SUM(A5),").doesNotContain("'=");
        // The defaults: no byte order mark, formulas neutralised.
        String defaults = Files.readString(plain, StandardCharsets.UTF_8);
        assertThat(defaults).doesNotStartWith(BOM).contains(",'=SUM(A0),", ",'=SUM(A5),");
    }

    @Test
    void aJobResumedAfterATransientFailureHasExactlyOneByteOrderMarkAndKeepsItsFormulaSwitch() throws Exception {
        stubFormulaPost("beta", "f2");
        server.stubFor(pageRequest("beta", "f2", "c2").inScenario("blip").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serviceUnavailable()).willSetStateTo("up"));
        Path out = dir.resolve("resumed.csv");
        Job job;
        try (StarExport star = engine();
             JobExecutor jobs = JobExecutor.builder(star).maxAttempts(2)
                     .backoff(Duration.ofMillis(1), Duration.ofMillis(5)).build()) {
            job = jobs.submit(ExportRequest.builder(url("beta", "f2")).to(out, EXCEL).build()).completion().join();
        }
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.attempts()).isEqualTo(2);
        // The second attempt resumed at the second page rather than starting the file again.
        assertThat(server.countRequestsMatching(pageRequest("beta", "f2", null).build().getRequest()).getCount())
                .isEqualTo(1);
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(text).startsWith(BOM);
        assertThat(occurrences(text, BOM)).isEqualTo(1);
        List<String> lines = text.substring(1).lines().toList();
        assertThat(lines).hasSize(1 + 6);
        assertThat(lines.subList(1, 7)).allSatisfy(line -> assertThat(line).contains(",=SUM(A").doesNotContain("'="));
        assertThat(occurrences(text, lines.get(0))).isEqualTo(1);
    }

    @Test
    void theFileStoreKeepsTheSwitches() throws Exception {
        stubFormulaPost("gamma", "f3");
        Path store = dir.resolve("jobs");
        Job job;
        try (StarExport star = engine();
             JobExecutor jobs = JobExecutor.builder(star).store(JobStore.directory(store)).build()) {
            job = jobs.submit(ExportRequest.builder(url("gamma", "f3")).to(dir.resolve("f3.csv"), EXCEL)
                    .build());
            job.completion().join();
        }
        List<JobRecord> loaded = JobStore.directory(store).loadAll();
        assertThat(loaded).hasSize(1);
        assertThat(loaded.get(0).request().outputs().get(0).options())
                .containsOnly(entry(CsvOptions.BYTE_ORDER_MARK, "true"), entry(CsvOptions.FORMULA_PROTECTION, "false"));
        assertThat(loaded.get(0)).isEqualTo(job.snapshot());
    }

    /** A document as the store wrote it before the switches existed: those jobs ran with the defaults. */
    @Test
    void aDocumentWithoutTheSwitchesLoadsWithTheDefaults() throws Exception {
        Path store = Files.createDirectories(dir.resolve("jobs"));
        Files.writeString(store.resolve("6f1c2a9e-0d7b-4c55-9a51-3f0e2d8b7c11.json"), """
                {
                  "version" : 1,
                  "id" : "6f1c2a9e-0d7b-4c55-9a51-3f0e2d8b7c11",
                  "platform" : "alpha",
                  "status" : "SUCCEEDED",
                  "attempts" : 1,
                  "createdAt" : "2026-11-01T10:00:00Z",
                  "startedAt" : "2026-11-01T10:00:01Z",
                  "finishedAt" : "2026-11-01T10:00:03Z",
                  "request" : {
                    "url" : "https://alpha.example/posts/old",
                    "content" : "COMMENTS",
                    "replies" : false,
                    "sort" : null,
                    "since" : null,
                    "until" : null,
                    "outputs" : [ { "file" : "old.csv", "format" : "csv" } ],
                    "priority" : 5
                  },
                  "progress" : { "items" : 6, "pages" : 2, "skipped" : 0, "itemsPerSecond" : 3.0, "elapsed" : "PT2S" },
                  "result" : { "items" : 6, "pages" : 2, "bytes" : 210, "completeness" : "complete", "files" : [ "old.csv" ] }
                }
                """);
        List<JobRecord> loaded = JobStore.directory(store).loadAll();
        assertThat(loaded).hasSize(1);
        ExportRequest request = loaded.get(0).request();
        assertThat(request.url()).isEqualTo("https://alpha.example/posts/old");
        assertThat(request.outputs()).containsExactly(
                new ExportRequest.Output(Path.of("old.csv"), Optional.of("csv"), Map.of()));
    }

    @Test
    void theCsvDefaultsTravelAsNoOptionsAndAnUnknownOneIsRefusedAtSubmit() {
        ExportRequest defaults = ExportRequest.builder(url("alpha", "a")).to(Path.of("out.csv"), CsvFormat.options())
                .build();
        assertThat(defaults.outputs().get(0).options()).isEmpty();
        assertThat(CsvFormat.options().byteOrderMark()).isFalse();
        assertThat(CsvFormat.options().formulaProtection()).isTrue();

        try (StarExport star = engine(); JobExecutor jobs = JobExecutor.builder(star).build()) {
            ExportRequest misspelt = ExportRequest.builder(url("alpha", "a")).outputs(List.of(new ExportRequest.Output(
                    dir.resolve("a.csv"), Optional.of("csv"), Map.of("byteOrderMarks", "true")))).build();
            assertThatThrownBy(() -> jobs.submit(misspelt)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("csv").hasMessageContaining("byteOrderMarks")
                    .hasMessageContaining(CsvOptions.BYTE_ORDER_MARK).hasMessageContaining(CsvOptions.FORMULA_PROTECTION);
            assertThat(jobs.list(JobQuery.all()).total()).isZero();
        }
    }
}
