/**
 * TikTok for Star Export: comments, replies, videos, profiles and media metadata through the official
 * Research API (client credentials) or the web API the TikTok site calls.
 */
module io.starexport.platform.tiktok {
    requires transitive io.starexport.api;
    requires io.starexport.kit;
    requires com.fasterxml.jackson.databind;

    exports io.starexport.platform.tiktok;

    provides io.starexport.spi.Platform with io.starexport.platform.tiktok.TikTokPlatform;
}
