/**
 * The {@code json} and {@code jsonl} output formats of Star Export, found by {@link java.util.ServiceLoader}.
 *
 * <p>{@code json} writes one JSON array of item objects; {@code jsonl} writes one item object per line.
 * Both stream with jackson-core in constant memory and can continue a partial file.
 */
module io.starexport.writer.json {
    requires transitive io.starexport.api;
    requires com.fasterxml.jackson.core;

    exports io.starexport.writer.json;

    provides io.starexport.spi.OutputFormat
            with io.starexport.writer.json.JsonFormat, io.starexport.writer.json.JsonLinesFormat;
}
