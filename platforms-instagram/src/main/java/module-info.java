/**
 * Instagram for Star Export: the Graph API (access token) and the web API (session cookie).
 * {@link io.starexport.platform.instagram.InstagramPlatform} is the only public type.
 */
module io.starexport.platform.instagram {
    requires transitive io.starexport.api;
    requires io.starexport.kit;
    requires com.fasterxml.jackson.databind;

    exports io.starexport.platform.instagram;

    provides io.starexport.spi.Platform with io.starexport.platform.instagram.InstagramPlatform;
}
