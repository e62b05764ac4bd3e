package io.starexport.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.StarExport;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.ExportRequest;
import io.starexport.api.Sort;
import io.starexport.automation.Frequency;
import io.starexport.automation.MissedRunPolicy;
import io.starexport.automation.Schedule;
import io.starexport.automation.ScheduleRun;
import io.starexport.automation.ScheduleSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/** {@code starexport schedule …}: the scheduled exports of an automation folder ({@code io.starexport.automation.Scheduler}). */
@Command(name = "schedule", usageHelpWidth = 100, mixinStandardHelpOptions = true,
        description = {
            "Adds, lists, pauses, resumes, runs and deletes scheduled exports. 'starexport run' on the same --dir "
                    + "runs them when due (start it after adding: it reads the schedules when it starts).",
            "Each run writes new files: the output's name gets the run's due time in UTC (comments.jsonl becomes "
                    + "comments-20261207T080000Z.jsonl). With --only-new a run keeps only items no earlier run "
                    + "exported (JSON Lines outputs)."},
        subcommands = {ScheduleCommand.Add.class, ScheduleCommand.ListSchedules.class, ScheduleCommand.Pause.class,
            ScheduleCommand.Resume.class, ScheduleCommand.RunNow.class, ScheduleCommand.Delete.class},
        footer = {
            "",
            "Examples:",
            "  starexport schedule add https://youtu.be/dQw4w9WgXcQ -o comments.jsonl --only-new --at 09:00",
            "  starexport schedule add https://youtu.be/dQw4w9WgXcQ -o c.jsonl --every weekly --day MON",
            "  starexport schedule add https://www.reddit.com/r/java/ --posts -o posts.csv --cron '0 */4 * * *'",
            "  starexport schedule list --json",
            "  starexport schedule pause 3f2b8c1e-5d4a-4f7e-9c3b-2a1d0e9f8b7c",
            "  starexport schedule run-now 3f2b8c1e-5d4a-4f7e-9c3b-2a1d0e9f8b7c"})
final class ScheduleCommand {

    /** What every subcommand has: the folder options, the common options, and its spec. */
    abstract static class Sub implements Callable<Integer>, Main.HasCommonOptions {
        @Spec
        CommandSpec spec;
        @Mixin
        Automation.Options folder;
        @Mixin
        CommonOptions common;

        @Override
        public CommonOptions common() {
            return common;
        }

        @Override
        public Integer call() {
            try (StarExport star = engine(); Automation automation = folder.open(star)) {
                return call(automation, Commands.main(spec).out());
            }
        }

        /** The engine the schedule's runs would use; a plain one for commands that export nothing. */
        StarExport engine() {
            return Automation.plainEngine();
        }

        abstract int call(Automation automation, PrintWriter out);

        UUID find(Automation automation, String id) {
            UUID uuid = Commands.id(spec, id);
            return Commands.found(automation.scheduler.get(uuid), "schedule", uuid, "starexport schedule list").id();
        }

        int print(Schedule schedule, PrintWriter out, String what) {
            if (common.json) {
                JsonOutput.success(out, json(schedule));
            } else {
                Commands.main(spec).err().println(what + " schedule " + schedule.id() + (schedule.paused() ? ", paused"
                        : schedule.nextRunAt().map(at -> "; next run " + at).orElse("")) + ".");
                Commands.main(spec).err().flush();
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "add", sortOptions = false, mixinStandardHelpOptions = true,
            description = "Adds a scheduled export of URL to FILE; its first run is the first time after now.")
    static final class Add extends Sub {
        @Parameters(paramLabel = "URL", description = "The video, post, profile… to export at each run.")
        String url;
        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The file each run "
                + "writes, with the run's time added to its name.")
        Path output;
        @Option(names = "--format", paramLabel = "ID", description = "Output format; by default the extension of FILE picks it.")
        String format;
        @ArgGroup(exclusive = true, multiplicity = "0..1", heading = "%nWhat to export (one; default: the "
                + "platform's default for the URL):%n")
        ExportCommand.ContentOption content;
        @Option(names = "--replies", description = "Include replies to comments.")
        boolean replies;
        @Option(names = "--limit", paramLabel = "N", description = "Export at most N items per run.")
        Long limit;
        @Option(names = "--sort", paramLabel = "ORDER", description = "top, newest or oldest.")
        Sort sort;
        @Option(names = "--only-new", description = "Keep only items no earlier successful run exported (needs "
                + "a .jsonl FILE or --format jsonl).")
        boolean onlyNew;
        @Option(names = "--sandbox", description = "Runs export offline sample data.")
        boolean sandbox;
        @Option(names = "--name", paramLabel = "NAME", description = "A name for lists and webhooks; default the URL.")
        String name;
        @Option(names = "--every", paramLabel = "PERIOD", description = "hourly, daily (default), weekly or monthly.")
        String every;
        @Option(names = "--cron", paramLabel = "EXPR", description = "A five-field UNIX cron expression instead of "
                + "--every, such as '30 8 * * MON-FRI'.")
        String cron;
        @Option(names = "--at", paramLabel = "HH:MM", description = "The wall time of the run; default 00:00. "
                + "Hourly schedules use its minute.")
        LocalTime at;
        @Option(names = "--day", paramLabel = "DAY", description = "Weekly: MON…SUN (default MON); monthly: 1-31, "
                + "the month's last day in shorter months (default 1).")
        String day;
        @Option(names = "--zone", paramLabel = "ZONE", description = "The time zone of --at and --cron, such as "
                + "Europe/Berlin; default this machine's.")
        ZoneId zone;
        @Option(names = "--missed", paramLabel = "POLICY", description = "Runs missed while nothing ran the "
                + "schedules: run-once (default: one run as soon as possible) or skip.")
        String missed;

        @Override
        int call(Automation automation, PrintWriter out) {
            ScheduleSpec spec = Commands.usage(this.spec, this::spec);
            return print(automation.scheduler.create(spec), out, "Added");
        }

        private ScheduleSpec spec() {
            try (StarExport plain = Automation.plainEngine()) {
                plain.detect(url);
            }
            ExportRequest.Builder request = ExportRequest.builder(url).replies(replies).sandbox(sandbox);
            Path file = output.toAbsolutePath();
            if (format != null) {
                request.to(file, format);
            } else {
                request.to(file);
            }
            if (content != null) {
                request.content(content.content());
            }
            if (limit != null) {
                request.limit(limit);
            }
            if (sort != null) {
                request.sort(sort);
            }
            ScheduleSpec.Builder schedule = ScheduleSpec.builder(request.build()).onlyNew(onlyNew)
                    .zone(zone != null ? zone : ZoneId.systemDefault());
            if (name != null) {
                schedule.name(name);
            }
            if (missed != null) {
                schedule.missedRuns(MissedRunPolicy.valueOf(choice("--missed", missed, "run-once", "skip")));
            }
            LocalTime time = at != null ? at : LocalTime.MIDNIGHT;
            if (cron != null) {
                if (every != null || at != null || day != null) {
                    throw new IllegalArgumentException("--cron says when by itself; drop --every, --at and --day");
                }
                return schedule.cron(cron).build();
            }
            Frequency frequency = Frequency.valueOf(every == null ? "DAILY"
                    : choice("--every", every, "hourly", "daily", "weekly", "monthly"));
            if (day != null && frequency != Frequency.WEEKLY && frequency != Frequency.MONTHLY) {
                throw new IllegalArgumentException("--day applies to --every weekly or monthly");
            }
            switch (frequency) {
                case HOURLY -> schedule.hourly(time.getMinute());
                case WEEKLY -> schedule.weekly(day == null ? DayOfWeek.MONDAY : dayOfWeek(day), time);
                case MONTHLY -> schedule.monthly(day == null ? 1 : dayOfMonth(day), time);
                default -> schedule.daily(time);
            }
            return schedule.build();
        }

        static String choice(String option, String value, String... allowed) {
            for (String candidate : allowed) {
                if (candidate.equalsIgnoreCase(value)) {
                    return candidate.toUpperCase(Locale.ROOT).replace('-', '_');
                }
            }
            throw new IllegalArgumentException(option + " must be one of " + String.join(", ", allowed)
                    + " but was '" + value + "'");
        }

        static DayOfWeek dayOfWeek(String text) {
            for (DayOfWeek candidate : DayOfWeek.values()) {
                if (candidate.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(text)
                        || candidate.name().equalsIgnoreCase(text)) {
                    return candidate;
                }
            }
            throw new IllegalArgumentException("--day of a weekly schedule is MON, TUE, WED, THU, FRI, SAT or SUN, "
                    + "but was '" + text + "'");
        }

        static int dayOfMonth(String text) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--day of a monthly schedule is 1 to 31, but was '" + text + "'", e);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the schedules with their next "
            + "run, run and failure counts; --json adds each one's recent runs.")
    static final class ListSchedules extends Sub {
        @Override
        int call(Automation automation, PrintWriter out) {
            if (common.json) {
                ArrayNode data = JsonOutput.array();
                automation.scheduler.list().forEach(s -> data.add(json(s)));
                JsonOutput.success(out, data);
                return ExitCode.OK;
            }
            TextTable table = new TextTable("ID", "NAME", "WHEN", "NEXT RUN", "RUNS", "FAILED");
            automation.scheduler.list().forEach(s -> table.row(s.id().toString(), s.spec().name(), when(s.spec()),
                    s.paused() ? "paused" : Commands.time(s.nextRunAt()), String.valueOf(s.runCount()),
                    String.valueOf(s.failCount())));
            table.print(out);
            return ExitCode.OK;
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Stops a schedule's runs; runs due "
            + "while paused are not made up.")
    static final class Pause extends Sub {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int call(Automation automation, PrintWriter out) {
            return print(automation.scheduler.pause(find(automation, id)), out, "Paused");
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Starts a paused schedule again from "
            + "its next time.")
    static final class Resume extends Sub {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int call(Automation automation, PrintWriter out) {
            return print(automation.scheduler.resume(find(automation, id)), out, "Resumed");
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a schedule; its files stay.")
    static final class Delete extends Sub {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int call(Automation automation, PrintWriter out) {
            UUID uuid = find(automation, id);
            automation.scheduler.delete(uuid);
            if (common.json) {
                JsonOutput.success(out, JsonOutput.object().put("deleted", uuid.toString()));
            } else {
                Commands.main(spec).err().println("Deleted schedule " + uuid + ".");
                Commands.main(spec).err().flush();
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "run-now", sortOptions = false, mixinStandardHelpOptions = true, description = "Runs a "
            + "schedule now, paused or not, without moving its next run; waits for the export and its webhooks. "
            + "Credentials come from --credential, --cookies, environment variables or the config file.")
    static final class RunNow extends Sub {
        @Parameters(paramLabel = "ID")
        String id;
        @Mixin
        ConnectionOptions connection;

        @Override
        StarExport engine() {
            return Commands.engine(Commands.main(spec), spec, connection, false);
        }

        @Override
        int call(Automation automation, PrintWriter out) {
            UUID uuid = find(automation, id);
            ScheduleRun run;
            try {
                run = Commands.usage(spec, () -> automation.scheduler.runNow(uuid)).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ExportException.of(ErrorCode.CANCELLED, "Interrupted while waiting for the run.", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e);
            }
            automation.webhooks.awaitDeliveries(Automation.DELIVERY_WAIT);
            if (common.json) {
                JsonOutput.success(out, json(run));
            } else {
                run.files().forEach(out::println);
                out.flush();
                Commands.main(spec).err().println("Run " + JsonOutput.lowerCase(run.status()) + ": " + run.items()
                        + " items" + (run.newItems().isPresent() ? ", " + run.newItems().getAsLong() + " new" : "")
                        + run.error().map(e -> " — " + e).orElse(""));
                Commands.main(spec).err().flush();
            }
            return run.status() == ScheduleRun.Status.SUCCEEDED ? ExitCode.OK : ExitCode.FAILURE;
        }
    }

    static ObjectNode json(Schedule schedule) {
        ScheduleSpec spec = schedule.spec();
        ObjectNode node = JsonOutput.object();
        node.put("id", schedule.id().toString());
        node.put("name", spec.name());
        node.put("url", spec.request().url());
        node.put("frequency", JsonOutput.lowerCase(spec.frequency()));
        node.put("when", when(spec));
        node.put("zone", spec.zone().getId());
        node.put("only_new", spec.onlyNew());
        node.put("missed_runs", JsonOutput.lowerCase(spec.missedRuns()).replace('_', '-'));
        ArrayNode files = node.putArray("outputs");
        spec.request().outputs().forEach(o -> files.add(o.file().toString()));
        node.put("paused", schedule.paused());
        node.put("next_run_at", Commands.time(schedule.nextRunAt()));
        node.put("last_run_at", Commands.time(schedule.lastRunAt()));
        node.put("run_count", schedule.runCount());
        node.put("fail_count", schedule.failCount());
        node.put("running", schedule.running());
        ArrayNode history = node.putArray("history");
        schedule.history().forEach(run -> history.add(json(run)));
        return node;
    }

    static ObjectNode json(ScheduleRun run) {
        ObjectNode node = JsonOutput.object();
        node.put("scheduled_for", run.scheduledFor().toString());
        node.put("started_at", run.startedAt().toString());
        node.put("finished_at", Commands.time(run.finishedAt()));
        node.put("job_id", run.jobId().map(UUID::toString).orElse(null));
        node.put("status", JsonOutput.lowerCase(run.status()));
        node.put("items", run.items());
        if (run.newItems().isPresent()) {
            node.put("new_items", run.newItems().getAsLong());
        } else {
            node.putNull("new_items");
        }
        ArrayNode files = node.putArray("files");
        run.files().forEach(f -> files.add(f.toString()));
        node.put("error", run.error().orElse(null));
        return node;
    }

    /** {@code daily 09:00 Europe/Berlin}, {@code cron '0 * * * *' UTC}. */
    static String when(ScheduleSpec spec) {
        String time = spec.time().toString();
        String what = switch (spec.frequency()) {
            case HOURLY -> "hourly at :" + time.substring(3);
            case DAILY -> "daily " + time;
            case WEEKLY -> "weekly " + spec.dayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + time;
            case MONTHLY -> "monthly day " + spec.dayOfMonth() + " " + time;
            case CUSTOM -> "cron '" + spec.cron().orElseThrow() + "'";
        };
        return what + " " + spec.zone().getId();
    }
}
