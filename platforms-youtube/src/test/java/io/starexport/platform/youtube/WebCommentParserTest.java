package io.starexport.platform.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import io.starexport.api.Author;
import io.starexport.api.Comment;
import org.junit.jupiter.api.Test;
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
        return YouTubeTests.JSON.readTree("{\"onResponseReceivedEndpoints\":[{\"reloadContinuationItemsCommand\":{"
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

    /**
     * A channel path with a non-ASCII handle arrives percent-encoded in {@code canonicalBaseUrl}, as YouTube
     * writes such channel URLs; the handle is its decoded form (synthetic legacy renderer, reference §1.8).
     */
    @Test
    void decodesAPercentEncodedHandleFromTheChannelPath() throws Exception {
        JsonNode page = YouTubeTests.JSON.readTree("{\"onResponseReceivedEndpoints\":[{\"appendContinuationItemsAction\":{"
                + "\"continuationItems\":[{\"commentThreadRenderer\":{\"comment\":{\"commentRenderer\":{"
                + "\"commentId\":\"UgzHindi00000000000000000\",\"contentText\":{\"runs\":[{\"text\":\"namaste\"}]},"
                + "\"authorText\":{\"simpleText\":\"Old Display Name\"},\"authorEndpoint\":{\"browseEndpoint\":{"
                + "\"browseId\":\"UCuAXFkgsw1L7xaCfnd5JJOw\",\"canonicalBaseUrl\":"
                + "\"/@%E0%A4%B9%E0%A4%BF%E0%A4%A8%E0%A5%8D%E0%A4%A6%E0%A5%80\"}},"
                + "\"publishedTimeText\":{\"runs\":[{\"text\":\"1 day ago\"}]}}}}}]}}]}");
        Comment comment = WebCommentParser.parse(page, "dQw4w9WgXcQ", null, NOW, false).comments().get(0);
        Author author = comment.author().orElseThrow();
        assertThat(author.handle()).hasValue("हिन्दी");
        assertThat(author.displayName()).hasValue("Old Display Name");
        assertThat(author.url()).hasValue("https://www.youtube.com/@%E0%A4%B9%E0%A4%BF%E0%A4%A8%E0%A5%8D%E0%A4%A6%E0%A5%80");
    }
    /**
     * The page marks a thread the channel replied to with {@code commentRepliesRenderer.viewRepliesCreatorThumbnail}
     * (the creator's avatar on "1 reply"); recorded in {@code innertube/creatorreply/03-next.response.json} (see its
     * SOURCE.md), read the same way by NewPipeExtractor's {@code hasCreatorReply} and YouTube.js's
     * {@code has_channel_owner_replied}.
     */
    @Test
    void marksTheThreadsTheCreatorRepliedTo() throws Exception {
        JsonNode page = YouTubeTests.JSON.readTree(YouTubeTests.class.getResourceAsStream(
                "/youtube/innertube/creatorreply/03-next.response.json"));

        java.util.Map<String, Object> replied = new java.util.LinkedHashMap<>();
        WebCommentParser.parse(page, "bem4adjGKjE", null, NOW, false).comments()
                .forEach(comment -> replied.put(comment.id(), comment.extras().get("creator_replied")));

        assertThat(replied).hasSize(20)
                .containsEntry("UgyvwwIVFcQdcOjxAmV4AaABAg", true).containsEntry("Ugy-yKb5bh8Fu1nSaRZ4AaABAg", true)
                .containsEntry("UgwWU4k2v4K0RhIDGuV4AaABAg", false).containsEntry("UgzNjt8vxNUDlQ_oLwd4AaABAg", false);
        assertThat(replied.values()).filteredOn(Boolean.TRUE::equals).hasSize(6);
    }
}
