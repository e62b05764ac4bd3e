/**
 * Reddit for Star Export: comment trees expanded whole, subreddit and user post listings, search inside a
 * subreddit, and user and subreddit profiles, through the OAuth API or the public JSON endpoints.
 */
module io.starexport.platform.reddit {
    requires transitive io.starexport.api;
    requires io.starexport.kit;
    requires com.fasterxml.jackson.databind;

    exports io.starexport.platform.reddit;

    provides io.starexport.spi.Platform with io.starexport.platform.reddit.RedditPlatform;
}
