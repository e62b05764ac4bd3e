package io.starexport.writer.csv;

import io.starexport.spi.OutputFormat;
import io.starexport.spi.RecordWriter;
import io.starexport.spi.WriterOptions;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code csv} format: RFC 4180 CSV in UTF-8 with CRLF line endings, a header row of
 * {@link io.starexport.api.ItemFields#columns(io.starexport.api.Content, boolean)} (with the enrichment columns when the
 * export runs enrichers) and one row per item.
 *
 * <ul>
 *   <li>Absent values are empty cells; booleans are {@code true}/{@code false}; numbers are plain
 *       decimals without an exponent.</li>
 *   <li>{@code extras}, {@code enrichments} and a post's {@code media} list are one cell each, holding compact JSON text;
 *       an empty map or list is an empty cell.</li>
 *   <li>A cell is quoted when it holds a comma, a double quote, CR or LF, or starts or ends with a
 *       space or tab; quotes inside are doubled.</li>
 *   <li>With {@link CsvOptions#formulaProtection()} (the default), a text cell that starts with
 *       {@code =}, {@code +}, {@code -}, {@code @}, tab or CR gets a leading {@code '} so spreadsheets
 *       do not run it as a formula (OWASP CSV injection). Numeric cells are left alone, so a score of
 *       {@code -5} stays {@code -5}.</li>
 *   <li>{@link CsvOptions#byteOrderMark()} starts a new file with a UTF-8 byte order mark, which Excel
 *       needs to read UTF-8.</li>
 *   <li>A writer opened with {@link WriterOptions#resume()} continues a partial file: no byte order mark,
 *       no header.</li>
 * </ul>
 *
 * <p>Rows are streamed, so memory stays constant whatever the export size. Stateless and thread-safe.
 */
public final class CsvFormat implements OutputFormat {

    /** Creates the format; {@link java.util.ServiceLoader} does this for you. */
    public CsvFormat() {
    }

    /** {@code "csv"}. */
    @Override
    public String id() {
        return "csv";
    }

    /** The csv options at their defaults, to change and pass to an export's {@code to(Path, FormatOptions)}. */
    public static CsvOptions options() {
        return CsvOptions.defaults();
    }

    /** {@code byteOrderMark} and {@code formulaProtection}; see {@link CsvOptions}. */
    @Override
    public Set<String> optionNames() {
        return Set.of(CsvOptions.BYTE_ORDER_MARK, CsvOptions.FORMULA_PROTECTION);
    }

    /** {@code ["csv"]}. */
    @Override
    public List<String> extensions() {
        return List.of("csv");
    }

    /** {@code text/csv}. */
    @Override
    public String mediaType() {
        return "text/csv";
    }

    /**
     * {@inheritDoc}
     *
     * <p>The writer accepts only items of {@link WriterOptions#content()}, since that content fixes the
     * columns; another item type is refused with an {@link IllegalArgumentException}.
     */
    @Override
    public RecordWriter open(OutputStream out, WriterOptions options) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(options, "options");
        return CsvRecordWriter.open(out, options);
    }

    @Override
    public String toString() {
        return "CsvFormat[csv]";
    }
}
