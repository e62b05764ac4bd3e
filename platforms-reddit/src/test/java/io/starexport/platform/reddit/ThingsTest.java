package io.starexport.platform.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.starexport.api.Comment;
import io.starexport.api.Media;
import io.starexport.api.Post;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Field variants of single things that the recordings do not hold. Synthetic, after
 * {@code reference/reddit-instagram.md} §1.3, §1.9 and §1.10; the source of each variant is named on its test.
 */
class ThingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static Comment comment(String fields) throws IOException {
        return Things.comment(json("{'id': 'c1', 'name': 't1_c1', 'link_id': 't3_p1', 'parent_id': 't3_p1', "
                + "'created_utc': 1750000000.5, " + fields + "}"), "data", 0);
    }

    /**
     * While a subreddit hides new comments' scores, Reddit answers {@code score_hidden: true} with a
     * placeholder score of 1 (rtv issue #150, libreddit issue #66): the like count is unknown, not 1.
     */
    @Test
    void aHiddenScoreIsUnknownNotOne() throws IOException {
        Comment hidden = comment("'author': 'a', 'body': 'x', 'score': 1, 'score_hidden': true");
        assertThat(hidden.likeCount()).isEmpty();
        assertThat(hidden.extras()).containsEntry("score_hidden", true);
        assertThat(comment("'author': 'a', 'body': 'x', 'score': 7, 'score_hidden': false").likeCount()).hasValue(7L);
    }

    /**
     * Bodies Reddit puts in place of a comment: {@code [deleted]} with author {@code [deleted]} and no
     * {@code author_fullname} when its author deleted it, {@code [removed]} by moderators, and
     * {@code [ Removed by Reddit ]} (and its copyright form) by Reddit itself, as Reddit viewers
     * such as libreddit and several archivers match them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"[removed]", "[ Removed by Reddit ]",
            "[ Removed by Reddit in response to a copyright notice. ]"})
    void removedBodiesAreFlaggedRemovedNotAsADeletedAuthor(String body) throws IOException {
        Comment removed = comment("'author': '[deleted]', 'body': '" + body + "'");
        assertThat(removed.extras()).containsEntry("removed", true).doesNotContainKeys("deleted", "author_deleted");
        assertThat(removed.author()).isEmpty();
        assertThat(removed.text()).isEqualTo(body);
    }

    @Test
    void aDeletedCommentAndADeletedAccountAreTold() throws IOException {
        Comment deleted = comment("'author': '[deleted]', 'body': '[deleted]'");
        assertThat(deleted.extras()).containsEntry("deleted", true).doesNotContainKey("removed");
        Comment orphan = comment("'author': '[deleted]', 'body': 'still here'");
        assertThat(orphan.extras()).containsEntry("author_deleted", true).doesNotContainKeys("deleted", "removed");
        assertThat(orphan.text()).isEqualTo("still here");
    }

    /** {@code edited} is {@code false} or a float epoch (reference §1.9), {@code created_utc} a float. */
    @Test
    void editedIsFalseOrAFloatTimestamp() throws IOException {
        Comment edited = comment("'author': 'a', 'body': 'x', 'edited': 1504012603.0, 'distinguished': 'moderator', "
                + "'stickied': true");
        assertThat(edited.edited()).isTrue();
        assertThat(edited.extras()).containsEntry("edited_at", "2017-08-29T13:16:43Z")
                .containsEntry("distinguished", "moderator");
        assertThat(edited.pinned()).isTrue();
        assertThat(edited.createdAt()).hasValueSatisfying(t -> assertThat(t.toEpochMilli()).isEqualTo(1750000000500L));
        Comment plain = comment("'author': 'a', 'body': 'x', 'edited': false");
        assertThat(plain.edited()).isFalse();
        assertThat(plain.extras()).doesNotContainKey("edited_at");
    }

    /**
     * An answer without {@code raw_json=1} escapes {@code &} in every string (reference §1.3), which breaks
     * the signed preview URLs; gallery entries that failed or are still processing have no source
     * ({@code status} other than {@code valid}, as gallery-dl skips them) and are left out.
     */
    @Test
    void mediaUrlsLoseTheLegacyEscapingAndUnfinishedGalleryItemsAreLeftOut() throws IOException {
        Post post = Things.post(json("{'id': 'p1', 'title': 't', "
                + "'gallery_data': {'items': [{'media_id': 'a'}, {'media_id': 'b'}, {'media_id': 'c'}, {'media_id': 'd'}]}, "
                + "'media_metadata': {"
                + "'a': {'status': 'valid', 'e': 'Image', 'm': 'image/jpg', 's': {'u': 'https://preview.redd.it/a.jpg?width=640&amp;s=abc', 'x': 640, 'y': 480}, "
                + "      'p': [{'u': 'https://preview.redd.it/a.jpg?width=108&amp;s=def', 'x': 108, 'y': 81}]},"
                + "'b': {'status': 'failed'},"
                + "'c': {'status': 'unprocessed', 'e': 'Image'},"
                + "'d': {'status': 'valid', 'e': 'AnimatedImage', 'm': 'image/gif', 's': {'gif': 'https://i.redd.it/d.gif', "
                + "      'mp4': 'https://preview.redd.it/d.gif?format=mp4&amp;s=xyz', 'x': 320, 'y': 240}}}}"), "data");
        List<Media> media = post.media();
        assertThat(media).hasSize(2);
        assertThat(media.get(0).url()).isEqualTo("https://preview.redd.it/a.jpg?width=640&s=abc");
        assertThat(media.get(0).variants()).extracting(Media.Variant::url)
                .containsExactly("https://preview.redd.it/a.jpg?width=108&s=def");
        assertThat(media.get(1).type()).isEqualTo(Media.Type.VIDEO);
        assertThat(media.get(1).url()).isEqualTo("https://preview.redd.it/d.gif?format=mp4&s=xyz");
    }

    /**
     * A text post with images in its body has {@code media_metadata} but no {@code gallery_data} (the same
     * entry shape as a gallery's, reference §1.10); gallery-dl reads them as the post's embedded media.
     * Subreddit emotes used in the text share the map (ids {@code emote|t5_…|…}) and are not media.
     */
    @Test
    void imagesInATextPostsBodyAreItsMedia() throws IOException {
        Post post = Things.post(json("{'id': 'p1', 'title': 't', 'is_self': true, 'selftext': 'look ![img](x1)', "
                + "'media_metadata': {'x1': {'status': 'valid', 'e': 'Image', 'm': 'image/png', "
                + "'s': {'u': 'https://preview.redd.it/x1.png?width=800&amp;s=1', 'x': 800, 'y': 600}}, "
                + "'x2': {'status': 'valid', 'e': 'RedditVideo', 'dashUrl': 'https://v.redd.it/x2/DASHPlaylist.mpd', 'x': 1, 'y': 1}, "
                + "'emote|t5_2qh1i|1234': {'status': 'valid', 'e': 'Image', 'm': 'image/png', 'id': 'emote|t5_2qh1i|1234', "
                + "'s': {'u': 'https://reddit-econ-prod-assets-permanent.s3.amazonaws.com/asset-manager/t5_2qh1i/e.png', 'x': 60, 'y': 60}}}}"), "data");
        assertThat(post.media()).extracting(Media::url).containsExactly("https://preview.redd.it/x1.png?width=800&s=1");
    }

    /**
     * An image post whose answer holds no {@code preview} still has its {@code i.redd.it} file (gallery-dl
     * downloads a submission's {@code url} itself); a link post to another site has no media of its own.
     */
    /**
     * Reddit sends {@code "selftext": ""} for a self post without body and for link and image posts (the 2026
     * listing in {@code TestSubmission.test_hide_multiple_in_batches.json} does for all of its image posts): the
     * text is empty, as the platform says, not unknown. A post without the field has no text.
     */
    @Test
    void anEmptySelftextIsAnEmptyTextNotAnUnknownOne() throws IOException {
        assertThat(Things.post(json("{'id': 'p1', 'title': 't', 'is_self': true, 'selftext': ''}"), "data").text())
                .hasValue("");
        assertThat(Things.post(json("{'id': 'p2', 'title': 't'}"), "data").text()).isEmpty();
    }

    @Test
    void anImagePostWithoutAPreviewKeepsItsFile() throws IOException {
        assertThat(Things.post(json("{'id': 'p1', 'title': 't', 'url': 'https://i.redd.it/abc123.jpeg', "
                + "'domain': 'i.redd.it'}"), "data").media()).extracting(Media::url)
                .containsExactly("https://i.redd.it/abc123.jpeg");
        assertThat(Things.post(json("{'id': 'p2', 'title': 't', 'url': 'https://example.com/article'}"), "data")
                .media()).isEmpty();
    }

    /** {@code removed_by_category} tells who removed a post (PRAW's Submission attributes). */
    @Test
    void aRemovedPostSaysWhoRemovedIt() throws IOException {
        Post post = Things.post(json("{'id': 'p1', 'title': 't', 'author': '[deleted]', 'selftext': '[removed]', "
                + "'removed_by_category': 'moderator'}"), "data");
        assertThat(post.extras()).containsEntry("removed_by_category", "moderator");
        assertThat(post.author()).isEmpty();
    }
}
