package io.starexport.writer.xlsx;

import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.Item;
import io.starexport.api.ItemFields;
import io.starexport.spi.OutputFormat;
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
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Writes workbooks and reads them back with fastexcel-reader (values and types) and by parsing the
 * Office Open XML parts (styles, panes, filters, hyperlinks), as Excel would see them.
 */
class XlsxFormatTest {
    private static final WriterOptions COMMENTS = WriterOptions.ofDefaults(Content.COMMENTS);
    private static final List<String> COMMENT_COLUMNS = ItemFields.columns(Content.COMMENTS);

    private final OutputFormat xlsx = new XlsxFormat();

    @Test
    void cellsReadBackWithTheirTypes() throws IOException {
        List<Item> comments = SampleItems.mixed().stream().filter(item -> item.content() == Content.COMMENTS).toList();

        byte[] file = write(xlsx, COMMENTS, comments);

        List<Row> rows = sheets(file).get("Comments");
        assertThat(texts(rows.get(0))).isEqualTo(COMMENT_COLUMNS);
        assertThat(rows).hasSize(1 + comments.size());

        Row first = rows.get(1);
        assertThat(cell(first, "platform").getType()).isEqualTo(CellType.STRING);
        assertThat(cell(first, "text").asString()).isEqualTo("👍🏽 ok, \"quoted\"\nsecond line\r\nthird");
        assertThat(cell(first, "likeCount").getType()).isEqualTo(CellType.NUMBER);
        assertThat(cell(first, "likeCount").asNumber()).isEqualByComparingTo(new BigDecimal(42));
        assertThat(cell(first, "depth").asNumber()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(cell(first, "pinned").getType()).isEqualTo(CellType.BOOLEAN);
        assertThat(cell(first, "pinned").asBoolean()).isTrue();
        assertThat(cell(first, "author.verified").asBoolean()).isTrue();
        assertThat(cell(first, "author.displayName").asString()).isEqualTo("Zoë \"Z\" 👍🏽");
        assertThat(cell(first, "extras").asString()).isEqualTo(
                "{\"heart\":true,\"nested\":{\"flair\":\"mod, \\\"gold\\\"\",\"awards\":[1,2.5,true,\"🏆\"],\"empty\":{}}}");

        Cell created = cell(first, "createdAt");
        assertThat(created.getType()).as("an Excel date is a number").isEqualTo(CellType.NUMBER);
        assertThat(created.getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm:ss");
        assertThat(created.asDate()).as("UTC wall-clock time").isEqualTo(LocalDateTime.of(2026, 3, 1, 12, 34, 56));

        Row formulaLike = rows.get(2);
        assertThat(cell(formulaLike, "text").getType()).isEqualTo(CellType.STRING);
        assertThat(cell(formulaLike, "text").asString()).isEqualTo("=SUM(A1)");
        assertThat(cell(formulaLike, "text").getFormula()).isNull();
        assertThat(cell(formulaLike, "extras").asString()).isEqualTo("{\"score\":-5}");
        assertThat(cell(formulaLike, "parentId").asString()).isEqualTo("c1");
        assertThat(isEmpty(formulaLike, "createdAt")).as("absent value").isTrue();
        assertThat(isEmpty(formulaLike, "likeCount")).isTrue();
        assertThat(isEmpty(formulaLike, "author.handle")).isTrue();

        Row approximate = rows.get(3);
        assertThat(cell(approximate, "createdAtApproximate").asBoolean()).isTrue();
        assertThat(cell(approximate, "text").asString()).isEqualTo("\ttab, and a ]} bracket");
    }

    @Test
    void noCellIsEverAFormula() throws IOException {
        List<Item> hostile = List.of(
                comment("f1", "=HYPERLINK(\"https://evil.example\",\"click\")"),
                comment("f2", "+1+1"), comment("f3", "@SUM(1)"), comment("f4", "-2+3"));

        byte[] file = write(xlsx, COMMENTS, hostile);

        assertThat(part(file, "xl/worksheets/sheet1.xml")).doesNotContain("<f>").doesNotContain("<f ");
        assertThat(sheets(file).get("Comments").subList(1, 5)).extracting(row -> cell(row, "text").asString())
                .containsExactly("=HYPERLINK(\"https://evil.example\",\"click\")", "+1+1", "@SUM(1)", "-2+3");
    }

    @Test
    void headerIsBoldFrozenAndFiltered() throws IOException {
        byte[] file = write(xlsx, COMMENTS, SampleItems.comments("c", 3));

        String sheet = part(file, "xl/worksheets/sheet1.xml");
        assertThat(sheet).containsPattern("<pane [^>]*ySplit=\"1\"[^>]*state=\"frozen\"");
        assertThat(sheet).contains("<autoFilter ref=\"A1:S4\"");

        // The header cell's style points at a cell format whose font is bold.
        Matcher header = Pattern.compile("<c r=\"A1\"[^>]* s=\"(\\d+)\"").matcher(sheet);
        assertThat(header.find()).as("A1 has a style").isTrue();
        String styles = part(file, "xl/styles.xml");
        List<String> formats = elements(section(styles, "cellXfs"), "xf");
        Matcher font = Pattern.compile("fontId=\"(\\d+)\"").matcher(formats.get(Integer.parseInt(header.group(1))));
        assertThat(font.find()).isTrue();
        assertThat(elements(section(styles, "fonts"), "font").get(Integer.parseInt(font.group(1)))).contains("<b");
    }

    @Test
    void urlsAreHyperlinksEvenWhenTheyRepeat() throws IOException {
        Item first = SampleItems.mixed().get(0);
        Item second = Comment.builder().platform("youtube").id("c9").url("https://example.com/c9").postId("v1")
                .author(SampleItems.author()).text("same author").build();

        byte[] file = write(xlsx, COMMENTS, List.of(first, second));

        String sheet = part(file, "xl/worksheets/sheet1.xml");
        String relations = part(file, "xl/worksheets/_rels/sheet1.xml.rels");
        Map<String, String> targets = new LinkedHashMap<>();
        Matcher relation = Pattern.compile("<Relationship [^>]*>").matcher(relations);
        while (relation.find()) {
            String tag = relation.group();
            targets.put(attribute(tag, "Id"), attribute(tag, "Target"));
            assertThat(tag).contains("TargetMode=\"External\"");
        }
        Map<String, String> links = new LinkedHashMap<>();
        Matcher link = Pattern.compile("<hyperlink [^>]*>").matcher(sheet);
        while (link.find()) {
            links.put(attribute(link.group(), "ref"), targets.get(attribute(link.group(), "r:id")));
        }
        assertThat(links).containsOnly(
                Map.entry("C2", "https://example.com/c1"), Map.entry("I2", "https://example.com/@zoe"),
                Map.entry("C3", "https://example.com/c9"), Map.entry("I3", "https://example.com/@zoe"));
        assertThat(cell(sheets(file).get("Comments").get(2), "author.url").asString())
                .isEqualTo("https://example.com/@zoe");
    }

    /** Excel allows 65,530 hyperlinks per worksheet (support.microsoft.com, "Excel specifications and limits"). */
    @Test
    void linksPastExcelsPerSheetLimitStayPlainText() throws IOException {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i <= XlsxCells.MAX_HYPERLINKS; i++) {
            items.add(Comment.builder().platform("youtube").id("c" + i).url("https://example.com/c" + i).postId("v1")
                    .text("x").build());
        }

        byte[] file = write(xlsx, COMMENTS, items);

        String sheet = part(file, "xl/worksheets/sheet1.xml");
        assertThat(count(sheet, "<hyperlink ")).isEqualTo(65_530);
        assertThat(sheet).contains("<hyperlink ref=\"C65531\"").doesNotContain("<hyperlink ref=\"C65532\"");
        assertThat(sheet).containsPattern("<c r=\"C65532\"[^>]*t=\"inlineStr\"><is><t>https://example.com/c65530</t>");
    }

    @Test
    void aLinkLongerThanExcelAcceptsStaysText() throws IOException {
        String longest = "https://example.com/" + "a".repeat(XlsxCells.MAX_LINK_CHARS - 20);
        Item fits = Comment.builder().platform("youtube").id("fits").url(longest).postId("v1").text("x").build();
        Item tooLong = Comment.builder().platform("youtube").id("long").url(longest + "b").postId("v1").text("x").build();

        byte[] file = write(xlsx, COMMENTS, List.of(fits, tooLong));

        String sheet = part(file, "xl/worksheets/sheet1.xml");
        assertThat(sheet).contains("<hyperlink ref=\"C2\"").doesNotContain("<hyperlink ref=\"C3\"");
        assertThat(cell(sheets(file).get("Comments").get(2), "url").asString()).isEqualTo(longest + "b");
    }

    @Test
    void textOverTheCellLimitIsTruncatedAndFlagged() throws IOException {
        String longText = "a".repeat(39_990) + "👍🏽end";

        byte[] file = write(xlsx, COMMENTS, List.of(comment("long", longText), comment("short", "fits")));

        List<Row> rows = sheets(file).get("Comments");
        String stored = cell(rows.get(1), "text").asString();
        assertThat(stored).hasSize(32_767)
                .startsWith("aaaa")
                .endsWith(" …[truncated from " + longText.length() + " characters]");
        assertThat(cell(rows.get(2), "text").asString()).isEqualTo("fits");
    }

    @Test
    void truncationNeverSplitsASurrogatePair() {
        String marker = " …[truncated from 40000 characters]";
        int keep = XlsxCells.MAX_CELL_CHARS - marker.length();
        String text = "a".repeat(keep - 1) + "👍" + "b".repeat(40_000 - keep - 1);

        String truncated = XlsxCells.truncate(text);

        assertThat(truncated).isEqualTo("a".repeat(keep - 1) + marker);
    }

    @Test
    void rowsPastTheSheetLimitContinueOnANewSheet() throws IOException {
        OutputFormat small = new XlsxFormat(3);

        byte[] file = write(small, COMMENTS, SampleItems.comments("c", 7));

        Map<String, List<Row>> sheets = sheets(file);
        assertThat(sheets.keySet()).containsExactly("Comments", "Comments (2)", "Comments (3)", "About");
        sheets.remove("About");
        List<String> ids = new ArrayList<>();
        sheets.forEach((name, rows) -> {
            assertThat(texts(rows.get(0))).as("header of %s", name).isEqualTo(COMMENT_COLUMNS);
            rows.subList(1, rows.size()).forEach(row -> ids.add(cell(row, "id").asString()));
        });
        assertThat(sheets.get("Comments")).hasSize(4);
        assertThat(sheets.get("Comments (3)")).hasSize(2);
        assertThat(ids).containsExactly("c0", "c1", "c2", "c3", "c4", "c5", "c6");
        assertThat(part(file, "xl/worksheets/sheet3.xml")).contains("<autoFilter ref=\"A1:S2\"");
    }

    @Test
    void eachItemTypeGetsItsOwnSheetWithItsColumns() throws IOException {
        List<Item> items = new ArrayList<>(SampleItems.mixed());
        items.add(comment("late", "a comment after the media item"));

        byte[] file = write(xlsx, COMMENTS, items);

        Map<String, List<Row>> sheets = sheets(file);
        assertThat(sheets.keySet()).containsExactly("Comments", "Posts", "Profile", "Media", "Comments (2)", "About");
        assertThat(texts(sheets.get("Posts").get(0))).isEqualTo(ItemFields.columns(Content.POSTS));
        assertThat(texts(sheets.get("Media").get(0))).isEqualTo(ItemFields.columns(Content.MEDIA));
        Row post = sheets.get("Posts").get(1);
        assertThat(cell(post, ItemFields.columns(Content.POSTS), "viewCount").asNumber())
                .isEqualByComparingTo(new BigDecimal(12_345_678_901L));
        assertThat(cell(post, ItemFields.columns(Content.POSTS), "title").asString()).isEqualTo("Title\u2028with separator");
        assertThat(cell(post, ItemFields.columns(Content.POSTS), "media").asString())
                .startsWith("[{\"type\":\"image\",\"url\":\"https://example.com/1.jpg\",\"width\":1080");
        Row media = sheets.get("Media").get(1);
        assertThat(cell(media, ItemFields.columns(Content.MEDIA), "media.durationSeconds").asNumber())
                .isEqualByComparingTo(new BigDecimal("90.0"));
        assertThat(sheets.get("Comments (2)")).hasSize(2);
    }

    @Test
    void anEmptyExportIsAWorkbookWithAHeader() throws IOException {
        byte[] file = write(xlsx, WriterOptions.ofDefaults(Content.PROFILE), List.of());

        Map<String, List<Row>> sheets = sheets(file);
        assertThat(sheets.keySet()).containsExactly("Profile", "About");
        assertThat(sheets.get("Profile")).singleElement()
                .satisfies(row -> assertThat(texts(row)).isEqualTo(ItemFields.columns(Content.PROFILE)));
    }

    @Test
    void charactersXmlCannotHoldAreDroppedAndTheFileStaysReadable() throws IOException {
        byte[] file = write(xlsx, COMMENTS, List.of(comment("ctl", "bell\u0007 nul\u0000 lone\uD800 ok ✓")));

        assertThat(cell(sheets(file).get("Comments").get(1), "text").asString()).isEqualTo("bell nul lone ok ✓");
    }

    @Test
    void closeCompletesTheWorkbookAndClosesTheStream() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean[] closed = {false};
        OutputStream stream = new FilterOutputStream(bytes) {
            @Override
            public void close() throws IOException {
                closed[0] = true;
                super.close();
            }
        };
        RecordWriter writer = xlsx.open(stream, COMMENTS);
        writer.write(comment("x", "one"));
        writer.flush();
        assertThat(closed[0]).isFalse();

        writer.close();
        writer.close();

        assertThat(closed[0]).isTrue();
        assertThat(sheets(bytes.toByteArray()).get("Comments")).hasSize(2);
        assertThatThrownBy(() -> writer.write(comment("y", "two"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPartialWorkbookCannotBeContinued() {
        assertThat(xlsx.appendable()).isFalse();
        assertThatThrownBy(() -> xlsx.open(new ByteArrayOutputStream(), COMMENTS.resuming(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot continue a partial file");
    }

    private static Comment comment(String id, String text) {
        return Comment.builder().platform("youtube").id(id).postId("v1").text(text).build();
    }

    private static byte[] write(OutputFormat format, WriterOptions options, List<Item> items) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RecordWriter writer = format.open(bytes, options)) {
            for (Item item : items) {
                writer.write(item);
            }
        }
        return bytes.toByteArray();
    }

    private static Map<String, List<Row>> sheets(byte[] file) throws IOException {
        Map<String, List<Row>> sheets = new LinkedHashMap<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file), new ReadingOptions(true, false))) {
            for (Sheet sheet : workbook.getSheets().toList()) {
                sheets.put(sheet.getName(), sheet.read());
            }
        }
        return sheets;
    }

    private static Cell cell(Row row, String column) {
        return cell(row, COMMENT_COLUMNS, column);
    }

    private static Cell cell(Row row, List<String> columns, String column) {
        int index = columns.indexOf(column);
        assertThat(index).as("column %s", column).isNotNegative();
        return row.getOptionalCell(index).orElseThrow(() -> new AssertionError("no cell " + column + " in " + row));
    }

    private static boolean isEmpty(Row row, String column) {
        int index = COMMENT_COLUMNS.indexOf(column);
        return row.getOptionalCell(index).map(cell -> cell.getType() == CellType.EMPTY).orElse(true);
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.asString()));
        return texts;
    }

    private static String part(byte[] file, String name) throws IOException {
        // Through the zip's central directory, as Excel reads it; fastexcel streams entries with data descriptors.
        Path copy = Files.createTempFile("workbook", ".xlsx");
        try {
            Files.write(copy, file);
            try (ZipFile zip = new ZipFile(copy.toFile())) {
                ZipEntry entry = zip.getEntry(name);
                assertThat(entry).as("%s in the workbook", name).isNotNull();
                try (InputStream in = zip.getInputStream(entry)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } finally {
            Files.delete(copy);
        }
    }

    private static String section(String xml, String element) {
        int start = xml.indexOf("<" + element);
        int end = xml.indexOf("</" + element + ">", start);
        assertThat(start).as("<%s>", element).isNotNegative();
        return xml.substring(start, end);
    }

    private static List<String> elements(String xml, String element) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile("<" + element + "[ >/].*?(</" + element + ">|/>)").matcher(xml);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    private static String attribute(String tag, String name) {
        Matcher matcher = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
        assertThat(matcher.find()).as("%s in %s", name, tag).isTrue();
        return matcher.group(1);
    }
}
