package io.starexport.writer.xlsx;

import io.starexport.api.Content;
import io.starexport.api.Item;
import io.starexport.api.ItemFields;
import io.starexport.spi.RecordWriter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Streams one row per item into the current sheet. fastexcel keeps rows in memory until a flush, and
 * only one sheet can be in progress at a time, so rows are flushed every {@link #FLUSH_EVERY} items and
 * a sheet is finished before the next one starts.
 */
final class XlsxRecordWriter implements RecordWriter {
    private static final int FLUSH_EVERY = 500;
    private static final String APPLICATION = "Star Export";

    private final OutputStream out;
    private final Workbook workbook;
    private final int rowsPerSheet;
    private final Map<Content, Integer> sheetsPerContent = new EnumMap<>(Content.class);
    private Content content;
    private List<String> columns;
    private Worksheet sheet;
    private XlsxCells cells;
    private int row;
    private boolean closed;

    private XlsxRecordWriter(OutputStream out, int rowsPerSheet) {
        this.out = out;
        // No version: fastexcel only accepts "XX.YYYY", which our versions are not.
        this.workbook = new Workbook(out, APPLICATION, null);
        this.rowsPerSheet = rowsPerSheet;
    }

    static XlsxRecordWriter open(OutputStream out, Content content, int rowsPerSheet) throws IOException {
        XlsxRecordWriter writer = new XlsxRecordWriter(out, rowsPerSheet);
        writer.startSheet(content);
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
        if (row % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    private void startSheet(Content next) throws IOException {
        int number = sheetsPerContent.merge(next, 1, Integer::sum);
        String name = sheetName(next) + (number == 1 ? "" : " (" + number + ")");
        content = next;
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
