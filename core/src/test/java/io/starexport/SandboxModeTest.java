package io.starexport;

import io.starexport.api.Comment;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.spi.SampleStyle;
import io.starexport.spi.SampleStyle.IdShape;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sandbox mode exports sample items for the URLs installed platforms resolve, in each platform's style. */
class SandboxModeTest {
    private static final SampleStyle STYLE = SampleStyle.builder().commentIds(IdShape.digits(7).withPrefix("4"))
            .comments((comment, sample) -> comment.url("https://kinds.example/comment/" + sample.id()))
            .build();

    @Test
    void aSandboxExportIsDressedInThePlatformsStyle() {
        try (StarExport star = StarExport.builder().platform(new KindsPlatform(STYLE)).sandbox(true)
                .environment(Map.of()).build();
             Stream<Comment> items = star.export("https://kinds.example/post/p1").comments().limit(50).stream()) {
            List<Comment> comments = items.toList();

            assertThat(comments).hasSize(50).allSatisfy(comment -> {
                assertThat(comment.platform()).isEqualTo(KindsPlatform.ID);
                assertThat(comment.id()).matches("4[0-9]{7}");
                assertThat(comment.url()).hasValue("https://kinds.example/comment/" + comment.id());
                assertThat(comment.extras()).containsEntry("sandbox", true);
            });
        }
    }

    @Test
    void aUrlOfAPlatformThatIsNotInstalledIsRefusedInSandboxModeToo() {
        try (StarExport star = StarExport.builder().discovery(false).platform(new KindsPlatform(STYLE)).sandbox(true)
                .environment(Map.of()).build()) {
            assertThatThrownBy(() -> star.detect("https://www.youtube.com/watch?v=dQw4w9WgXcQ"))
                    .isInstanceOfSatisfying(ExportException.class, e ->
                            assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_PLATFORM))
                    .hasMessageContaining("installed: kinds")
                    .hasMessageContaining("sandbox mode uses the installed platforms");
            assertThat(star.platforms()).extracting(PlatformInfo::id).containsExactly(KindsPlatform.ID);
        }
    }
}
