package io.starexport.sentiment.vader;

import static org.assertj.core.api.Assertions.assertThat;

import io.starexport.sentiment.vader.SentimentScore.Label;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The language check. The short comments below are synthetic, written for this test in the style of
 * video comments; the English side is also measured on every text of both reference sets.
 */
class LanguageDetectorTest {
    private final LanguageDetector detector = LanguageDetector.ofDefaults();
    private final VaderAnalyzer analyzer = VaderAnalyzer.ofDefaults();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            es | Me encanta esta canción, la escucho todos los días
            es | Qué video tan malo, no me gustó para nada
            pt | Que vídeo incrível, parabéns pelo trabalho
            pt | Não gostei, achei muito chato e demorado
            fr | J'adore cette vidéo, merci beaucoup pour le partage
            fr | C'est vraiment nul, je ne comprends pas pourquoi
            de | Das ist das beste Video, das ich heute gesehen habe
            de | Ich finde das überhaupt nicht gut
            it | Bellissimo video, complimenti davvero
            nl | Wat een mooi filmpje, echt genieten
            id | Videonya bagus banget, makasih kak
            tr | Bu şarkıyı çok seviyorum
            pl | Świetny film, dzięki za to
            tl | Ang ganda ng kanta na ito
            sv | Det här är så bra, tack
            vi | Video này hay quá
            ru | Отличное видео, спасибо большое
            uk | Дуже гарна пісня, дякую
            ja | この動画めっちゃ好き
            zh | 这首歌太好听了
            ko | 이 노래 너무 좋아요
            ar | هذا الفيديو رائع جدا
            hi | यह गाना बहुत अच्छा है
            """)
    void namesTheLanguageOfACommentInAnotherLanguage(String language, String text) {
        assertThat(detector.detect(text)).isEqualTo(language);
        SentimentScore score = analyzer.score(text);
        assertThat(score.label()).isEqualTo(Label.UNDETERMINED);
        assertThat(score.language()).isEqualTo(language);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en  | This is the best video I've seen today
            en  | omg I love this song sooo much
            en  | I can't stop listening to this 😭😭
            en  | Not gonna lie this was kinda mid
            en  | Gracias for the subtitles, this helped a lot
            en  | lol
            und | W bro
            und | 😂😂😂
            und | First!
            """)
    void judgesEnglishAndTextWithoutEvidence(String language, String text) {
        assertThat(detector.detect(text)).isEqualTo(language);
        assertThat(analyzer.score(text).label()).isNotEqualTo(Label.UNDETERMINED);
    }

    @Test
    void quotedWordsCount() {
        assertThat(detector.detect("'nicht' 'gut'")).isEqualTo("de");
    }

    @Test
    void wordsInAddressesMentionsAndTagsAreNotEvidence() {
        assertThat(detector.detect("@ben_que_es watch this http://example.com/que/es")).isEqualTo("en");
    }

    @Test
    void callsAlmostNoEnglishReferenceTextAnotherLanguage() {
        List<ReferenceSet.Line> lines = Arrays.stream(ReferenceSet.values()).flatMap(set -> set.lines().stream()).toList();
        Map<String, Integer> languages = new TreeMap<>();
        for (ReferenceSet.Line line : lines) {
            languages.merge(detector.detect(line.text()), 1, Integer::sum);
        }
        int other = lines.size() - languages.getOrDefault("en", 0) - languages.getOrDefault("und", 0);
        System.out.printf("Language check on the %d English reference texts: %s; %d called another language%n",
                lines.size(), languages, other);
        // Some of those few are in fact Spanish, Dutch, Turkish or Danish tweets (see docs/sentiment.md).
        assertThat(other).isLessThanOrEqualTo(lines.size() / 500);
    }

    @Test
    void withoutTheLanguageCheckEveryTextIsLabelledByItsScore() {
        // "I love this song, I listen to it every day": no English lexicon word, so VADER calls it neutral.
        SentimentScore score = analyzer.withoutLanguageCheck().score("Me encanta esta canción, la escucho todos los días");

        assertThat(score.label()).isEqualTo(Label.NEUTRAL);
        assertThat(score.language()).isEqualTo("en");
    }
}
