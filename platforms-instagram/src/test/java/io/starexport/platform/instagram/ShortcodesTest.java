package io.starexport.platform.instagram;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shortcode ↔ media pk on pairs Instagram itself returned: the {@code code}/{@code pk} of pgrimaud/instagram-user-feed
 * @ 8e39f0f {@code tests/fixtures/media.json} and {@code media-2.json}, and every {@code shortcode}/{@code id} of
 * {@code medias.json} (copied to {@code src/test/resources/instagram/web/}).
 */
class ShortcodesTest {

    @ParameterizedTest
    @CsvSource({
            "CAnqPB-Jzcj, 2317006284167526179",
            "CAG3E8-A3wf, 2307774091974900767",
            "B7eUksNFA-K, 2224305748263047050",
            "B7XDCBNlds_, 2222258274010782527",
            "B7Fdy_5lBih, 2217309439484237985"
    })
    void convertsKnownPairsBothWays(String shortcode, long mediaId) {
        assertThat(Shortcodes.toMediaId(shortcode)).hasValue(mediaId);
        assertThat(Shortcodes.fromMediaId(mediaId)).isEqualTo(shortcode);
    }

    @Test
    void everyPostOfTheRecordedTimelineMatchesItsId() throws Exception {
        JsonNode edges = Fixtures.JSON.readTree(Fixtures.read("web/medias.json"))
                .path("data").path("user").path("edge_owner_to_timeline_media").path("edges");
        assertThat(edges).hasSize(12);
        for (JsonNode edge : edges) {
            String shortcode = edge.path("node").path("shortcode").asText();
            long id = Long.parseLong(edge.path("node").path("id").asText());
            assertThat(Shortcodes.toMediaId(shortcode)).as(shortcode).hasValue(id);
            assertThat(Shortcodes.fromMediaId(id)).isEqualTo(shortcode);
        }
    }

    @Test
    void privatePostShortcodesLoseTheirTwentyEightCharacterSuffix() {
        String suffix = "A".repeat(10) + "bcdefghijklmnopqr";
        assertThat(suffix).hasSize(27);
        assertThat(Shortcodes.toMediaId("CAnqPB-Jzcj" + suffix + "Z")).hasValue(2317006284167526179L);
    }

    @Test
    void mediaIdsWithOwnerSuffixGiveThePk() {
        assertThat(Shortcodes.pkOf("2317006284167526179_305701719")).isEqualTo("2317006284167526179");
        assertThat(Shortcodes.pkOf("2317006284167526179")).isEqualTo("2317006284167526179");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc!def", "CAnqPB-Jzcj1", "___________", "AAAA"})
    void rejectsWhatIsNotAShortcodeOfAPositive63BitPk(String shortcode) {
        assertThat(Shortcodes.toMediaId(shortcode)).isEmpty();
    }
}
