/**
 * The {@code html} output format of Star Export, found by {@link java.util.ServiceLoader}.
 *
 * <p>Writes one self-contained report page (summary, inline SVG charts, most-liked items and a searchable,
 * sortable table) in constant memory. jackson-core streams the rows into the page as JSON data.
 */
module io.starexport.writer.html {
    requires transitive io.starexport.api;
    requires com.fasterxml.jackson.core;
    requires org.commonmark;

    exports io.starexport.writer.html;

    provides io.starexport.spi.OutputFormat with io.starexport.writer.html.HtmlFormat;
}
