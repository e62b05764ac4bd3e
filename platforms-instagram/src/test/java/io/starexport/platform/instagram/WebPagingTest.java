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
        return Fixtures.JSON.readTree(text);
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

    /**
     * Older REST bodies (dilame/instagram-private-api {@code media-comments.feed.response.ts} lists
     * {@code preview_child_comments} and {@code has_more_tail_child_comments} on a comment; not every body carries
     * {@code child_comment_count}): the previews are the replies unless a flag says there are more.
     */
    @Test
    void previewRepliesWithoutAChildCountAreKept() throws Exception {
        String reply = "{\"pk\":\"%s\",\"parent_comment_id\":\"%s\",\"text\":\"r\",\"created_at\":1,\"user\":{\"pk\":2,\"username\":\"b\"}}";
        JsonNode page = json("{\"comments\":[{\"pk\":10,\"text\":\"a\",\"created_at\":1,\"user\":{\"pk\":1,\"username\":\"a\"},"
                + "\"preview_child_comments\":[" + reply.formatted("11", "10") + "," + reply.formatted("12", "10") + "]},"
                + "{\"pk\":20,\"text\":\"b\",\"created_at\":1,\"user\":{\"pk\":1,\"username\":\"a\"},"
                + "\"has_more_tail_child_comments\":true,\"preview_child_comments\":[" + reply.formatted("21", "20") + "]}],"
                + "\"status\":\"ok\"}");
        Batch<io.starexport.api.Comment> batch = WebParser.comments(page, "1", "B", true, null);
        assertThat(batch.items()).extracting(io.starexport.api.Comment::id).containsExactly("10", "11", "12", "20");
        assertThat(batch.items().get(1).parentId()).hasValue("10");
        assertThat(batch.threads()).containsExactly(new Cursor.Thread("20", null));
    }

    /**
     * The web app's GraphQL comment connection ({@code xdt_api__v1__media__media_id__comments__connection}, reference
     * Part 3.5) carries REST-style nodes with {@code child_comment_count} and no {@code edge_threaded_comments}: their
     * replies are read through {@code child_comments}.
     */
    @Test
    void restStyleGraphQlNodesQueueTheirReplies() throws Exception {
        JsonNode page = json("{\"data\":{\"xdt_api__v1__media__media_id__comments__connection\":{\"edges\":[{\"node\":"
                + "{\"pk\":\"18065401537979604\",\"text\":\"hi\",\"created_at\":1754749758,\"child_comment_count\":3,"
                + "\"comment_like_count\":4,\"user\":{\"pk\":\"305701719\",\"username\":\"jlo\",\"is_verified\":true}}}],"
                + "\"page_info\":{\"has_next_page\":false,\"end_cursor\":null}}},\"status\":\"ok\"}");
        Batch<io.starexport.api.Comment> batch = WebParser.comments(page, "1", "B", true, null);
        assertThat(batch.items()).singleElement().satisfies(c -> {
            assertThat(c.replyCount()).hasValue(3);
            assertThat(c.likeCount()).hasValue(4);
            assertThat(c.author().orElseThrow().verified()).isTrue();
        });
        assertThat(batch.threads()).containsExactly(new Cursor.Thread("18065401537979604", null));
    }

    /**
     * Graph lists end when {@code paging.next} is gone, even with {@code paging.cursors.after} still present
     * (reference Part 2.2: "The last page has no next"; the Graph API keeps sending cursors on the last page).
     */
    @Test
    void aGraphPageWithCursorsButNoNextIsTheLast() throws Exception {
        JsonNode page = json("{\"data\":[{\"id\":\"17873440459141021\",\"text\":\"x\"}],"
                + "\"paging\":{\"cursors\":{\"before\":\"QVFIUmJ1\",\"after\":\"QVFIUnJ6\"}}}");
        assertThat(GraphParser.comments(page, "1", true).next()).isNull();
        assertThat(GraphParser.media(page, "$", false).next()).isNull();
        assertThat(GraphParser.media(page, "$", true).next()).isEqualTo(new Cursor.Next("after", "QVFIUnJ6"));
    }
}
