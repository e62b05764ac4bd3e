package io.starexport.writer.xlsx;

import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.Item;
import io.starexport.api.Target;
import io.starexport.spi.RecordWriter;
import io.starexport.spi.WriterOptions;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The workbook's last sheet says where its rows come from, when they were exported and how many there are. */
class XlsxAboutSheetTest {
    private static final Target VIDEO = Target.of("youtube", Target.Kind.VIDEO, "dQw4w9WgXcQ",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ");

    @Test
    void aboutSheetNamesSourceTargetExportTimeAndCounts() throws IOException {
        List<Item> comments = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            comments.add(Comment.builder().platform("youtube").id("c" + i).postId("dQw4w9WgXcQ").text("comment " + i)
                    .parentId(i < 2 ? null : "c0").depth(i < 2 ? 0 : 1).build());
        }
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Map<String, Cell> about = about(write(WriterOptions.ofDefaults(Content.COMMENTS).withTarget(VIDEO), comments,
                new XlsxFormat()));

        Instant after = Instant.now().plusSeconds(1);
        assertThat(about.keySet()).containsExactly("Exported by", "Exported at (UTC)", "Platform", "Target", "Target URL",
                "Items", "Replies among them", "Rows in Comments", "Times");
        assertThat(about.get("Platform").getText()).isEqualTo("youtube");
        assertThat(about.get("Target").getText()).isEqualTo("video dQw4w9WgXcQ");
        assertThat(about.get("Target URL").getText()).isEqualTo(VIDEO.url());
        assertThat(about.get("Items").asNumber()).isEqualByComparingTo(BigDecimal.valueOf(5));
        assertThat(about.get("Replies among them").asNumber()).isEqualByComparingTo(BigDecimal.valueOf(3));
        assertThat(about.get("Rows in Comments").asNumber()).isEqualByComparingTo(BigDecimal.valueOf(5));
        Cell exported = about.get("Exported at (UTC)");
        assertThat(exported.getType()).isEqualTo(CellType.NUMBER);
        assertThat(exported.getDataFormatString()).isEqualTo(XlsxCells.DATE_FORMAT);
        Instant exportedAt = exported.asDate().toInstant(ZoneOffset.UTC);
        assertThat(exportedAt).isBetween(before, after);
    }

    @Test
    void aboutSheetCountsEverySheetOfASplitExport() throws IOException {
        List<Item> comments = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            comments.add(Comment.builder().platform("youtube").id("c" + i).postId("v1").text("comment " + i).build());
        }

        Map<String, Cell> about = about(write(WriterOptions.ofDefaults(Content.COMMENTS), comments, new XlsxFormat(3)));

        assertThat(about.keySet()).containsExactly("Exported by", "Exported at (UTC)", "Platform", "Items",
                "Rows in Comments", "Rows in Comments (2)", "Rows in Comments (3)", "Times");
        assertThat(about.get("Rows in Comments (3)").asNumber()).isEqualByComparingTo(BigDecimal.ONE);
    }

    private static byte[] write(WriterOptions options, List<Item> items, XlsxFormat format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RecordWriter writer = format.open(bytes, options)) {
            for (Item item : items) {
                writer.write(item);
            }
        }
        return bytes.toByteArray();
    }

    /** The About sheet's values by field name, read back with fastexcel-reader as any reader would. */
    private static Map<String, Cell> about(byte[] file) throws IOException {
        Map<String, Cell> fields = new LinkedHashMap<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file),
                new ReadingOptions(true, false))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            Sheet about = sheets.get(sheets.size() - 1);
            assertThat(about.getName()).isEqualTo("About");
            List<Row> rows = about.read();
            assertThat(rows.get(0).getCell(0).getText()).isEqualTo("Field");
            for (Row row : rows.subList(1, rows.size())) {
                fields.put(row.getCell(0).getText(), row.getCell(1));
            }
        }
        return fields;
    }
}
