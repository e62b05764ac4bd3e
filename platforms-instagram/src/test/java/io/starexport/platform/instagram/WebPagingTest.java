package io.starexport.platform.instagram;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the web comment endpoints continue (reference/reddit-instagram.md 3.3: Instaloader follows {@code next_min_id},
 * instagrapi {@code next_max_id} while {@code has_more_comments}, else {@code next_min_id} while
 * {@code has_more_headload_comments}). Bodies are synthetic envelopes of that section.
 */
class WebPagingTest {
    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void followsNextMaxIdWhileThereAreMoreComments() throws Exception {
        JsonNode page = json("{\"comments\":[],\"has_more_comments\":true,\"next_max_id\":\"QVFBX2\",\"status\":\"ok\"}");
        assertThat(WebParser.comments(page, "1", "B", true, null).next()).isEqualTo(new Cursor.Next("max_id", "QVFBX2"));
    }

    @Test
    void stopsWhenTheFlagsSayThereIsNoMore() throws Exception {
        JsonNode page = json("{\"comments\":[],\"has_more_comments\":false,\"next_max_id\":\"QVFBX2\","
                + "\"has_more_headload_comments\":false,\"next_min_id\":\"QVFBX3\",\"status\":\"ok\"}");
        assertThat(WebParser.comments(page, "1", "B", true, null).next()).isNull();
    }

    @Test
    void keepsTheDirectionItStartedIn() throws Exception {
        JsonNode page = json("{\"comments\":[],\"has_more_comments\":true,\"next_max_id\":\"QVFBX2\",\"status\":\"ok\"}");
        assertThat(WebParser.comments(page, "1", "B", true, new Cursor.Next("min_id", "x")).next()).isNull();
    }

    @Test
    void aJsonObjectCursorIsPassedBackAsItsJson() throws Exception {
        JsonNode page = json("{\"comments\":[],\"next_min_id\":{\"server_cursor\":\"QVFB\",\"is_server_cursor_inverse\":true},"
                + "\"status\":\"ok\"}");
        assertThat(WebParser.comments(page, "1", "B", true, null).next())
                .isEqualTo(new Cursor.Next("min_id", "{\"server_cursor\":\"QVFB\",\"is_server_cursor_inverse\":true}"));
    }

    @Test
    void childCommentsContinueTowardsTheHeadWhenOnlyThatIsLeft() throws Exception {
        JsonNode page = json("{\"child_comments\":[{\"pk\":\"5\",\"text\":\"r\",\"created_at\":1}],"
                + "\"has_more_tail_child_comments\":false,\"has_more_head_child_comments\":true,"
                + "\"next_min_child_cursor\":\"QVFCa\",\"status\":\"ok\"}");
        Batch<io.starexport.api.Comment> batch = WebParser.childComments(page, "1", "B", "4", null);
        assertThat(batch.items()).singleElement().satisfies(reply -> assertThat(reply.parentId()).hasValue("4"));
        assertThat(batch.threads()).containsExactly(new Cursor.Thread("4", new Cursor.Next("min_id", "QVFCa")));
    }

    @Test
    void aCommentWithoutAnIdIsSkippedWithItsPath() throws Exception {
        JsonNode page = json("{\"comments\":[{\"text\":\"no id\"},{\"pk\":7,\"text\":\"ok\"}],\"status\":\"ok\"}");
        Batch<io.starexport.api.Comment> batch = WebParser.comments(page, "1", "B", false, null);
        assertThat(batch.items()).extracting(io.starexport.api.Comment::id).containsExactly("7");
        assertThat(batch.skipped()).singleElement().satisfies(s -> assertThat(s.path()).isEqualTo("comments[0].pk"));
    }

    /** A GraphQL comment node as AlexeyVulf/hiker-doc docs/source/gql.rst shows it (2021): likes, a threaded count and edges. */
    @Test
    void graphQlThreadsWithMoreRepliesThanInlineAreReadThroughChildComments() throws Exception {
        String reply = "{\"node\":{\"id\":\"17913343571118278\",\"text\":\"@rocky 😍\",\"created_at\":1635869520,"
                + "\"owner\":{\"id\":\"29548602880\",\"is_verified\":false,\"username\":\"pata\"},\"edge_liked_by\":{\"count\":1}}}";
        JsonNode page = json("{\"data\":{\"shortcode_media\":{\"edge_media_to_parent_comment\":{\"count\":2,"
                + "\"page_info\":{\"has_next_page\":false,\"end_cursor\":null},\"edges\":["
                + "{\"node\":{\"id\":\"17871375683538333\",\"text\":\"😍😍😍\",\"created_at\":1635869420,"
                + "\"owner\":{\"id\":\"33259029032\",\"is_verified\":true,\"username\":\"rocky\"},\"edge_liked_by\":{\"count\":258},"
                + "\"edge_threaded_comments\":{\"count\":16,\"page_info\":{\"has_next_page\":true},\"edges\":[" + reply + "]}}},"
                + "{\"node\":{\"id\":\"17871375683538334\",\"text\":\"two\",\"created_at\":1635869421,"
                + "\"owner\":{\"id\":\"1\",\"username\":\"x\"},"
                + "\"edge_threaded_comments\":{\"count\":1,\"edges\":[" + reply + "]}}}]}}},\"status\":\"ok\"}");
        Batch<io.starexport.api.Comment> batch = WebParser.comments(page, "1", "B", true, null);
        assertThat(batch.items()).extracting(io.starexport.api.Comment::id)
                .containsExactly("17871375683538333", "17871375683538334", "17913343571118278");
        assertThat(batch.items().get(0).likeCount()).hasValue(258);
        assertThat(batch.items().get(0).replyCount()).hasValue(16);
        assertThat(batch.items().get(0).author().orElseThrow().verified()).isTrue();
        assertThat(batch.items().get(2).parentId()).hasValue("17871375683538334");
        assertThat(batch.threads()).containsExactly(new Cursor.Thread("17871375683538333", null));
        assertThat(batch.next()).isNull();
        assertThat(batch.total()).isEqualTo(2);
    }
}
