package io.starexport.testing.samples;

import io.starexport.StarExport;
import io.starexport.api.Comment;
import io.starexport.testing.FakePlatform;
import io.starexport.testing.RecordedResponseServer;
import io.starexport.testing.RecordedResponses;
import io.starexport.testing.StarExportExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/testing.md's recorded-responses sample. The recordings in {@code recordings/fake-p1} are synthetic, in
 * the fake platform's API shape; with a real platform module, name it in {@code platforms} instead.
 */
@ExtendWith(StarExportExtension.class)
class RecordedThreadTest {

    @Test
    @RecordedResponses(value = "recordings/fake-p1", platforms = "fake")
    void readsTheRecordedThread(StarExport star, FakePlatform fake, RecordedResponseServer recordings) {
        assertThat(star.export(fake.url("p1")).comments().stream().map(Comment::id))
                .containsExactly("r1", "r2", "r3");
        assertThat(recordings.requests()).hasSize(3);   // page 2 answered 503 once, then the page
    }
}
