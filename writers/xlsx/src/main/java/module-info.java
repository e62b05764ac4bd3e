/**
 * The {@code xlsx} output format of Star Export, found by {@link java.util.ServiceLoader}.
 *
 * <p>Streams Excel workbooks through fastexcel in constant memory: one sheet per item type, typed
 * cells (numbers, UTC dates, booleans, text, hyperlinks), never formulas. The {@code extras} and
 * {@code media} cells hold JSON text.
 */
module io.starexport.writer.xlsx {
    requires transitive io.starexport.api;
    requires org.dhatim.fastexcel;

    exports io.starexport.writer.xlsx;

    provides io.starexport.spi.OutputFormat with io.starexport.writer.xlsx.XlsxFormat;
}
