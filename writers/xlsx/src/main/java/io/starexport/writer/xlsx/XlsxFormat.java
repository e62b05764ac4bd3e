package io.starexport.writer.xlsx;

import io.starexport.spi.OutputFormat;
import io.starexport.spi.RecordWriter;
import io.starexport.spi.WriterOptions;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

/**
 * The {@code xlsx} format: an Excel workbook (Office Open XML), streamed through fastexcel.
 *
 * <ul>
 *   <li>One sheet per item type ({@code Comments}, {@code Posts}, {@code Profile}, {@code Media}), with the
 *       columns of {@link io.starexport.api.ItemFields#columns(io.starexport.api.Content)} under a bold,
 *       frozen header row with an autofilter.</li>
 *   <li>Cells are typed: counts and sizes are numbers, {@code createdAt} is an Excel date-time in UTC,
 *       flags are booleans, links ({@code url}, {@code author.url}, {@code media.url}) are hyperlinks, and
 *       everything else is text. {@code extras} and a post's {@code media} list are JSON text. A cell is
 *       never a formula, so {@code =SUM(A1)} in a comment is shown as it is and never run.</li>
 *   <li>Text longer than Excel's 32,767-character cell limit is cut and ends with
 *       {@code " …[truncated from 40000 characters]"} (naming the original length) on a highlighted cell.</li>
 *   <li>A sheet holds at most 1,048,575 items (Excel's row limit less the header); later items continue on
 *       {@code Comments (2)} and so on.</li>
 *   <li>Excel allows 65,530 hyperlinks per sheet and 2,079 characters per link; other links are plain text.</li>
 * </ul>
 *
 * <p>A workbook is a zip file whose directory is written last, so a partial workbook cannot be continued:
 * {@link #appendable()} is false and resuming an interrupted xlsx export fails with {@code OUTPUT}.
 * The format takes no options of its own: a byte order mark does not apply, and cells are typed, so text is
 * never a formula. Rows are flushed every few hundred items, so memory stays
 * bounded whatever the export size. Stateless and thread-safe.
 */
public final class XlsxFormat implements OutputFormat {
    /** Excel's 1,048,576 rows per sheet, less the header row. */
    static final int EXCEL_DATA_ROWS = 1_048_575;

    private final int rowsPerSheet;

    /** Creates the format; {@link java.util.ServiceLoader} does this for you. */
    public XlsxFormat() {
        this(EXCEL_DATA_ROWS);
    }

    /** A format that starts a new sheet after {@code rowsPerSheet} items; tests lower it. */
    XlsxFormat(int rowsPerSheet) {
        if (rowsPerSheet < 1 || rowsPerSheet > EXCEL_DATA_ROWS) {
            throw new IllegalArgumentException("rowsPerSheet must be 1.." + EXCEL_DATA_ROWS + " but was " + rowsPerSheet);
        }
        this.rowsPerSheet = rowsPerSheet;
    }

    /** {@code "xlsx"}. */
    @Override
    public String id() {
        return "xlsx";
    }

    /** {@code ["xlsx"]}. */
    @Override
    public List<String> extensions() {
        return List.of("xlsx");
    }

    /** {@code application/vnd.openxmlformats-officedocument.spreadsheetml.sheet}. */
    @Override
    public String mediaType() {
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }

    /** False: a partial zip cannot be continued, so an interrupted xlsx export starts again. */
    @Override
    public boolean appendable() {
        return false;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Items of any content are accepted; each content gets its own sheet, the first one being that of
     * {@link WriterOptions#content()} (present even when no item arrives). When items of different
     * contents are interleaved, a switch back to an earlier content continues it on a new sheet.
     *
     * @throws IllegalArgumentException when {@code options} asks to resume, which a workbook cannot do
     */
    @Override
    public RecordWriter open(OutputStream out, WriterOptions options) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(options, "options");
        if (options.resume()) {
            throw new IllegalArgumentException("an xlsx workbook cannot continue a partial file; start it again");
        }
        return XlsxRecordWriter.open(out, options, rowsPerSheet);
    }

    @Override
    public String toString() {
        return "XlsxFormat[xlsx]";
    }
}
