package io.starexport.spi;

import java.util.Map;

/**
 * A format's own options, typed on the format's side (for example {@code CsvFormat.options()}) and carried in
 * an export request as a map of names to values, so a request can be stored and replayed whatever the format.
 * A format declares the names it accepts in {@link OutputFormat#optionNames()} and reads the values from
 * {@link WriterOptions#option(String)}.
 */
public interface FormatOptions {

    /** The id of the format these options are for. */
    String format();

    /** The options as names and text values; only the ones that differ from the format's defaults. */
    Map<String, String> asMap();
}
