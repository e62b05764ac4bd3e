package io.starexport.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.StarExport;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.automation.Frequency;
import io.starexport.automation.MissedRunPolicy;
import io.starexport.automation.Workflow;
import io.starexport.automation.WorkflowRun;
import io.starexport.automation.WorkflowSpec;
import io.starexport.automation.WorkflowStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/** {@code starexport workflow …}: the multi-step exports of an automation folder ({@code io.starexport.automation.Workflows}). */
@Command(name = "workflow", usageHelpWidth = 100, mixinStandardHelpOptions = true,
        description = {
            "Adds, lists, pauses, resumes, runs and deletes workflows: exports in steps, such as a profile's recent "
                    + "posts and then each new post's comments. 'starexport run' on the same --dir runs scheduled "
                    + "ones when due.",
            "Each run writes JSON Lines files into its own folder, FOLDER/<start time UTC>/: 1-posts.jsonl, then "
                    + "2-comments-<post id>.jsonl per post. Each step keeps only items no earlier run kept."},
        subcommands = {WorkflowCommand.Add.class, WorkflowCommand.ListWorkflows.class, WorkflowCommand.Pause.class,
            WorkflowCommand.Resume.class, WorkflowCommand.RunNow.class, WorkflowCommand.Delete.class},
        footer = {
            "",
            "Examples:",
            "  starexport workflow add https://youtube.com/@x --template profile-posts-comments -o ch",
            "  starexport workflow add https://youtu.be/dQw4w9WgXcQ --template post-comments -o v --at 09:00",
            "  starexport workflow list --json",
            "  starexport workflow run-now 3f2b8c1e-5d4a-4f7e-9c3b-2a1d0e9f8b7c",
            "  starexport workflow pause 3f2b8c1e-5d4a-4f7e-9c3b-2a1d0e9f8b7c"})
final class WorkflowCommand {

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

        /** The engine the workflow's runs would use; a plain one for commands that export nothing. */
        StarExport engine() {
            return Automation.plainEngine();
        }

        abstract int call(Automation automation, PrintWriter out);

        UUID find(Automation automation, String id) {
            UUID uuid = Commands.id(spec, id);
            return Commands.found(automation.workflows.get(uuid), "workflow", uuid, "starexport workflow list").id();
        }

        int print(Workflow workflow, PrintWriter out, String what) {
            if (common.json) {
                JsonOutput.success(out, json(workflow));
            } else {
                Commands.main(spec).err().println(what + " workflow " + workflow.id() + (workflow.paused() ? ", paused"
                        : workflow.nextRunAt().map(at -> "; next run " + at).orElse("")) + ".");
                Commands.main(spec).err().flush();
            }
            return ExitCode.OK;
        }
    }

    /** The {@code --template} choices. */
    enum Template {
        PROFILE_POSTS_COMMENTS, POST_COMMENTS
    }

    @Command(name = "add", sortOptions = false, mixinStandardHelpOptions = true,
            description = "Adds a workflow over URL writing into FOLDER; without --every or --cron it runs only on "
                    + "run-now.")
    static final class Add extends Sub {
        @Parameters(paramLabel = "URL", description = "The profile or post the first step exports from.")
        String url;
        @Option(names = "--template", required = true, paramLabel = "NAME", description = "profile-posts-comments "
                + "(the 50 newest posts of the last 72 hours, then up to 5,000 comments of each) or post-comments "
                + "(up to 5,000 comments with replies).")
        String template;
        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FOLDER", description = "The folder the "
                + "runs' folders go into.")
        Path output;
        @Option(names = "--max-age", paramLabel = "HOURS", description = "profile-posts-comments: keep posts "
                + "created at most HOURS before the run; default 72.")
        Long maxAgeHours;
        @Option(names = "--sandbox", description = "Runs export offline sample data (its dates lie before June "
                + "2026, so give a large --max-age).")
        boolean sandbox;
        @Option(names = "--name", paramLabel = "NAME", description = "A name for lists and webhooks; default the "
                + "template's.")
        String name;
        @Option(names = "--every", paramLabel = "PERIOD", description = "hourly, daily, weekly or monthly; default "
                + "daily when --at or --day is given.")
        String every;
        @Option(names = "--cron", paramLabel = "EXPR", description = "A five-field UNIX cron expression instead of "
                + "--every, such as '30 8 * * MON-FRI'.")
        String cron;
        @Option(names = "--at", paramLabel = "HH:MM", description = "The wall time of the run; default 00:00. "
                + "Hourly workflows use its minute.")
        LocalTime at;
        @Option(names = "--day", paramLabel = "DAY", description = "Weekly: MON…SUN (default MON); monthly: 1-31, "
                + "the month's last day in shorter months (default 1).")
        String day;
        @Option(names = "--zone", paramLabel = "ZONE", description = "The time zone of --at and --cron, such as "
                + "Europe/Berlin; default this machine's.")
        ZoneId zone;
        @Option(names = "--missed", paramLabel = "POLICY", description = "Runs missed while nothing ran the "
                + "workflows: run-once (default: one run as soon as possible) or skip.")
        String missed;

        @Override
        int call(Automation automation, PrintWriter out) {
            WorkflowSpec spec = Commands.usage(this.spec, this::spec);
            return print(automation.workflows.create(spec), out, "Added");
        }

        private WorkflowSpec spec() {
            try (StarExport plain = Automation.plainEngine()) {
                plain.detect(url);
            }
            Path folder = output.toAbsolutePath();
            WorkflowSpec.Builder workflow = switch (Template.valueOf(ScheduleCommand.Add.choice("--template", template,
                    "profile-posts-comments", "post-comments"))) {
                case PROFILE_POSTS_COMMENTS -> WorkflowSpec.profilePostsComments(url, folder);
                case POST_COMMENTS -> WorkflowSpec.postComments(url, folder);
            };
            if (maxAgeHours != null) {
                if (template.equalsIgnoreCase("post-comments") || maxAgeHours < 1) {
                    throw new IllegalArgumentException("--max-age takes a number of hours, 1 or more, for the "
                            + "profile-posts-comments template");
                }
                List<WorkflowStep> steps = new ArrayList<>(workflow.build().steps());
                steps.set(0, steps.get(0).toBuilder().maxAge(Duration.ofHours(maxAgeHours)).build());
                workflow.steps(steps);
            }
            workflow.sandbox(sandbox).zone(zone != null ? zone : ZoneId.systemDefault());
            if (name != null) {
                workflow.name(name);
            }
            if (missed != null) {
                workflow.missedRuns(MissedRunPolicy.valueOf(ScheduleCommand.Add.choice("--missed", missed,
                        "run-once", "skip")));
            }
            if (cron != null) {
                if (every != null || at != null || day != null) {
                    throw new IllegalArgumentException("--cron says when by itself; drop --every, --at and --day");
                }
                return workflow.cron(cron).build();
            }
            if (every == null && at == null && day == null) {
                if (zone != null || missed != null) {
                    throw new IllegalArgumentException("--zone and --missed apply to a scheduled workflow; add "
                            + "--every or --cron");
                }
                return workflow.build();
            }
            Frequency frequency = Frequency.valueOf(every == null ? "DAILY"
                    : ScheduleCommand.Add.choice("--every", every, "hourly", "daily", "weekly", "monthly"));
            if (day != null && frequency != Frequency.WEEKLY && frequency != Frequency.MONTHLY) {
                throw new IllegalArgumentException("--day applies to --every weekly or monthly");
            }
            LocalTime time = at != null ? at : LocalTime.MIDNIGHT;
            switch (frequency) {
                case HOURLY -> workflow.hourly(time.getMinute());
                case WEEKLY -> workflow.weekly(day == null ? DayOfWeek.MONDAY : ScheduleCommand.Add.dayOfWeek(day), time);
                case MONTHLY -> workflow.monthly(day == null ? 1 : ScheduleCommand.Add.dayOfMonth(day), time);
                default -> workflow.daily(time);
            }
            return workflow.build();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the workflows with their next "
            + "run, run and failure counts; --json adds each one's steps and recent runs.")
    static final class ListWorkflows extends Sub {
        @Override
        int call(Automation automation, PrintWriter out) {
            if (common.json) {
                ArrayNode data = JsonOutput.array();
                automation.workflows.list().forEach(w -> data.add(json(w)));
                JsonOutput.success(out, data);
                return ExitCode.OK;
            }
            TextTable table = new TextTable("ID", "NAME", "WHEN", "NEXT RUN", "RUNS", "FAILED");
            automation.workflows.list().forEach(w -> table.row(w.id().toString(), w.spec().name(), when(w.spec()),
                    w.paused() ? "paused" : Commands.time(w.nextRunAt()), String.valueOf(w.runCount()),
                    String.valueOf(w.failCount())));
            table.print(out);
            return ExitCode.OK;
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Stops a workflow's scheduled runs; "
            + "runs due while paused are not made up.")
    static final class Pause extends Sub {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int call(Automation automation, PrintWriter out) {
            return print(automation.workflows.pause(find(automation, id)), out, "Paused");
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Starts a paused workflow again from "
            + "its next time.")
    static final class Resume extends Sub {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int call(Automation automation, PrintWriter out) {
            return print(automation.workflows.resume(find(automation, id)), out, "Resumed");
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a workflow; its files stay.")
    static final class Delete extends Sub {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int call(Automation automation, PrintWriter out) {
            UUID uuid = find(automation, id);
            automation.workflows.delete(uuid);
            if (common.json) {
                JsonOutput.success(out, JsonOutput.object().put("deleted", uuid.toString()));
            } else {
                Commands.main(spec).err().println("Deleted workflow " + uuid + ".");
                Commands.main(spec).err().flush();
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "run-now", sortOptions = false, mixinStandardHelpOptions = true, description = "Runs a "
            + "workflow now, paused or not, without moving its next run; waits for its steps and its webhooks. "
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
            WorkflowRun run;
            try {
                run = Commands.usage(spec, () -> automation.workflows.runNow(uuid)).get();
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
                Commands.main(spec).err().println("Run " + JsonOutput.lowerCase(run.status()) + ": "
                        + run.stepsCompleted() + " steps, " + run.totalResults() + " new items"
                        + run.error().map(e -> " — " + e).orElse(""));
                Commands.main(spec).err().flush();
            }
            return run.status() == WorkflowRun.Status.SUCCEEDED ? ExitCode.OK : ExitCode.FAILURE;
        }
    }

    static ObjectNode json(Workflow workflow) {
        WorkflowSpec spec = workflow.spec();
        ObjectNode node = JsonOutput.object();
        node.put("id", workflow.id().toString());
        node.put("name", spec.name());
        node.put("url", spec.url());
        node.put("folder", spec.folder().toString());
        node.put("sandbox", spec.sandbox());
        node.put("when", when(spec));
        ArrayNode steps = node.putArray("steps");
        for (WorkflowStep step : spec.steps()) {
            ObjectNode s = steps.addObject();
            s.put("content", JsonOutput.lowerCase(step.content()));
            s.put("input", step.input().wireName());
            if (step.limit().isPresent()) {
                s.put("limit", step.limit().getAsLong());
            }
            s.put("replies", step.replies());
            step.maxAge().ifPresent(age -> s.put("max_age_hours", age.toHours()));
            step.keyword().ifPresent(k -> s.put("keyword", k));
        }
        node.put("paused", workflow.paused());
        node.put("next_run_at", Commands.time(workflow.nextRunAt()));
        node.put("last_run_at", Commands.time(workflow.lastRunAt()));
        node.put("run_count", workflow.runCount());
        node.put("fail_count", workflow.failCount());
        node.put("running", workflow.running());
        ArrayNode history = node.putArray("history");
        workflow.history().forEach(run -> history.add(json(run)));
        return node;
    }

    static ObjectNode json(WorkflowRun run) {
        ObjectNode node = JsonOutput.object();
        node.put("scheduled_for", run.scheduledFor().toString());
        node.put("started_at", run.startedAt().toString());
        node.put("finished_at", Commands.time(run.finishedAt()));
        node.put("status", JsonOutput.lowerCase(run.status()));
        node.put("steps_completed", run.stepsCompleted());
        node.put("total_results", run.totalResults());
        ArrayNode counts = node.putArray("new_items");
        run.newItems().forEach(counts::add);
        ArrayNode jobs = node.putArray("job_ids");
        run.jobIds().forEach(id -> jobs.add(id.toString()));
        ArrayNode files = node.putArray("files");
        run.files().forEach(f -> files.add(f.toString()));
        node.put("error", run.error().orElse(null));
        return node;
    }

    /** The schedule's wording, or {@code on demand}. */
    static String when(WorkflowSpec spec) {
        return spec.schedule().map(ScheduleCommand::when).orElse("on demand");
    }
}
