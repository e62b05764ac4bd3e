package io.starexport.writer.csv;

import io.starexport.api.Content;
import io.starexport.api.Item;
import io.starexport.api.ItemFields;
import io.starexport.spi.RecordWriter;
import io.starexport.spi.WriterOptions;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Streams one RFC 4180 row per item; holds nothing but the writer and the column list. */
final class CsvRecordWriter implements RecordWriter {
    private static final String LINE_END = "\r\n";
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Writer writer;
    private final Content content;
    private final List<String> columns;
    private final CsvCells cells;
    private boolean closed;

    private CsvRecordWriter(OutputStream out, WriterOptions options) {
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        this.content = options.content();
        this.columns = ItemFields.columns(content, !options.enrichers().isEmpty());
        this.cells = new CsvCells(CsvOptions.from(options).formulaProtection());
    }

    static CsvRecordWriter open(OutputStream out, WriterOptions options) throws IOException {
        CsvRecordWriter csv = new CsvRecordWriter(out, options);
        if (!options.resume()) {
            if (CsvOptions.from(options).byteOrderMark()) {
                csv.writer.write(BYTE_ORDER_MARK);
            }
            csv.writeHeader();
            // The header reaches the file at once, so a file with no rows yet can be resumed.
            csv.writer.flush();
        }
        return csv;
    }

    private void writeHeader() throws IOException {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(cells.text(columns.get(i)));
        }
        writer.write(LINE_END);
    }

    @Override
    public void write(Item item) throws IOException {
        Objects.requireNonNull(item, "item");
        ensureOpen();
        if (item.content() != content) {
            // Columns are fixed by the content; another item type would silently lose fields.
            throw new IllegalArgumentException("a " + content + " export cannot write an item of "
                    + item.content() + " (" + item.getClass().getSimpleName() + ")");
        }
        Map<String, Object> row = ItemFields.toRow(item);
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(cells.cell(row.get(columns.get(i))));
        }
        writer.write(LINE_END);
    }

    @Override
    public void flush() throws IOException {
        ensureOpen();
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        writer.close();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the writer is closed");
        }
    }
}
