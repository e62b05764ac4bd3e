/**
 * The {@code csv} output format of Star Export, found by {@link java.util.ServiceLoader}.
 *
 * <p>Writes RFC 4180 CSV in UTF-8 in constant memory, neutralises spreadsheet formulas (OWASP CSV
 * injection) and can continue a partial file. The {@code extras} and {@code media} cells hold JSON text.
 */
module io.starexport.writer.csv {
    requires transitive io.starexport.api;

    exports io.starexport.writer.csv;

    provides io.starexport.spi.OutputFormat with io.starexport.writer.csv.CsvFormat;
}
