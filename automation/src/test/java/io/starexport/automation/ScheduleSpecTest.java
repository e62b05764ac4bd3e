package io.starexport.automation;

import io.starexport.api.ExportRequest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Run times across the 2026 DST changes: EU 29 Mar / 25 Oct, US 8 Mar / 1 Nov. */
class ScheduleSpecTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ExportRequest REQUEST = ExportRequest.builder("https://fake.example/posts/p1")
            .to(Path.of("c.jsonl")).build();

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static ScheduleSpec.Builder spec(ZoneId zone) {
        return ScheduleSpec.builder(REQUEST).zone(zone);
    }

    @Test
    void dailyInBerlinKeepsWallTimeRunsAfterTheSpringGapAndOnceInTheAutumnOverlap() {
        ScheduleSpec nine = spec(BERLIN).daily(LocalTime.of(9, 0)).build();
        assertThat(nine.nextAfter(at("2026-03-28T09:00+01:00"))).hasValue(at("2026-03-29T09:00+02:00"));

        ScheduleSpec twoThirty = spec(BERLIN).daily(LocalTime.of(2, 30)).build();
        assertThat(twoThirty.nextAfter(at("2026-03-28T02:30+01:00"))).hasValue(at("2026-03-29T03:30+02:00"));
        assertThat(twoThirty.nextAfter(at("2026-03-29T03:30+02:00"))).hasValue(at("2026-03-30T02:30+02:00"));

        Instant first = twoThirty.nextAfter(at("2026-10-24T02:30+02:00")).orElseThrow();
        assertThat(first).isEqualTo(at("2026-10-25T02:30+02:00"));
        assertThat(twoThirty.nextAfter(first)).hasValue(at("2026-10-26T02:30+01:00"));
    }

    @Test
    void dailyInNewYorkRunsAfterTheSpringGapAndOnceInTheAutumnOverlap() {
        ScheduleSpec twoThirty = spec(NEW_YORK).daily(LocalTime.of(2, 30)).build();
        assertThat(twoThirty.nextAfter(at("2026-03-07T02:30-05:00"))).hasValue(at("2026-03-08T03:30-04:00"));

        ScheduleSpec oneThirty = spec(NEW_YORK).daily(LocalTime.of(1, 30)).build();
        Instant first = oneThirty.nextAfter(at("2026-10-31T01:30-04:00")).orElseThrow();
        assertThat(first).isEqualTo(at("2026-11-01T01:30-04:00"));
        assertThat(oneThirty.nextAfter(first)).hasValue(at("2026-11-02T01:30-05:00"));
    }

    @Test
    void hourlyRunsEveryRealHourThroughBothChanges() {
        ScheduleSpec hourly = spec(NEW_YORK).hourly(0).build();
        Instant t = at("2026-11-01T00:30-04:00");
        for (int i = 0; i < 4; i++) {
            Instant next = hourly.nextAfter(t).orElseThrow();
            assertThat(Duration.between(t, next)).isLessThanOrEqualTo(Duration.ofHours(1));
            t = next;
        }
        assertThat(t).isEqualTo(at("2026-11-01T03:00-05:00")); // 01:00 EDT, 01:00 EST, 02:00 EST, 03:00 EST

        ScheduleSpec berlin = spec(BERLIN).hourly(15).build();
        assertThat(berlin.nextAfter(at("2026-03-29T01:15+01:00"))).hasValue(at("2026-03-29T03:15+02:00"));
    }

    @Test
    void cronFollowsWallTimeInItsZoneAcrossBothChanges() {
        ScheduleSpec cron = spec(BERLIN).cron("0 9 * * *").build();
        assertThat(cron.nextAfter(at("2026-03-28T09:00+01:00"))).hasValue(at("2026-03-29T09:00+02:00"));
        assertThat(cron.nextAfter(at("2026-10-24T09:00+02:00"))).hasValue(at("2026-10-25T09:00+01:00"));

        ScheduleSpec everyFourHours = spec(NEW_YORK).cron("0 */4 * * *").build();
        assertThat(everyFourHours.nextAfter(at("2026-03-08T00:00-05:00"))).hasValue(at("2026-03-08T04:00-04:00"));
    }

    @Test
    void weeklyAndMonthlyPickTheirDayAndClampShortMonths() {
        ScheduleSpec weekly = spec(BERLIN).weekly(DayOfWeek.MONDAY, LocalTime.of(8, 0)).build();
        assertThat(weekly.nextAfter(at("2026-03-25T12:00+01:00"))).hasValue(at("2026-03-30T08:00+02:00"));
        ScheduleSpec monthly = spec(NEW_YORK).monthly(31, LocalTime.of(6, 0)).build();
        assertThat(monthly.nextAfter(at("2026-02-01T00:00-05:00"))).hasValue(at("2026-02-28T06:00-05:00"));
        assertThat(monthly.nextAfter(at("2026-02-28T06:00-05:00"))).hasValue(at("2026-03-31T06:00-04:00"));
    }

    @Test
    void rejectsBadCronAndOnlyNewWithoutJsonLines() {
        assertThatThrownBy(() -> spec(BERLIN).cron("every day")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UNIX cron");
        ExportRequest csv = ExportRequest.builder("https://fake.example/posts/p1").to(Path.of("c.csv")).build();
        assertThatThrownBy(() -> ScheduleSpec.builder(csv).onlyNew(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON Lines");
    }
}
