/**
 * Small host programs that use Star Export's public API only. The build runs them on the module path,
 * which proves the library's module descriptors and service declarations work there.
 */
module io.starexport.examples {
    requires io.starexport.core;
    requires jdk.httpserver;
    requires java.sql;

    provides io.starexport.spi.Platform with io.starexport.examples.GuestbookPlatform;
    provides io.starexport.spi.OutputFormat with io.starexport.examples.MarkdownFormat;
}
