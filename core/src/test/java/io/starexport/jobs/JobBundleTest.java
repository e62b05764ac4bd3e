package io.starexport.jobs;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.StarExport;
import io.starexport.api.ExportRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.jobs.ThreePlatforms.pageRequest;
import static io.starexport.jobs.ThreePlatforms.stubPost;
import static io.starexport.jobs.ThreePlatforms.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** Bundles: the outputs of finished jobs in one ZIP whose entries cannot escape the folder they unpack to. */
class JobBundleTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entryStream = new ZipInputStream(in)) {
            for (ZipEntry entry = entryStream.getNextEntry(); entry != null; entry = entryStream.getNextEntry()) {
                entries.put(entry.getName(), entryStream.readAllBytes());
            }
        }
        return entries;
    }

    @Test
    void entryNamesCannotEscapeTheFolderTheyUnpackTo() {
        Map<String, String> hostile = new LinkedHashMap<>();
        hostile.put("../../etc/passwd", "passwd");
        hostile.put("/var/tmp/abs.jsonl", "abs.jsonl");
        hostile.put("C:\\Windows\\System32\\evil.jsonl", "evil.jsonl");
        hostile.put("a/../../b.csv", "b.csv");
        hostile.put("..", "file");
        hostile.put("...jsonl", "jsonl");
        hostile.put(".hidden", "hidden");
        hostile.put("D:evil.csv", "D_evil.csv");
        hostile.put("tab\tand\u0000nul.jsonl", "tab_and_nul.jsonl");
        hostile.put("", "file");
        hostile.put("comentários.jsonl", "comentários.jsonl");
        Path root = Path.of("/unpack/here");
        hostile.forEach((name, expected) -> {
            String safe = ZipBundle.entryName(name);
            assertThat(safe).as(name).isEqualTo(expected);
            assertThat(root.resolve(safe).normalize().getParent()).as(name).isEqualTo(root);
        });
        assertThat(ZipBundle.entryName("x".repeat(500) + ".jsonl")).hasSize(200).endsWith(".jsonl");
    }

    @Test
    void bundlesTheOutputsOfSucceededJobsIntoOneZip() throws Exception {
        stubPost(server, "alpha", "z1", 0);
        stubPost(server, "beta", "z2", 0);
        try (StarExport star = ThreePlatforms.engine(server).build(); JobExecutor jobs = JobExecutor.builder(star).build()) {
            Path first = dir.resolve("one").resolve("comments.jsonl");
            Path second = dir.resolve("two").resolve("comments.jsonl");
            List<Job> batch = jobs.submitAll(List.of(ExportRequest.builder(url("alpha", "z1")).to(first).build(),
                    ExportRequest.builder(url("beta", "z2")).to(second).build()));
            batch.forEach(job -> job.completion().join());

            Path zip = jobs.bundle(batch.stream().map(Job::id).toList(), dir.resolve("bundle.zip"));

            Map<String, byte[]> entries = entries(zip);
            String prefix = batch.get(1).id().toString().substring(0, 8);
            assertThat(entries).containsOnlyKeys("comments.jsonl", prefix + "-comments.jsonl");
            assertThat(entries).contains(entry("comments.jsonl", Files.readAllBytes(first)),
                    entry(prefix + "-comments.jsonl", Files.readAllBytes(second)));
            assertThat(dir.resolve("bundle.zip.partial")).doesNotExist();
        }
    }

    @Test
    void jobsThatHaveNotSucceededAreRefusedByName() {
        stubPost(server, "gamma", "fine", 0);
        server.stubFor(pageRequest("gamma", "broken", null).willReturn(notFound()));
        try (StarExport star = ThreePlatforms.engine(server).build(); JobExecutor jobs = JobExecutor.builder(star).build()) {
            Job fine = jobs.submit(ExportRequest.builder(url("gamma", "fine")).to(dir.resolve("fine.jsonl")).build());
            Job broken = jobs.submit(ExportRequest.builder(url("gamma", "broken")).to(dir.resolve("broken.jsonl")).build());
            fine.completion().join();
            broken.completion().join();
            Path zip = dir.resolve("bundle.zip");

            assertThatThrownBy(() -> jobs.bundle(List.of(fine.id(), broken.id()), zip))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(broken.id() + " (FAILED)").hasMessageNotContaining(fine.id().toString());
            assertThat(zip).doesNotExist();
        }
    }
}
