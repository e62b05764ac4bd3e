/**
 * YouTube for Star Export: the Data API v3 (with an API key) and the keyless web client (InnerTube).
 * The only public type is {@link io.starexport.platform.youtube.YouTubePlatform}.
 */
module io.starexport.platform.youtube {
    requires transitive io.starexport.api;
    requires io.starexport.kit;
    requires com.fasterxml.jackson.databind;

    exports io.starexport.platform.youtube;

    provides io.starexport.spi.Platform with io.starexport.platform.youtube.YouTubePlatform;
}
