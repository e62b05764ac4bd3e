package io.starexport.testing;

import io.starexport.StarExport;
import io.starexport.api.Comment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real YouTube plugin replays real Data API responses. Recordings: sns-sdks/python-youtube @ 1694c2c :
 * testdata/apidata/comment_threads/comment_threads_by_video_paged_{1,2}.json (MIT, LICENSE.python-youtube).
 */
class YouTubeRecordingTest {
    @RegisterExtension
    static final StarExportExtension STAR_EXPORT = new StarExportExtension()
            .withEngine(builder -> builder.credential("youtube", "api_key", "recorded-key"));

    @Test
    @RecordedResponses(value = "recordings/youtube-F1UP7wRCPH8", platforms = "youtube")
    void replaysTwoRecordedPagesOfCommentThreads(StarExport star, RecordedResponseServer recordings) {
        assertThat(star.export("https://www.youtube.com/watch?v=F1UP7wRCPH8").comments().stream().map(Comment::id))
                // the two recorded pages hold the same five threads; the engine drops the repeats
                .containsExactly("UgyZ1jqkHKYvi1-ruOZ4AaABAg", "Ugy4OzAuz5uJuFt3FH54AaABAg", "UgysQP-vp089eFP0Stl4AaABAg",
                        "UgyKv8ziPYFJDGytM_J4AaABAg", "UgwI_ylXVnzPS8Q-oAV4AaABAg");
        assertThat(recordings.requests()).hasSize(2)
                .allSatisfy(r -> assertThat(r.path()).isEqualTo("/youtube/v3/commentThreads"))
                .allSatisfy(r -> assertThat(r.toString()).contains("key=***"));
    }
}
