package io.starexport.writer.xlsx;

import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.Item;
import io.starexport.api.ItemFields;
import io.starexport.api.Target;
import io.starexport.spi.RecordWriter;
import io.starexport.spi.WriterOptions;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Streams one row per item into the current sheet. fastexcel keeps rows in memory until a flush, and
 * only one sheet can be in progress at a time, so rows are flushed every {@link #FLUSH_EVERY} items and
 * a sheet is finished before the next one starts. The last sheet, {@value #ABOUT}, describes the export and
 * its counts, so it is written on close.
 */
final class XlsxRecordWriter implements RecordWriter {
    private static final int FLUSH_EVERY = 500;
    private static final String APPLICATION = "Star Export";
    static final String ABOUT = "About";

    private final OutputStream out;
    private final Workbook workbook;
    private final int rowsPerSheet;
    private final Map<Content, Integer> sheetsPerContent = new EnumMap<>(Content.class);
    private final Optional<Target> target;
    private final Instant exportedAt = Instant.now();
    private final Map<String, Integer> rowsPerSheetName = new LinkedHashMap<>();
    private final Set<String> platforms = new LinkedHashSet<>();
    private long items;
    private long replies;
    private String sheetName;
    private Content content;
    private List<String> columns;
    private Worksheet sheet;
    private XlsxCells cells;
    private int row;
    private boolean closed;

    private XlsxRecordWriter(OutputStream out, Optional<Target> target, int rowsPerSheet) {
        this.out = out;
        this.target = target;
        // No version: fastexcel only accepts "XX.YYYY", which our versions are not.
        this.workbook = new Workbook(out, APPLICATION, null);
        this.rowsPerSheet = rowsPerSheet;
    }

    static XlsxRecordWriter open(OutputStream out, WriterOptions options, int rowsPerSheet) throws IOException {
        XlsxRecordWriter writer = new XlsxRecordWriter(out, options.target(), rowsPerSheet);
        writer.startSheet(options.content());
        return writer;
    }

    @Override
    public void write(Item item) throws IOException {
        Objects.requireNonNull(item, "item");
        ensureOpen();
        if (item.content() != content || row > rowsPerSheet) {
            finishSheet();
            startSheet(item.content());
        }
        Map<String, Object> values = ItemFields.toRow(item);
        for (int column = 0; column < columns.size(); column++) {
            cells.write(row, column, columns.get(column), values.get(columns.get(column)));
        }
        row++;
        items++;
        platforms.add(item.platform());
        if (item instanceof Comment comment && comment.depth() > 0) {
            replies++;
        }
        if (row % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    private void startSheet(Content next) throws IOException {
        int number = sheetsPerContent.merge(next, 1, Integer::sum);
        String name = sheetName(next) + (number == 1 ? "" : " (" + number + ")");
        content = next;
        sheetName = name;
        columns = ItemFields.columns(next);
        sheet = workbook.newWorksheet(name);
        cells = new XlsxCells(sheet);
        for (int column = 0; column < columns.size(); column++) {
            sheet.width(column, XlsxCells.width(columns.get(column)));
            sheet.inlineString(0, column, columns.get(column));
        }
        sheet.range(0, 0, 0, columns.size() - 1).style().bold().fillColor("D9E1F2").set();
        sheet.freezePane(0, 1);
        row = 1;
    }

    private void finishSheet() throws IOException {
        sheet.setAutoFilter(0, 0, row - 1, columns.size() - 1);
        sheet.finish();
        rowsPerSheetName.put(sheetName, row - 1);
    }

    /** Where the items come from, when they were exported, and how many each sheet holds. */
    private void writeAbout() throws IOException {
        Worksheet about = workbook.newWorksheet(ABOUT);
        XlsxCells values = new XlsxCells(about);
        about.width(0, 24);
        about.width(1, 70);
        int line = 0;
        about.inlineString(line, 0, "Field");
        about.inlineString(line, 1, "Value");
        about.range(0, 0, 0, 1).style().bold().fillColor("D9E1F2").set();
        line++;
        line = aboutLine(values, line, "Exported by", APPLICATION);
        about.inlineString(line, 0, "Exported at (UTC)");
        values.write(line++, 1, "createdAt", exportedAt.toString());
        String platform = platforms.isEmpty() ? target.map(Target::platform).orElse(null) : String.join(", ", platforms);
        line = aboutLine(values, line, "Platform", platform);
        if (target.isPresent()) {
            line = aboutLine(values, line, "Target", target.get().kind().name().toLowerCase(Locale.ROOT) + " "
                    + target.get().id());
            about.inlineString(line, 0, "Target URL");
            values.write(line++, 1, "url", target.get().url());
        }
        about.inlineString(line, 0, "Items");
        about.value(line++, 1, items);
        if (replies > 0) {
            about.inlineString(line, 0, "Replies among them");
            about.value(line++, 1, replies);
        }
        for (Map.Entry<String, Integer> sheetRows : rowsPerSheetName.entrySet()) {
            about.inlineString(line, 0, "Rows in " + sheetRows.getKey());
            about.value(line++, 1, sheetRows.getValue());
        }
        aboutLine(values, line, "Times", "createdAt and Exported at are UTC date-times");
        about.finish();
    }

    private static int aboutLine(XlsxCells values, int line, String name, String value) throws IOException {
        if (value == null) {
            return line;
        }
        values.write(line, 0, "field", name);
        values.write(line, 1, "value", value);
        return line + 1;
    }

    private static String sheetName(Content content) {
        String name = content.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    @Override
    public void flush() throws IOException {
        ensureOpen();
        sheet.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            finishSheet();
            writeAbout();
            workbook.finish();
        } finally {
            out.close();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the writer is closed");
        }
    }
}
