package io.starexport.core.internal.media;

import io.starexport.api.Media;
import io.starexport.media.Quality;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rendition each quality picks. */
class RenditionsTest {
    private static final Media VIDEO = Media.of(Media.Type.VIDEO, "https://cdn.example/720.mp4").withSize(1280, 720)
            .withMimeType("video/mp4")
            .withVariants(List.of(Media.Variant.of("https://cdn.example/1080.mp4", 1920, 1080),
                    Media.Variant.of("https://cdn.example/360.mp4", 640, 360)));

    private static String url(Media media, Quality quality) {
        return Renditions.choose(media, quality).url();
    }

    @Test
    void bestIsTheTallestAndWorstTheShortest() {
        assertThat(url(VIDEO, Quality.BEST)).endsWith("/1080.mp4");
        assertThat(url(VIDEO, Quality.WORST)).endsWith("/360.mp4");
    }

    @Test
    void maxHeightTakesTheTallestThatFitsElseTheSmallest() {
        assertThat(url(VIDEO, Quality.maxHeight(1000))).endsWith("/720.mp4");
        assertThat(url(VIDEO, Quality.maxHeight(360))).endsWith("/360.mp4");
        assertThat(url(VIDEO, Quality.maxHeight(144))).endsWith("/360.mp4");
    }

    @Test
    void mediaWithoutSizesKeepsThePlatformsDefault() {
        Media unsized = Media.of(Media.Type.IMAGE, "https://cdn.example/default.jpg")
                .withVariants(List.of(new Media.Variant("https://cdn.example/other.jpg", java.util.OptionalInt.empty(),
                        java.util.OptionalInt.empty(), java.util.Optional.empty())));
        assertThat(url(unsized, Quality.WORST)).endsWith("/default.jpg");
        assertThat(url(unsized, Quality.BEST)).endsWith("/default.jpg");
    }

    @Test
    void aVariantWithoutItsOwnTypeTakesTheDefaultRenditionsType() {
        assertThat(Renditions.choose(VIDEO, Quality.BEST).mimeType()).hasValue("video/mp4");
    }

    @Test
    void qualityParsesWhatTheCommandLineTakes() {
        assertThat(Quality.parse("BEST")).isEqualTo(Quality.BEST);
        assertThat(Quality.parse("worst")).isEqualTo(Quality.WORST);
        assertThat(Quality.parse("720p").maxHeight()).hasValue(720);
        assertThat(Quality.parse("480").toString()).isEqualTo("480p");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Quality.parse("hd"))
                .hasMessageContaining("best, worst or a maximum height");
    }
}
