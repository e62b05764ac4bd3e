package io.starexport.writer.xlsx;

import io.starexport.api.ItemFields;
import org.dhatim.fastexcel.HyperLink;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/** Writes one value of {@code ItemFields.toRow} as a typed cell of one sheet. */
final class XlsxCells {
    /** Excel's limit on the characters of one cell. */
    static final int MAX_CELL_CHARS = 32_767;
    /** Excel's limit on the hyperlinks of one sheet. */
    static final int MAX_HYPERLINKS = 65_530;
    /** The longest link Excel 2016 and later accept (as Excel::Writer::XLSX and its ports enforce). */
    static final int MAX_LINK_CHARS = 2_079;
    static final String TRUNCATED_MARKER_START = " …[truncated from ";
    static final String DATE_FORMAT = "yyyy-mm-dd hh:mm:ss";

    private static final Set<String> DATE_COLUMNS = Set.of("createdAt");
    private static final Set<String> LINK_COLUMNS = Set.of("url", "author.url", "media.url");
    private static final Set<String> WIDE_COLUMNS = Set.of("text", "title", "bio", "extras", "media");

    private final Worksheet sheet;
    private int hyperlinks;

    XlsxCells(Worksheet sheet) {
        this.sheet = sheet;
    }

    /** A column width in characters that suits the column's content. */
    static double width(String column) {
        if (WIDE_COLUMNS.contains(column)) {
            return 60;
        }
        if (LINK_COLUMNS.contains(column)) {
            return 40;
        }
        if (DATE_COLUMNS.contains(column)) {
            return 20;
        }
        return Math.max(12, column.length() + 4);
    }

    void write(int row, int column, String name, Object value) throws IOException {
        if (value == null) {
            return;
        }
        if (value instanceof String text) {
            if (DATE_COLUMNS.contains(name) && writeDate(row, column, text)) {
                return;
            }
            if (LINK_COLUMNS.contains(name) && isWebLink(text) && text.length() <= MAX_LINK_CHARS
                    && hyperlinks < MAX_HYPERLINKS) {
                writeLink(row, column, text);
                return;
            }
            text(row, column, text);
        } else if (value instanceof Boolean flag) {
            sheet.value(row, column, flag);
        } else if (value instanceof Number number) {
            if (isFinite(number)) {
                sheet.value(row, column, number);
            } else {
                text(row, column, number.toString());
            }
        } else if (value instanceof Map<?, ?> map) {
            if (!map.isEmpty()) {
                text(row, column, ItemFields.toJson(map));
            }
        } else if (value instanceof Iterable<?> values) {
            if (values.iterator().hasNext()) {
                text(row, column, ItemFields.toJson(values));
            }
        } else {
            text(row, column, value.toString());
        }
    }

    private boolean writeDate(int row, int column, String text) {
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException e) {
            return false;
        }
        // Excel date-times carry no zone: the serial number is the UTC wall-clock time.
        sheet.value(row, column, instant.atZone(ZoneOffset.UTC));
        sheet.style(row, column).format(DATE_FORMAT).set();
        return true;
    }

    private void writeLink(int row, int column, String url) {
        // fastexcel keys hyperlinks by (link, display text) and puts the display text in the shared-string
        // table; a display text unique to the cell keeps equal links apart, and the cell's own value is
        // then replaced by an inline string so memory does not grow with the links.
        sheet.hyperlink(row, column, new HyperLink(url, "R" + row + "C" + column));
        sheet.inlineString(row, column, url);
        sheet.style(row, column).fontColor("0563C1").underlined().set();
        hyperlinks++;
    }

    private void text(int row, int column, String text) {
        if (text.length() <= MAX_CELL_CHARS) {
            sheet.inlineString(row, column, text);
            return;
        }
        sheet.inlineString(row, column, truncate(text));
        sheet.style(row, column).fillColor("FFEB9C").set();
    }

    /** The text cut to Excel's limit, ending with a marker that names its original length. */
    static String truncate(String text) {
        String marker = TRUNCATED_MARKER_START + text.length() + " characters]";
        int keep = MAX_CELL_CHARS - marker.length();
        if (Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        return text.substring(0, keep) + marker;
    }

    private static boolean isWebLink(String text) {
        return text.startsWith("https://") || text.startsWith("http://");
    }

    private static boolean isFinite(Number number) {
        if (number instanceof Double || number instanceof Float) {
            return Double.isFinite(number.doubleValue());
        }
        return number instanceof Long || number instanceof Integer || number instanceof Short
                || number instanceof Byte || number instanceof BigInteger || number instanceof BigDecimal;
    }
}
