package io.starexport.spi;

import io.starexport.api.Content;
import io.starexport.api.Target;

import java.util.Objects;
import java.util.Optional;

/**
 * How a writer should write.
 *
 * @param content            the content being exported; fixes the columns of tabular formats
 * @param resume             the stream continues a partial file; write no header, BOM or opening bracket
 * @param itemsAlreadyWritten items the partial file already holds (to place separators), 0 when not resuming
 * @param byteOrderMark      start text output with a UTF-8 byte order mark, so Excel reads it as UTF-8
 * @param formulaProtection  neutralise spreadsheet cells that start with {@code = + - @}, tab or CR
 *                           (OWASP CSV injection); on by default
 * @param target             what the export reads (platform, kind, id, canonical URL), for formats that show
 *                           it, such as a report's title; empty when the writer is used outside an export
 */
public record WriterOptions(Content content, boolean resume, long itemsAlreadyWritten, boolean byteOrderMark,
                            boolean formulaProtection, Optional<Target> target) {

    public WriterOptions {
        Objects.requireNonNull(content, "content");
        target = target == null ? Optional.empty() : target;
        if (itemsAlreadyWritten < 0) {
            throw new IllegalArgumentException("itemsAlreadyWritten must be >= 0 but was " + itemsAlreadyWritten);
        }
    }

    /** Defaults for a new file: no BOM, formula protection on. */
    public static WriterOptions ofDefaults(Content content) {
        return new WriterOptions(content, false, 0, false, true, Optional.empty());
    }

    /** A copy for continuing a partial file that holds {@code items} items. */
    public WriterOptions resuming(long items) {
        return new WriterOptions(content, true, items, byteOrderMark, formulaProtection, target);
    }

    /** A copy with a byte order mark on or off. */
    public WriterOptions withByteOrderMark(boolean byteOrderMark) {
        return new WriterOptions(content, resume, itemsAlreadyWritten, byteOrderMark, formulaProtection, target);
    }

    /** A copy with formula protection on or off. */
    public WriterOptions withFormulaProtection(boolean formulaProtection) {
        return new WriterOptions(content, resume, itemsAlreadyWritten, byteOrderMark, formulaProtection, target);
    }

    /** A copy naming the export's target. */
    public WriterOptions withTarget(Target target) {
        return new WriterOptions(content, resume, itemsAlreadyWritten, byteOrderMark, formulaProtection,
                Optional.of(target));
    }
}
