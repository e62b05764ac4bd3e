package io.starexport.jobs;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.StarExport;
import io.starexport.api.Enrichments;
import io.starexport.api.ExportRequest;
import io.starexport.api.Item;
import io.starexport.spi.Enricher;
import io.starexport.spi.EnricherContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.jobs.ThreePlatforms.stubPost;
import static io.starexport.jobs.ThreePlatforms.url;
import static org.assertj.core.api.Assertions.assertThat;

/** A job's request carries its enrichers: through the run, and through the directory store after a restart. */
class JobEnrichmentTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    /** Marks every item it sees. */
    static final class Marker implements Enricher {
        @Override
        public String id() {
            return "marker";
        }

        @Override
        public List<Enrichments> enrich(List<Item> items, EnricherContext context) {
            return items.stream().map(item -> Enrichments.NONE.withCustom("seen", true)).toList();
        }
    }

    @Test
    void aJobRunsItsEnrichersAndKeepsThemAcrossAReload() throws Exception {
        stubPost(server, "beta", "c1", 0);
        Path store = dir.resolve("jobs");
        Path out = dir.resolve("c1.jsonl");
        ExportRequest request = ExportRequest.builder(url("beta", "c1")).enrich("marker").to(out).build();
        Job job;
        try (StarExport engine = ThreePlatforms.engine(server).enricher(new Marker()).build();
             JobExecutor jobs = JobExecutor.builder(engine).store(JobStore.directory(store)).build()) {
            job = jobs.submit(request);
            assertThat(job.completion().join().status()).isEqualTo(JobStatus.SUCCEEDED);
        }
        assertThat(Files.readAllLines(out)).isNotEmpty().allSatisfy(line ->
                assertThat(line).endsWith("\"enrichments\":{\"seen\":true}}"));

        try (StarExport engine = ThreePlatforms.engine(server).enricher(new Marker()).build();
             JobExecutor reloaded = JobExecutor.builder(engine).store(JobStore.directory(store)).build()) {
            assertThat(reloaded.job(job.id()).orElseThrow().request().enrichers()).containsExactly("marker");
        }
    }
}
