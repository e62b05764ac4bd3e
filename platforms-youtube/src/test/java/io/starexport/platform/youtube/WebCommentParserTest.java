package io.starexport.platform.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single pages through {@link WebCommentParser}. Synthetic: the header keeps the recorded nesting of
 * {@code innertube/replies/03-next.response.json} ({@code commentsHeaderRenderer.countText.runs}); the count
 * forms are those the web client shows (reference §1.8, "Value formats seen in the recordings"; yt-dlp's
 * {@code _get_count} / NewPipe's {@code Utils.mixedNumberWordToLong} read the same abbreviations).
 */
class WebCommentParserTest {
    private static final Instant NOW = Instant.parse("2026-01-24T12:00:00Z");

    private static JsonNode headerPage(String count) throws Exception {
        return Json.MAPPER.readTree("{\"onResponseReceivedEndpoints\":[{\"reloadContinuationItemsCommand\":{"
                + "\"continuationItems\":[{\"commentsHeaderRenderer\":{\"countText\":{\"runs\":[{\"text\":\"" + count
                + "\"},{\"text\":\" Comments\"}]}}}]}}]}");
    }

    @ParameterizedTest(name = "''{0} Comments''")
    @CsvSource(delimiter = '|', textBlock = """
            5,145  | 5145
            21,051 | 21051
            12     | 12
            1.2K   | 1200
            12K    | 12000
            3.4M   | 3400000
            """)
    void readsTheHeadersCommentCountAsTheTotal(String count, long total) throws Exception {
        assertThat(WebCommentParser.parse(headerPage(count), "dQw4w9WgXcQ", null, NOW, true).total()).isEqualTo(total);
    }
}
