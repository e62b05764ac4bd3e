package io.starexport.sentiment.vader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.starexport.StarExport;
import io.starexport.api.Comment;
import io.starexport.api.Enrichments;
import io.starexport.api.Item;
import io.starexport.api.Post;
import io.starexport.api.Sentiment;
import io.starexport.testing.FakePlatform;
import io.starexport.writer.json.JsonLinesFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code vader} enricher: the analyzer's scores on every exported comment, found by the engine on its own. */
class VaderEnricherTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final VaderEnricher enricher = new VaderEnricher();

    private static Comment comment(String id, String text) {
        return Comment.builder().platform("fake").id(id).postId("p1").text(text).build();
    }

    @Test
    void scoresEachCommentAsTheAnalyzerDoes() {
        String text = "This video is GREAT, I love it!!";
        SentimentScore expected = VaderAnalyzer.ofDefaults().score(text);

        Enrichments result = enricher.enrich(List.of(comment("c1", text)), null).get(0);

        Sentiment sentiment = result.sentiment().orElseThrow();
        assertThat(sentiment.label()).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(sentiment.compound()).hasValue(expected.compound());
        assertThat(sentiment.positive()).hasValue(expected.positive());
        assertThat(sentiment.provider()).isEqualTo("vader");
        assertThat(result.language().orElseThrow().code()).isEqualTo("en");
    }

    @Test
    void textInAnotherLanguageIsUndeterminedNotNeutral() {
        Enrichments result = enricher.enrich(List.of(comment("c1",
                "No me gusta nada este vídeo, es muy aburrido y la música es horrible")), null).get(0);

        assertThat(result.sentiment().orElseThrow().label()).isEqualTo(Sentiment.Label.UNDETERMINED);
        assertThat(result.sentiment().orElseThrow().compound()).isEmpty();
        assertThat(result.language().orElseThrow().code()).isEqualTo("es");
    }

    @Test
    void anItemWithoutTextGetsNothingAndAPostIsScoredByTitleAndText() {
        Item blank = comment("c1", "   ");
        Item post = Post.builder().platform("fake").id("p1").title("Worst update ever").text("It is terrible.").build();

        List<Enrichments> results = enricher.enrich(List.of(blank, post), null);

        assertThat(results.get(0)).isEqualTo(Enrichments.NONE);
        assertThat(results.get(1).sentiment().orElseThrow().label()).isEqualTo(Sentiment.Label.NEGATIVE);
    }

    @Test
    void anExportAskingForSentimentWritesEveryCommentsScore(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("comments.jsonl");
        try (FakePlatform fake = FakePlatform.start();
             StarExport star = StarExport.builder().discovery(false).platform(fake).format(new JsonLinesFormat())
                     .enricher(new VaderEnricher()).environment(Map.of()).build()) {
            fake.post("p1", List.of(List.of(comment("c1", "I love this, thank you so much!"),
                    comment("c2", "This is awful and boring."))));
            star.export(fake.url("p1")).comments().sentiment().to(out).run();
        }

        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines.get(0));
        JsonNode second = JSON.readTree(lines.get(1));
        assertThat(first.at("/sentiment/label").asText()).isEqualToIgnoringCase("positive");
        assertThat(second.at("/sentiment/label").asText()).isEqualToIgnoringCase("negative");
        assertThat(first.at("/sentiment/compound").asDouble())
                .isEqualTo(VaderAnalyzer.ofDefaults().score("I love this, thank you so much!").compound());
    }
}
