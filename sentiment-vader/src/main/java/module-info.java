/**
 * Offline English sentiment analysis by the VADER method, with its MIT-licensed lexicons bundled
 * ({@code io/starexport/sentiment/vader/LICENSE.vaderSentiment.txt}), and the {@code vader} enricher that scores an
 * export's items with it.
 */
module io.starexport.sentiment.vader {
    requires transitive io.starexport.api;

    exports io.starexport.sentiment.vader;

    provides io.starexport.spi.Enricher with io.starexport.sentiment.vader.VaderEnricher;
}
