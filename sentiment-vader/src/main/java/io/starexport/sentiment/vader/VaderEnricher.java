package io.starexport.sentiment.vader;

import io.starexport.api.Comment;
import io.starexport.api.Enrichments;
import io.starexport.api.Item;
import io.starexport.api.Language;
import io.starexport.api.Post;
import io.starexport.api.Sentiment;
import io.starexport.spi.Enricher;
import io.starexport.spi.EnricherContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code vader} enricher: scores each comment's text (a post's title and text) offline with
 * {@link VaderAnalyzer#ofDefaults()} and records its language. Text in another language than English gets
 * {@link Sentiment.Label#UNDETERMINED} rather than a made-up neutral; an item without text gets nothing. Found with
 * {@link java.util.ServiceLoader}; an export asks for it with {@code sentiment()} or {@code enrich("vader")}.
 * Stateless and thread-safe.
 */
public final class VaderEnricher implements Enricher {
    /** The id a request names. */
    public static final String ID = "vader";
    private final VaderAnalyzer analyzer = VaderAnalyzer.ofDefaults();

    /** Creates the enricher; {@link java.util.ServiceLoader} does this for you. */
    public VaderEnricher() {
    }

    /** {@value #ID}. */
    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Enrichments> enrich(List<Item> items, EnricherContext context) {
        List<Enrichments> results = new ArrayList<>(items.size());
        for (Item item : items) {
            results.add(text(item).filter(text -> !text.isBlank()).map(this::score).orElse(Enrichments.NONE));
        }
        return results;
    }

    private Enrichments score(String text) {
        SentimentScore score = analyzer.score(text);
        Sentiment sentiment = score.label() == SentimentScore.Label.UNDETERMINED ? Sentiment.undetermined(ID)
                : Sentiment.of(score.compound(), score.positive(), score.neutral(), score.negative(), ID);
        Enrichments result = Enrichments.NONE.withSentiment(sentiment);
        return score.language().equals(LanguageDetector.UNDETERMINED) ? result
                : result.withLanguage(Language.of(score.language()));
    }

    private static Optional<String> text(Item item) {
        if (item instanceof Comment comment) {
            return Optional.ofNullable(comment.text());
        }
        if (item instanceof Post post) {
            String joined = String.join("\n", post.title().orElse(""), post.text().orElse("")).strip();
            return Optional.of(joined);
        }
        return Optional.empty();
    }
}
