/**
 * Offline English sentiment analysis by the VADER method, with its MIT-licensed lexicons bundled
 * ({@code io/starexport/sentiment/vader/LICENSE.vaderSentiment.txt}). No dependencies.
 */
module io.starexport.sentiment.vader {
    exports io.starexport.sentiment.vader;
}
