package io.starexport.kit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Display strings seen in the YouTube recordings (platforms-youtube reference §1.8, "Value formats seen in
 * the recordings"), Facebook Graph API timestamps, and German abbreviations as YouTube's web client shows them
 * with {@code hl=de}.
 */
class ValuesTest {
    private static final Instant NOW = Instant.parse("2026-01-24T12:00:00Z");

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            67          | 67        | false
            2.4k        | 2400      | true
            9.8k        | 9800      | true
            19k         | 19000     | true
            1.2K        | 1200      | true
            3M          | 3000000   | true
            1.5B        | 1500000000 | true
            1,234       | 1234      | false
            19.924      | 19924     | false
            "67 likes"  | 67        | false
            "9.8k likes" | 9800     | true
            "327 replies" | 327     | false
            "5,145 Comments" | 5145 | false
            "12K Comments" | 12000  | true
            "1.2 M"     | 1200000   | true
            "1 234"     | 1234      | false
            "2 Kommentare" | 2      | false
            "3,4 Mio."  | 3400000   | true
            "12 Tsd."   | 12000     | true
            "1,2 Mrd. Aufrufe" | 1200000000 | true
            """)
    void readsCountsKeepingTheirText(String text, long value, boolean approximate) {
        assertThat(Values.count(text)).contains(new Values.Count(value, approximate, text.trim()));
    }

    @Test
    void textWithoutANumberIsNoCount() {
        assertThat(Values.count("No comments")).isEmpty();
        assertThat(Values.count(" ")).isEmpty();
        assertThat(Values.count(null)).isEmpty();
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            2024-05-01T10:00:00Z          | 2024-05-01T10:00:00Z
            2024-05-01T10:00:00.123456Z   | 2024-05-01T10:00:00.123456Z
            2024-05-01T12:00:00+02:00     | 2024-05-01T10:00:00Z
            2020-02-24T09:15:16+0000      | 2020-02-24T09:15:16Z
            2024-05-01                    | 2024-05-01T00:00:00Z
            """)
    void readsIsoDates(String text, String instant) {
        assertThat(Values.instant(text)).contains(Instant.parse(instant));
    }

    @Test
    void otherDateTextIsNoDate() {
        assertThat(Values.instant("yesterday")).isEmpty();
        assertThat(Values.instant("2024-13-01")).isEmpty();
        assertThat(Values.instant(null)).isEmpty();
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            5 years ago              | PT43800H
            2 years ago (edited)     | PT17520H
            1 year ago               | PT8760H
            11 months ago            | PT7920H
            3 weeks ago              | PT504H
            3 days ago               | PT72H
            14 hours ago (edited)    | PT14H
            1 minute ago             | PT1M
            30 seconds ago           | PT30S
            Streamed 2 days ago      | PT48H
            yesterday                | PT24H
            just now                 | PT0S
            """)
    void turnsRelativeTimesIntoInstants(String text, String ago) {
        // Months count 30 days and years 365 (the hours in the table).
        assertThat(Values.ago(text, NOW)).contains(NOW.minus(Duration.parse(ago)));
    }

    @Test
    void leavesOtherLanguagesUnread() {
        assertThat(Values.ago("vor 4 Jahren (bearbeitet)", NOW)).isEmpty();
        assertThat(Values.ago(null, NOW)).isEmpty();
    }
}
