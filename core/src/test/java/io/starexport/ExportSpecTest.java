package io.starexport;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.api.Checkpoint;
import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.ExportListener;
import io.starexport.api.ExportRequest;
import io.starexport.api.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.TestPages.URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The spec's types and locks: the typed content choices fix the stream's item type, a content is chosen once,
 * and a resumed spec keeps its checkpoint's request and takes only listeners.
 */
class ExportSpecTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    @Test
    void aSecondContentChoiceFailsAtOnce() {
        try (StarExport star = TestPages.engine(server).build()) {
            ExportSpec<?> spec = star.export(URL).posts();
            assertThatThrownBy(spec::comments).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("content was already set").hasMessageContaining("POSTS");
            assertThatThrownBy(() -> star.export(URL).content(Content.MEDIA).profile())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("content was already set");
        }
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void theTypedChoicesStreamTheirItemTypeAndContentStreamsItems() {
        TestPages.threePages(server);
        try (StarExport star = TestPages.engine(server).build()) {
            List<Comment> comments;
            try (Stream<Comment> stream = star.export(URL).comments().limit(3).stream()) {
                comments = stream.toList();
            }
            assertThat(comments).extracting(Comment::postId).containsOnly("p1");

            ExportSpec<Item> chosenAtRunTime = star.export(URL).content(Content.COMMENTS).limit(3);
            assertThat(chosenAtRunTime.request().content()).hasValue(Content.COMMENTS);
            try (Stream<Item> stream = chosenAtRunTime.stream()) {
                assertThat(stream.map(Item::id).toList()).isEqualTo(comments.stream().map(Item::id).toList());
            }
        }
    }

    @Test
    void aResumedSpecKeepsTheCheckpointsRequestAndTakesOnlyListeners() {
        Path out = dir.resolve("comments.jsonl");
        ExportRequest request = ExportRequest.builder(URL).content(Content.COMMENTS).limit(20).to(out).build();
        Checkpoint checkpoint = new Checkpoint(request, Optional.of("c2"), 10,
                List.of(new Checkpoint.Output(out, dir.resolve("comments.jsonl.partial"), "jsonl", 0)),
                Instant.parse("2026-12-07T10:00:00Z"));
        try (StarExport star = TestPages.engine(server).build()) {
            ExportSpec<Item> resumed = star.resume(checkpoint);

            assertThatThrownBy(() -> resumed.limit(5)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("a resumed export keeps the request of its checkpoint")
                    .hasMessageContaining("limit");
            assertThatThrownBy(resumed::posts).isInstanceOf(IllegalStateException.class).hasMessageContaining("content");
            assertThatThrownBy(() -> resumed.to(dir.resolve("other.csv"))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> resumed.sandbox(true)).isInstanceOf(IllegalStateException.class);
            assertThat(resumed.listener(ExportListener.NONE)).isSameAs(resumed);
            assertThat(resumed.request()).isEqualTo(request);
        }
        assertThat(server.getAllServeEvents()).isEmpty();
    }
}
