package io.starexport.docs;

import io.starexport.api.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/troubleshooting.md} has one {@code ### `CODE`} section under {@code ## Error codes} for each
 * {@link ErrorCode} and none for a code that does not exist; each section's {@code **Transient:**} matches
 * {@link ErrorCode#isTransient()} and its {@code **CLI exit code:**} matches the exit-code table that
 * {@code starexport --help} prints, as does the page's own exit-code table.
 */
class TroubleshootingTest {
    private static final Pattern CODE_SPAN = Pattern.compile("`([A-Z][A-Z_]+)`");
    private static final Pattern TRANSIENT = Pattern.compile("\\*\\*Transient:\\*\\* (yes|no)\\b");
    private static final Pattern EXIT_CODE = Pattern.compile("\\*\\*CLI exit code:\\*\\* (\\d+)\\b");
    /** A line of the help footer: {@code   4  rate limit or quota (RATE_LIMITED, QUOTA_EXCEEDED, QUEUE_FULL)}. */
    private static final Pattern FOOTER_LINE = Pattern.compile("^\\s+(\\d+)\\s+.*\\(([A-Z_, ]+)\\)\\s*$");

    private final Markdown page = Markdown.read(Markdown.docsDirectory().resolve("troubleshooting.md"));

    @Test
    void everyErrorCodeHasASectionAndNoSectionNamesAMissingCode() {
        Set<String> codes = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>(sections().keySet());

        assertThat(differences(codes, documented))
                .as("error codes without a ### `CODE` section (+) or sections naming no ErrorCode (-) in "
                        + "docs/troubleshooting.md; add a section under ## Error codes saying what the code means, "
                        + "its causes per platform and what to do, with its **Transient:** and **CLI exit code:** "
                        + "lines").isEmpty();
    }

    @Test
    void eachSectionStatesWhetherTheCodeIsTransientAndItsExitCode() {
        Map<String, Integer> exitCodes = exitCodesFromHelp();
        List<String> wrong = new ArrayList<>();
        sections().forEach((code, text) -> {
            ErrorCode errorCode;
            try {
                errorCode = ErrorCode.valueOf(code);
            } catch (IllegalArgumentException e) {
                return; // reported by the other test
            }
            Matcher transientLine = TRANSIENT.matcher(text);
            String expectedTransient = errorCode.isTransient() ? "yes" : "no";
            if (!transientLine.find() || !transientLine.group(1).equals(expectedTransient)) {
                wrong.add(code + ": needs **Transient:** " + expectedTransient);
            }
            Matcher exitLine = EXIT_CODE.matcher(text);
            Integer expectedExit = exitCodes.get(code);
            if (expectedExit == null) {
                wrong.add(code + ": starexport --help lists no exit code for it");
            } else if (!exitLine.find() || Integer.parseInt(exitLine.group(1)) != expectedExit) {
                wrong.add(code + ": needs **CLI exit code:** " + expectedExit);
            }
        });
        assertThat(wrong).as("sections of docs/troubleshooting.md that disagree with the code").isEmpty();
    }

    @Test
    void theExitCodeTableMatchesTheHelp() {
        Map<String, Integer> fromHelp = exitCodesFromHelp();
        Markdown.Heading table = page.headings().stream()
                .filter(h -> h.text().equals("Exit codes of the command line")).findFirst()
                .orElseThrow(() -> new AssertionError("docs/troubleshooting.md has no 'Exit codes of the command line'"));
        Map<String, Integer> documented = new TreeMap<>();
        for (Markdown.Row row : page.rowsUnder(table)) {
            Matcher code = CODE_SPAN.matcher(row.cells().get(2));
            while (code.find()) {
                documented.put(code.group(1), Integer.parseInt(row.cells().get(0)));
            }
        }
        assertThat(documented).as("error codes and exit codes in docs/troubleshooting.md")
                .isEqualTo(fromHelp);
    }

    /** Each {@code ### `CODE`} section under {@code ## Error codes}, by code, with its text. */
    private Map<String, String> sections() {
        Map<String, String> sections = new TreeMap<>();
        boolean inErrorCodes = false;
        for (Markdown.Heading heading : page.headings()) {
            if (heading.level() <= 2) {
                inErrorCodes = heading.text().equals("Error codes");
                continue;
            }
            Matcher code = CODE_SPAN.matcher(heading.text());
            if (heading.level() == 3 && code.matches()) {
                assertThat(inErrorCodes).as(heading.text() + " is outside ## Error codes").isTrue();
                sections.put(code.group(1), page.textUnder(heading));
            }
        }
        return sections;
    }

    /** The exit code of each error code, from the table at the end of {@code starexport --help}. */
    private static Map<String, Integer> exitCodesFromHelp() {
        Map<String, Integer> exitCodes = new TreeMap<>();
        for (String line : CliHelp.help(List.of()).split("\n")) {
            Matcher footer = FOOTER_LINE.matcher(line);
            if (footer.matches()) {
                for (String code : footer.group(2).split(",")) {
                    exitCodes.put(code.strip(), Integer.parseInt(footer.group(1)));
                }
            }
        }
        assertThat(exitCodes).as("exit codes in starexport --help").containsKey("NETWORK");
        return exitCodes;
    }

    private static List<String> differences(Set<String> code, Set<String> documented) {
        List<String> differences = new ArrayList<>();
        code.stream().filter(c -> !documented.contains(c)).forEach(c -> differences.add("+ " + c));
        documented.stream().filter(d -> !code.contains(d)).forEach(d -> differences.add("- " + d));
        return differences;
    }
}
