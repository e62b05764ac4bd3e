/**
 * Small host programs that use Star Export's public API only. The build runs them on the module path,
 * which proves the library's module descriptors and service declarations work there. The Hacker News
 * platform and the Markdown format are plugins declared here exactly as a third-party jar would declare them.
 */
module io.starexport.examples {
    requires io.starexport.core;
    requires io.starexport.kit;
    requires com.fasterxml.jackson.databind;
    requires jdk.httpserver;
    requires java.sql;

    provides io.starexport.spi.Platform with io.starexport.examples.hackernews.HackerNewsPlatform;
    provides io.starexport.spi.OutputFormat with io.starexport.examples.MarkdownFormat;
}
