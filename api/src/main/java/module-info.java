/**
 * Star Export public API: the item model, errors, events and results ({@code io.starexport.api}),
 * the export request and media options ({@code io.starexport.media}), and the service-provider interfaces that
 * platform and output-format plugins implement ({@code io.starexport.spi}). This module has no runtime dependencies.
 */
module io.starexport.api {
    exports io.starexport.api;
    exports io.starexport.spi;
    exports io.starexport.media;
}
