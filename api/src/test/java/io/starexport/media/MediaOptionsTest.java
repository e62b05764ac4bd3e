package io.starexport.media;

import io.starexport.spi.RateLimit;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The options builder: defaults, validation, settings given once, equality. The naming template is checked when
 * an export is planned (core's {@code MediaDownloadTest}).
 */
class MediaOptionsTest {
    private static final Path DIR = Path.of("media");

    @Test
    void defaultsAreTheDocumentedOnes() {
        MediaOptions options = MediaOptions.of(DIR);
        assertThat(options.naming()).isEqualTo("{platform}/{author}/{author}_{date:yyyyMMdd_HHmmss}_{id}.{ext}");
        assertThat(options.quality()).isEqualTo(Quality.BEST);
        assertThat(options.concurrency()).isEqualTo(4);
        assertThat(options.rateLimit()).isEqualTo(RateLimit.perSecond(10));
        assertThat(options.maxFileSize()).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(options.contentTypes()).containsExactly("image/*", "video/*", "audio/*", "application/octet-stream");
        assertThat(options.extraHosts()).isEmpty();
    }

    @Test
    void badValuesAreRefusedWithTheirName() {
        assertThatThrownBy(() -> MediaOptions.builder(DIR).concurrency(0)).hasMessageContaining("concurrency");
        assertThatThrownBy(() -> MediaOptions.builder(DIR).maxFileSize(0)).hasMessageContaining("maxFileSize");
        assertThatThrownBy(() -> MediaOptions.builder(DIR).contentTypes(List.of("jpeg"))).hasMessageContaining("jpeg");
        assertThatThrownBy(() -> MediaOptions.builder(DIR).extraHosts(Set.of("https://cdn.example/")))
                .hasMessageContaining("host names");
    }

    @Test
    void badNamingTemplatesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> naming("{user}/{id}.{ext}")).hasMessageContaining("unknown placeholder {user}");
        assertThatThrownBy(() -> naming("/abs/{id}")).hasMessageContaining("relative");
        assertThatThrownBy(() -> naming("C:/x/{id}")).hasMessageContaining("relative");
        assertThatThrownBy(() -> naming("a//{id}")).hasMessageContaining("empty folder");
        assertThatThrownBy(() -> naming("{date:yyyy/MM}")).hasMessageContaining("unbalanced");
        assertThatThrownBy(() -> naming("{date:qqqqqq}")).hasMessageContaining("bad date pattern");
        assertThatThrownBy(() -> naming("{id:x}")).hasMessageContaining("only {date}");
        assertThatThrownBy(() -> naming(" ")).hasMessageContaining("empty");
    }

    private static MediaOptions.Builder naming(String template) {
        return MediaOptions.builder(DIR).naming(template);
    }

    @Test
    void aSettingGivenTwiceIsAnError() {
        assertThatThrownBy(() -> MediaOptions.builder(DIR).concurrency(2).concurrency(3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("concurrency was already set to 2");
    }

    @Test
    void optionsWithTheSameSettingsAreEqual() {
        MediaOptions options = MediaOptions.builder(DIR).quality(Quality.maxHeight(720)).concurrency(2).build();
        assertThat(options).isEqualTo(MediaOptions.builder(DIR).quality(Quality.maxHeight(720)).concurrency(2).build())
                .hasSameHashCodeAs(MediaOptions.builder(DIR).quality(Quality.maxHeight(720)).concurrency(2).build())
                .isNotEqualTo(MediaOptions.builder(DIR).quality(Quality.maxHeight(720)).concurrency(3).build());
    }

    @Test
    void hostsAndTypesAreNormalised() {
        MediaOptions options = MediaOptions.builder(DIR).extraHosts(Set.of("CDN.Example.com", "[::1]"))
                .contentTypes(List.of("Image/JPEG")).build();
        assertThat(options.extraHosts()).containsExactlyInAnyOrder("cdn.example.com", "::1");
        assertThat(options.contentTypes()).containsExactly("image/jpeg");
    }
}
