package io.starexport.platform.instagram;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.StarExport;
import io.starexport.api.Comment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web comment endpoints page in two independent directions: {@code min_id}/{@code next_min_id} while
 * {@code has_more_headload_comments} (the head, what Instaloader follows) and {@code max_id}/{@code next_max_id}
 * while {@code has_more_comments} (the tail, what instagrapi follows first); child comments likewise with
 * {@code next_max_child_cursor}/{@code has_more_tail_child_comments} and
 * {@code next_min_child_cursor}/{@code has_more_head_child_comments} (dilame/instagram-private-api
 * {@code media.inline-child-comments.feed.response.ts}). A first page may advertise both, and neither flag ends
 * the other direction. Bodies are synthetic envelopes of reference/reddit-instagram.md Part 3.3.
 */
class WebDirectionsTest {
    private static final String POST = "https://www.instagram.com/p/CAnqPB-Jzcj/";
    private static final String COMMENTS = "/api/v1/media/2317006284167526179/comments/";
    private static final String THREAD = COMMENTS + "30/child_comments/";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static String comment(String pk, int children) {
        return "{\"pk\":\"" + pk + "\",\"text\":\"c" + pk + "\",\"created_at\":1754749758,\"user\":{\"pk\":\"9\","
                + "\"username\":\"u\"},\"comment_like_count\":0,\"child_comment_count\":" + children + "}";
    }

    private static String reply(String pk) {
        return "{\"pk\":\"" + pk + "\",\"parent_comment_id\":\"30\",\"text\":\"r" + pk + "\",\"created_at\":1754749800,"
                + "\"user\":{\"pk\":\"8\",\"username\":\"v\"},\"comment_like_count\":0}";
    }

    private static MappingBuilder page(String path, String minId, String maxId) {
        return get(urlPathEqualTo(path)).withQueryParam("min_id", minId == null ? absent() : equalTo(minId))
                .withQueryParam("max_id", maxId == null ? absent() : equalTo(maxId));
    }

    private List<Comment> export(boolean replies) {
        try (StarExport star = Fixtures.web(server).build()) {
            return Fixtures.items(star.export(POST).comments().replies(replies));
        }
    }

    @Test
    void aFirstPageThatOffersBothDirectionsIsReadInBoth() {
        server.stubFor(page(COMMENTS, null, null).willReturn(okJson("{\"comments\":[" + comment("20", 0) + "],"
                + "\"comment_count\":3,\"has_more_headload_comments\":true,\"next_min_id\":\"HEAD1\","
                + "\"has_more_comments\":true,\"next_max_id\":\"TAIL1\",\"status\":\"ok\"}")));
        server.stubFor(page(COMMENTS, "HEAD1", null).willReturn(okJson("{\"comments\":[" + comment("10", 0) + "],"
                + "\"has_more_headload_comments\":false,\"has_more_comments\":true,\"next_max_id\":\"TAIL1\","
                + "\"status\":\"ok\"}")));
        server.stubFor(page(COMMENTS, null, "TAIL1").willReturn(okJson("{\"comments\":[" + comment("30", 0) + "],"
                + "\"has_more_comments\":false,\"has_more_headload_comments\":true,\"next_min_id\":\"HEAD1\","
                + "\"status\":\"ok\"}")));

        assertThat(export(false)).extracting(Comment::id).containsExactly("20", "10", "30");
        server.verify(1, getRequestedFor(urlPathEqualTo(COMMENTS)).withQueryParam("min_id", equalTo("HEAD1")));
        server.verify(1, getRequestedFor(urlPathEqualTo(COMMENTS)).withQueryParam("max_id", equalTo("TAIL1")));
    }

    @Test
    void childCommentsAreReadTowardsTheTailThenTheHead() {
        server.stubFor(page(COMMENTS, null, null).willReturn(okJson("{\"comments\":[" + comment("30", 4) + "],"
                + "\"has_more_comments\":false,\"has_more_headload_comments\":false,\"status\":\"ok\"}")));
        server.stubFor(page(THREAD, null, null).willReturn(okJson("{\"child_comments\":[" + reply("32") + "],"
                + "\"has_more_tail_child_comments\":true,\"next_max_child_cursor\":\"T1\","
                + "\"has_more_head_child_comments\":true,\"next_min_child_cursor\":\"H1\",\"status\":\"ok\"}")));
        server.stubFor(page(THREAD, null, "T1").willReturn(okJson("{\"child_comments\":[" + reply("33") + "],"
                + "\"has_more_tail_child_comments\":false,\"has_more_head_child_comments\":true,"
                + "\"next_min_child_cursor\":\"H0\",\"status\":\"ok\"}")));
        server.stubFor(page(THREAD, "H1", null).willReturn(okJson("{\"child_comments\":[" + reply("31") + "],"
                + "\"has_more_head_child_comments\":false,\"has_more_tail_child_comments\":true,"
                + "\"next_max_child_cursor\":\"T0\",\"status\":\"ok\"}")));

        assertThat(export(true)).extracting(Comment::id).containsExactly("30", "32", "33", "31");
        server.verify(0, getRequestedFor(urlPathEqualTo(THREAD)).withQueryParam("min_id", equalTo("H0")));
        server.verify(0, getRequestedFor(urlPathEqualTo(THREAD)).withQueryParam("max_id", equalTo("T0")));
    }

    @Test
    void aChildThreadThatRepeatsItsCursorEnds() {
        server.stubFor(page(COMMENTS, null, null).willReturn(okJson("{\"comments\":[" + comment("30", 9) + "],"
                + "\"has_more_comments\":false,\"status\":\"ok\"}")));
        server.stubFor(page(THREAD, null, null).willReturn(okJson("{\"child_comments\":[" + reply("31") + "],"
                + "\"has_more_tail_child_comments\":true,\"next_max_child_cursor\":\"SAME\",\"status\":\"ok\"}")));
        server.stubFor(page(THREAD, null, "SAME").willReturn(okJson("{\"child_comments\":[" + reply("32") + "],"
                + "\"has_more_tail_child_comments\":true,\"next_max_child_cursor\":\"SAME\",\"status\":\"ok\"}")));

        assertThat(export(true)).extracting(Comment::id).containsExactly("30", "31", "32");
        server.verify(2, getRequestedFor(urlPathEqualTo(THREAD)));
    }
}
