package io.starexport.core.internal.media;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Naming templates and the sanitising of every segment they produce. */
class NamingTemplateTest {
    private static final Instant CREATED = Instant.parse("2025-10-12T14:15:23Z");
    private static final NamingTemplate DEFAULT = NamingTemplate.parse(io.starexport.media.MediaOptions.DEFAULT_NAMING);

    private static List<String> render(String author) {
        return DEFAULT.render(new NamingTemplate.Values("instagram", author, CREATED, "123456789", 0, "jpg"));
    }

    @Test
    void defaultTemplateGivesOneFolderPerPlatformAndAuthor() {
        assertThat(render("author")).containsExactly("instagram", "author", "author_20251012_141523_123456789.jpg");
    }

    @Test
    void authorsCannotClimbOutOfTheMediaFolder() {
        List<String> path = render("../../etc");
        assertThat(path).hasSize(3);
        assertThat(path).allSatisfy(segment -> assertThat(segment).doesNotContain("/", "\\").doesNotStartWith("."));
        assertThat(path).doesNotContain("..", ".", "etc");
    }

    @Test
    void windowsDeviceNamesAreDefused() {
        assertThat(render("con").get(1)).isEqualTo("_con");
        assertThat(render("NUL").get(1)).isEqualTo("_NUL");
        assertThat(render("com1").get(1)).isEqualTo("_com1");
        assertThat(render("lpt9").get(1)).isEqualTo("_lpt9");
        assertThat(render("aux.tar").get(1)).isEqualTo("_aux.tar");
        assertThat(render("console").get(1)).isEqualTo("console");
    }

    @Test
    void longAuthorsAreCutSoTheDateAndIdSurvive() {
        List<String> path = render("a".repeat(300));
        assertThat(path.get(1)).isEqualTo("a".repeat(64));
        assertThat(path.get(2)).isEqualTo("a".repeat(64) + "_20251012_141523_123456789.jpg");
    }

    @Test
    void emojiAreKeptWholeWhenCut() {
        String fox = "\uD83E\uDD8A";
        assertThat(render(fox + " fox").get(1)).isEqualTo(fox + " fox");
        // 20 foxes are 80 bytes of UTF-8: the cut keeps 16 whole ones (64 bytes), never half a surrogate pair.
        String cut = render(fox.repeat(20)).get(1);
        assertThat(cut).isEqualTo(fox.repeat(16));
        assertThat(cut.getBytes(StandardCharsets.UTF_8)).hasSize(64);
    }

    @Test
    void controlReservedAndBidiCharactersAreReplaced() {
        assertThat(render("a\u0000b\tc\nd").get(1)).isEqualTo("a_b_c_d");
        assertThat(render("what?<is>:this|\"*").get(1)).isEqualTo("what__is__this___");
        assertThat(render("evil\u202Egpj.exe").get(1)).isEqualTo("evil_gpj.exe");
    }

    @Test
    void trailingDotsAndSpacesAndEmptyNamesAreFixed() {
        assertThat(render("name. . ").get(1)).isEqualTo("name");
        assertThat(render("...").get(1)).isEqualTo("___");
        assertThat(render("   ").get(1)).isEqualTo("_");
    }

    @Test
    void fileNamesStayWithinTheByteLimitAndKeepTheirExtension() {
        NamingTemplate idOnly = NamingTemplate.parse("{id}.{ext}");
        String name = idOnly.render(new NamingTemplate.Values("p", "a", CREATED, "\u00e9".repeat(500), 0, "mp4")).get(0);
        assertThat(name).endsWith(".mp4");
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(FileNames.MAX_SEGMENT_BYTES);
    }

    @Test
    void datesUseTheGivenPatternInUtcAndSayWhenUnknown() {
        NamingTemplate template = NamingTemplate.parse("{date:yyyy-MM-dd'T'HH}/{date}_{index}.{ext}");
        assertThat(template.render(new NamingTemplate.Values("p", "a", CREATED, "1", 3, "png")))
                .containsExactly("2025-10-12T14", "20251012_141523_3.png");
        assertThat(template.render(new NamingTemplate.Values("p", "a", null, "1", 0, "png")))
                .containsExactly("undated", "undated_0.png");
    }
}
