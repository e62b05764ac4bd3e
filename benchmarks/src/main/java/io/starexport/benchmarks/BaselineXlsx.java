package io.starexport.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.starexport.api.Author;
import io.starexport.api.Comment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The baseline of the xlsx figure: the smallest workbook a person would write by hand with
 * {@link ZipOutputStream} for the same comment fields and cell types (inline text, numbers, booleans, a
 * date-time cell), deflated at level 4 as fastexcel does. It leaves out what the xlsx format adds on top:
 * header styling, frozen pane, autofilter, column widths, hyperlinks and the size limits of cells and sheets.
 */
final class BaselineXlsx {
    private static final String[] COLUMNS = {"platform", "id", "url", "createdAt", "createdAtApproximate", "author.id",
        "author.handle", "author.displayName", "author.url", "author.verified", "postId", "parentId", "depth", "text",
        "likeCount", "replyCount", "pinned", "edited", "extras"};
    private static final JsonFactory JSON = new JsonFactory();
    /** 1970-01-01 as an Excel serial day (Excel's 1900 date system). */
    private static final double EPOCH_DAY = 25569;

    private BaselineXlsx() {
    }

    static void write(List<Comment> comments, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.setLevel(4);
        part(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "</Types>");
        part(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
        part(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"Comments\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        part(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                + "</Relationships>");
        // Style 1 is the date-time format of the createdAt cells.
        part(zip, "xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd hh:mm:ss\"/></numFmts>"
                + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
                + "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
                + "<borders count=\"1\"><border/></borders>"
                + "<cellStyleXfs count=\"1\"><xf/></cellStyleXfs>"
                + "<cellXfs count=\"2\"><xf/><xf numFmtId=\"164\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
        Writer xml = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8));
        xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">");
        for (int column = 0; column < COLUMNS.length; column++) {
            text(xml, column, 1, COLUMNS[column]);
        }
        xml.write("</row>");
        int row = 2;
        for (Comment c : comments) {
            Optional<Author> author = c.author();
            xml.write("<row r=\"" + row + "\">");
            text(xml, 0, row, c.platform());
            text(xml, 1, row, c.id());
            text(xml, 2, row, c.url());
            if (c.createdAt().isPresent()) {
                Instant at = c.createdAt().get();
                cell(xml, 3, row, " s=\"1\"", "<v>" + (EPOCH_DAY + at.getEpochSecond() / 86_400.0) + "</v>");
            }
            bool(xml, 4, row, c.createdAtApproximate());
            text(xml, 5, row, author.flatMap(Author::id));
            text(xml, 6, row, author.flatMap(Author::handle));
            text(xml, 7, row, author.flatMap(Author::displayName));
            text(xml, 8, row, author.flatMap(Author::url));
            if (author.isPresent()) {
                bool(xml, 9, row, author.get().verified());
            }
            text(xml, 10, row, c.postId());
            text(xml, 11, row, c.parentId());
            cell(xml, 12, row, "", "<v>" + c.depth() + "</v>");
            text(xml, 13, row, c.text());
            number(xml, 14, row, c.likeCount());
            number(xml, 15, row, c.replyCount());
            bool(xml, 16, row, c.pinned());
            bool(xml, 17, row, c.edited());
            if (!c.extras().isEmpty()) {
                text(xml, 18, row, json(c.extras()));
            }
            xml.write("</row>");
            row++;
        }
        xml.write("</sheetData></worksheet>");
        xml.flush();
        zip.closeEntry();
        zip.finish();
    }

    private static void part(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void cell(Writer xml, int column, int row, String attributes, String value) throws IOException {
        xml.write("<c r=\"");
        xml.write((char) ('A' + column));
        xml.write(Integer.toString(row));
        xml.write('"');
        xml.write(attributes);
        xml.write('>');
        xml.write(value);
        xml.write("</c>");
    }

    private static void bool(Writer xml, int column, int row, boolean value) throws IOException {
        cell(xml, column, row, " t=\"b\"", value ? "<v>1</v>" : "<v>0</v>");
    }

    private static void number(Writer xml, int column, int row, OptionalLong value) throws IOException {
        if (value.isPresent()) {
            cell(xml, column, row, "", "<v>" + value.getAsLong() + "</v>");
        }
    }

    private static void text(Writer xml, int column, int row, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            text(xml, column, row, value.get());
        }
    }

    /** An inline string, XML-escaped, with the control characters XML 1.0 cannot hold dropped. */
    private static void text(Writer xml, int column, int row, String text) throws IOException {
        StringBuilder escaped = new StringBuilder(text.length() + 16).append("<is><t xml:space=\"preserve\">");
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '\r' -> escaped.append("&#13;"); // a literal CR would be read back as a line feed
                default -> {
                    if (ch >= 0x20 || ch == '\t' || ch == '\n') {
                        escaped.append(ch);
                    }
                }
            }
        }
        cell(xml, column, row, " t=\"inlineStr\"", escaped.append("</t></is>").toString());
    }

    private static String json(Map<String, Object> extras) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            BaselineWriters.map(json, extras);
        }
        return text.toString();
    }
}
