/**
 * The {@code xlsx} output format of Star Export, found by {@link java.util.ServiceLoader}.
 *
 * <p>Streams Excel workbooks through fastexcel in constant memory: one sheet per item type, typed
 * cells (numbers, UTC dates, booleans, text, hyperlinks), never formulas. jackson-core encodes the
 * {@code extras} and {@code media} cells as JSON text.
 */
module io.starexport.writer.xlsx {
    requires transitive io.starexport.api;
    requires org.dhatim.fastexcel;
    requires com.fasterxml.jackson.core;

    exports io.starexport.writer.xlsx;

    provides io.starexport.spi.OutputFormat with io.starexport.writer.xlsx.XlsxFormat;
}
