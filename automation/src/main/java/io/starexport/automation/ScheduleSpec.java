package io.starexport.automation;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.starexport.api.ExportRequest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a schedule exports and when: an {@link ExportRequest}, a {@link Frequency} with a preferred time (or a
 * cron expression) in a time zone, whether to keep only items new since the last successful run, and what to
 * do about runs missed during downtime. Immutable.
 *
 * <pre>{@code
 * ScheduleSpec spec = ScheduleSpec.builder(request).name("Launch video")
 *         .daily(LocalTime.of(9, 0)).zone(ZoneId.of("Europe/Berlin")).onlyNew(true).build();
 * }</pre>
 *
 * <p><b>Time zones.</b> Times are wall-clock times in the zone. When a daily, weekly or monthly time falls in
 * a daylight-saving gap (02:30 on the night clocks jump from 02:00 to 03:00) the run is at the same distance
 * after the jump (03:30); when it falls in an overlap (02:30 twice on the night clocks go back) it runs once,
 * at the first 02:30. Hourly runs are every hour on the time line, so the repeated hour runs twice and the
 * skipped hour not at all. Cron expressions are UNIX cron ({@code minute hour day-of-month month
 * day-of-week}, as {@code 0 *}{@code /4 * * *}) evaluated by cron-utils in the zone.
 *
 * <p><b>Files.</b> Every run writes new files: each output's name gets the run's due time in UTC,
 * {@code comments.jsonl} becoming {@code comments-20261207T080000Z.jsonl}.
 */
public final class ScheduleSpec {
    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final ExportRequest request;
    private final String name;
    private final Frequency frequency;
    private final Optional<String> cron;
    private final LocalTime time;
    private final DayOfWeek dayOfWeek;
    private final int dayOfMonth;
    private final ZoneId zone;
    private final boolean onlyNew;
    private final MissedRunPolicy missedRuns;
    private final ExecutionTime executionTime;

    private ScheduleSpec(Builder b) {
        this.request = b.request;
        this.name = b.name == null ? b.request.url() : b.name;
        this.frequency = b.frequency;
        this.cron = Optional.ofNullable(b.cron);
        this.time = b.time;
        this.dayOfWeek = b.dayOfWeek;
        this.dayOfMonth = b.dayOfMonth;
        this.zone = b.zone;
        this.onlyNew = b.onlyNew;
        this.missedRuns = b.missedRuns;
        this.executionTime = b.cron == null ? null : ExecutionTime.forCron(CRON.parse(b.cron));
    }

    /** A builder over the request each run submits; daily at 00:00 UTC unless told otherwise. */
    public static Builder builder(ExportRequest request) {
        return new Builder(request);
    }

    /** A builder holding this spec's values. */
    public Builder toBuilder() {
        Builder b = new Builder(request).name(name).zone(zone).onlyNew(onlyNew).missedRuns(missedRuns);
        b.frequency = frequency;
        b.cron = cron.orElse(null);
        b.time = time;
        b.dayOfWeek = dayOfWeek;
        b.dayOfMonth = dayOfMonth;
        return b;
    }

    /** The request each run submits (outputs get the run's time in their names). */
    public ExportRequest request() {
        return request;
    }

    /** A display name; the request's URL unless given. */
    public String name() {
        return name;
    }

    public Frequency frequency() {
        return frequency;
    }

    /** The cron expression of a {@link Frequency#CUSTOM} schedule. */
    public Optional<String> cron() {
        return cron;
    }

    /** The preferred time of day; hourly schedules use its minute; unused by cron. */
    public LocalTime time() {
        return time;
    }

    /** The day of weekly runs. */
    public DayOfWeek dayOfWeek() {
        return dayOfWeek;
    }

    /** The day of monthly runs, 1 to 31. */
    public int dayOfMonth() {
        return dayOfMonth;
    }

    public ZoneId zone() {
        return zone;
    }

    /** True when each run keeps only items not exported by an earlier successful run. */
    public boolean onlyNew() {
        return onlyNew;
    }

    public MissedRunPolicy missedRuns() {
        return missedRuns;
    }

    /** The first run time strictly after {@code after}; empty for a cron expression that never fires again. */
    public Optional<Instant> nextAfter(Instant after) {
        ZonedDateTime now = after.atZone(zone);
        switch (frequency) {
            case HOURLY: {
                ZonedDateTime at = now.truncatedTo(ChronoUnit.HOURS).withMinute(time.getMinute());
                while (!at.toInstant().isAfter(after)) {
                    at = at.plusHours(1);
                }
                return Optional.of(at.toInstant());
            }
            case DAILY: {
                LocalDate day = now.toLocalDate();
                while (!at(day).isAfter(after)) {
                    day = day.plusDays(1);
                }
                return Optional.of(at(day));
            }
            case WEEKLY: {
                LocalDate day = now.toLocalDate().with(TemporalAdjusters.nextOrSame(dayOfWeek));
                while (!at(day).isAfter(after)) {
                    day = day.plusWeeks(1);
                }
                return Optional.of(at(day));
            }
            case MONTHLY: {
                YearMonth month = YearMonth.from(now);
                while (!at(monthDay(month)).isAfter(after)) {
                    month = month.plusMonths(1);
                }
                return Optional.of(at(monthDay(month)));
            }
            default:
                return executionTime.nextExecution(now).map(ZonedDateTime::toInstant);
        }
    }

    /** The wall time on a day in the zone; ZonedDateTime.of moves a gap forward and takes an overlap's first instant. */
    private Instant at(LocalDate day) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    private LocalDate monthDay(YearMonth month) {
        return month.atDay(Math.min(dayOfMonth, month.lengthOfMonth()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScheduleSpec s && request.equals(s.request) && name.equals(s.name) && frequency == s.frequency
                && cron.equals(s.cron) && time.equals(s.time) && dayOfWeek == s.dayOfWeek && dayOfMonth == s.dayOfMonth
                && zone.equals(s.zone) && onlyNew == s.onlyNew && missedRuns == s.missedRuns;
    }

    @Override
    public int hashCode() {
        return Objects.hash(request, name, frequency, cron, time, dayOfWeek, dayOfMonth, zone, onlyNew, missedRuns);
    }

    @Override
    public String toString() {
        String when = switch (frequency) {
            case HOURLY -> "hourly at :" + String.format(Locale.ROOT, "%02d", time.getMinute());
            case DAILY -> "daily at " + time;
            case WEEKLY -> "weekly on " + dayOfWeek + " at " + time;
            case MONTHLY -> "monthly on day " + dayOfMonth + " at " + time;
            case CUSTOM -> "cron '" + cron.orElseThrow() + "'";
        };
        return "ScheduleSpec[" + name + ", " + when + " " + zone + (onlyNew ? ", only new" : "") + ", missed runs "
                + missedRuns + ", " + request + "]";
    }

    /** Configures a {@link ScheduleSpec}; the last frequency given wins. Not thread-safe. */
    public static final class Builder {
        private ExportRequest request;
        private String name;
        private Frequency frequency = Frequency.DAILY;
        private String cron;
        private LocalTime time = LocalTime.MIDNIGHT;
        private DayOfWeek dayOfWeek = DayOfWeek.MONDAY;
        private int dayOfMonth = 1;
        private ZoneId zone = ZoneOffset.UTC;
        private boolean onlyNew;
        private MissedRunPolicy missedRuns = MissedRunPolicy.RUN_ONCE;

        private Builder(ExportRequest request) {
            request(request);
        }

        /** The request each run submits; it needs at least one output. */
        public Builder request(ExportRequest request) {
            this.request = Objects.requireNonNull(request, "request");
            return this;
        }

        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Every hour at this minute (0-59). */
        public Builder hourly(int minute) {
            return at(Frequency.HOURLY, LocalTime.of(0, minute));
        }

        /** Every day at this wall time. */
        public Builder daily(LocalTime time) {
            return at(Frequency.DAILY, time);
        }

        /** Every week on this day at this wall time. */
        public Builder weekly(DayOfWeek day, LocalTime time) {
            this.dayOfWeek = Objects.requireNonNull(day, "day");
            return at(Frequency.WEEKLY, time);
        }

        /** Every month on this day (1-31; the last day in shorter months) at this wall time. */
        public Builder monthly(int day, LocalTime time) {
            if (day < 1 || day > 31) {
                throw new IllegalArgumentException("day must be 1 to 31 but was " + day);
            }
            this.dayOfMonth = day;
            return at(Frequency.MONTHLY, time);
        }

        /**
         * A five-field UNIX cron expression: {@code minute hour day-of-month month day-of-week}.
         *
         * @throws IllegalArgumentException when cron-utils cannot parse it; the message says why
         */
        public Builder cron(String expression) {
            Objects.requireNonNull(expression, "expression");
            try {
                CRON.parse(expression).validate();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + expression + "' is not a UNIX cron expression (minute hour "
                        + "day-of-month month day-of-week, such as '0 */4 * * *'): " + e.getMessage(), e);
            }
            this.frequency = Frequency.CUSTOM;
            this.cron = expression;
            return this;
        }

        /** The time zone of the preferred time and of cron fields; UTC by default. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * Keep only items not exported by an earlier successful run (incremental monitoring); off by default.
         * Needs JSON Lines outputs ({@code .jsonl} or format {@code jsonl}); see {@link Scheduler}.
         */
        public Builder onlyNew(boolean onlyNew) {
            this.onlyNew = onlyNew;
            return this;
        }

        /** What to do about runs missed during downtime; {@link MissedRunPolicy#RUN_ONCE} by default. */
        public Builder missedRuns(MissedRunPolicy policy) {
            this.missedRuns = Objects.requireNonNull(policy, "policy");
            return this;
        }

        private Builder at(Frequency frequency, LocalTime time) {
            this.frequency = frequency;
            this.time = Objects.requireNonNull(time, "time");
            this.cron = null;
            return this;
        }

        /**
         * Builds the spec.
         *
         * @throws IllegalArgumentException when the request has no output, or {@code onlyNew} is set with an
         *                                  output that is not JSON Lines
         */
        public ScheduleSpec build() {
            if (request.outputs().isEmpty()) {
                throw new IllegalArgumentException("A scheduled request needs at least one output, such as .to(Path.of(\"comments.jsonl\"))");
            }
            if (onlyNew) {
                for (ExportRequest.Output output : request.outputs()) {
                    if (!Incremental.isJsonLines(output)) {
                        throw new IllegalArgumentException("onlyNew needs JSON Lines outputs (.jsonl or format jsonl), "
                                + "since each run's file is filtered line by line; " + output.file() + " is not");
                    }
                }
            }
            return new ScheduleSpec(this);
        }
    }
}
