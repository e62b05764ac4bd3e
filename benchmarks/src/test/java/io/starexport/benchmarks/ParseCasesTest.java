package io.starexport.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parsing figures mean something only if each measured operation is one recorded page turned into that
 * page's comments: one request, every comment of the page, nothing skipped by a recording the extractor
 * rejects. Counts are taken from the recordings themselves.
 */
class ParseCasesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyCaseParsesTheWholeRecordedPageInOneRequest() throws Exception {
        Map<String, ParseMeasurement.Case> cases = ParseMeasurement.cases().stream()
                .collect(Collectors.toMap(ParseMeasurement.Case::key, c -> c));
        assertThat(cases).containsOnlyKeys("youtube", "youtube.innertube", "reddit", "instagram", "tiktok");
        for (ParseMeasurement.Case c : cases.values()) {
            assertThat(ParseMeasurement.prepare(c).items()).as(c.key()).isPositive();
        }
        // Pages whose comments are one flat array: the extractor must give each of them.
        assertThat(ParseMeasurement.prepare(cases.get("youtube")).items())
                .isEqualTo(JSON.readTree(cases.get("youtube").page()).path("items").size());
        assertThat(ParseMeasurement.prepare(cases.get("tiktok")).items())
                .isEqualTo(JSON.readTree(cases.get("tiktok").page()).path("comments").size());
        assertThat(ParseMeasurement.prepare(cases.get("instagram")).items()).isEqualTo(JSON.readTree(
                cases.get("instagram").page()).findPath("edge_media_to_comment").path("edges").size());
    }
}
