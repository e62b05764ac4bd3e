package io.starexport.benchmarks;

import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.spi.RecordWriter;
import io.starexport.spi.WriterOptions;
import io.starexport.writer.xlsx.XlsxFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The xlsx figure compares like with like only if the minimal baseline workbook holds what the xlsx format
 * writes: the same cells, with the same types and values (it leaves out styling, links and limits).
 */
class BaselineXlsxTest {
    @TempDir
    Path dir;

    @Test
    void baselineWorkbookHoldsTheSameCellsAsTheXlsxFormat() throws Exception {
        List<Comment> comments = new ArrayList<>(SampleComments.youtube(300));
        comments.add(Comment.builder().platform("youtube").id("edge").postId("v1").text("=1+2 <b>&amp;</b> \uD83D\uDE00")
                .createdAt(Instant.parse("2026-01-02T03:04:05Z")).author(Author.builder().handle("@a").build())
                .likeCount(-3L).extra("score", 12.5).extra("flag", true).extra("note", "x,y").build());
        ByteArrayOutputStream real = new ByteArrayOutputStream();
        try (RecordWriter writer = new XlsxFormat().open(real, WriterOptions.ofDefaults(Content.COMMENTS))) {
            for (Comment comment : comments) {
                writer.write(comment);
            }
        }
        ByteArrayOutputStream baseline = new ByteArrayOutputStream();
        BaselineXlsx.write(comments, baseline);

        Map<String, String> expected = cells(sheet(real.toByteArray()));
        Map<String, String> actual = cells(sheet(baseline.toByteArray()));
        assertThat(actual).hasSize(expected.size()).containsOnlyKeys(expected.keySet());
        expected.forEach((ref, value) -> {
            if (value.startsWith("n:")) {
                // Date-times are serial days; the two may print the same double with different digits.
                assertThat(Double.parseDouble(actual.get(ref).substring(2))).as(ref)
                        .isCloseTo(Double.parseDouble(value.substring(2)), org.assertj.core.data.Offset.offset(1e-6));
            } else {
                assertThat(actual.get(ref)).as(ref).isEqualTo(value);
            }
        });
        assertThat(actual).containsValue("s:=1+2 <b>&amp;</b> \uD83D\uDE00");
    }

    /** Read through the zip's central directory, as Excel does (fastexcel streams entries with data descriptors). */
    private byte[] sheet(byte[] workbook) throws Exception {
        Path file = Files.write(Files.createTempFile(dir, "workbook", ".xlsx"), workbook);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry("xl/worksheets/sheet1.xml");
            assertThat(entry).as("xl/worksheets/sheet1.xml").isNotNull();
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }

    /** Cell reference to {@code s:text}, {@code b:0|1} or {@code n:number}. */
    private static Map<String, String> cells(byte[] sheet) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(sheet));
        NodeList cells = document.getElementsByTagNameNS("*", "c");
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < cells.getLength(); i++) {
            Element cell = (Element) cells.item(i);
            String type = cell.getAttribute("t");
            String value = switch (type) {
                case "inlineStr" -> "s:" + cell.getElementsByTagNameNS("*", "t").item(0).getTextContent();
                case "b" -> "b:" + cell.getElementsByTagNameNS("*", "v").item(0).getTextContent();
                case "", "n" -> "n:" + cell.getElementsByTagNameNS("*", "v").item(0).getTextContent();
                default -> throw new AssertionError("cell type " + type + " at " + cell.getAttribute("r"));
            };
            values.put(cell.getAttribute("r"), value);
        }
        return values;
    }
}
