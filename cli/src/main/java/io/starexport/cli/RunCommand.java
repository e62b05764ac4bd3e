package io.starexport.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.StarExport;
import io.starexport.automation.ScheduleRun;
import io.starexport.automation.Workflow;
import io.starexport.automation.WorkflowRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * {@code starexport run}: runs the due schedules and workflows of an automation folder and delivers webhooks, until Ctrl-C or
 * SIGTERM, or once with {@code --once}.
 */
@Command(name = "run", sortOptions = false, usageHelpWidth = 100, mixinStandardHelpOptions = true,
        description = {
            "Runs the schedules and workflows of --dir when they are due (checking every 15 seconds) and delivers their webhooks, "
                    + "until Ctrl-C. It first resumes exports a previous run left unfinished, and runs once any "
                    + "schedule or workflow missed while it was not running (unless the schedule says skip).",
            "With --once it runs what is due now, waits for those exports and their webhooks, and exits: for a "
                    + "system cron job or a CI step. Schedules and workflows added while it runs are picked up when it restarts."},
        footer = {
            "",
            "Examples:",
            "  starexport run",
            "  starexport run --dir /srv/starexport --credential youtube.api_key=YOUR_KEY",
            "  starexport run --once --json"})
final class RunCommand implements Callable<Integer>, Main.HasCommonOptions {
    /** How long Ctrl-C waits for the scheduler to stop and running exports to keep their checkpoints. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Option(names = "--once", description = "Run what is due now, wait for it, and exit.")
    private boolean once;

    @Option(names = "--sandbox", description = "Every run exports offline sample data.")
    private boolean sandbox;

    @Mixin
    private Automation.Options folder;

    @Mixin
    private ConnectionOptions connection;

    @Mixin
    private CommonOptions common;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        CountDownLatch stop = new CountDownLatch(1);
        OnInterrupt onInterrupt = OnInterrupt.install(main.process() && !once, "starexport-run", STOP_GRACE,
                stop::countDown);
        try (StarExport star = Commands.engine(main, spec, connection, sandbox);
             Automation automation = folder.open(star)) {
            automation.jobs.resumeUnfinished();
            if (once) {
                return once(automation);
            }
            automation.scheduler.start();
            started(automation);
            stop.await();
        } catch (InterruptedException e) {
            // Stopped by the embedding thread once everything is closed; keep the interrupt.
            Thread.currentThread().interrupt();
        } finally {
            onInterrupt.reported();
        }
        return ExitCode.OK;
    }

    private int once(Automation automation) {
        Map<UUID, WorkflowRun> before = latestWorkflowRuns(automation);
        List<ScheduleRun> runs = new ArrayList<>();
        boolean failed = false;
        for (CompletableFuture<ScheduleRun> future : automation.scheduler.tick()) {
            ScheduleRun run = future.join();
            runs.add(run);
            failed |= run.status() == ScheduleRun.Status.FAILED;
        }
        // The tick also started the due workflows; their runs are the ones newer than before it.
        while (!automation.workflows.awaitRuns(STOP_GRACE) && !Thread.currentThread().isInterrupted()) {
            // Keep waiting: --once ends when everything it started has ended.
        }
        Map<UUID, WorkflowRun> workflowRuns = latestWorkflowRuns(automation);
        workflowRuns.entrySet().removeIf(e -> Objects.equals(before.get(e.getKey()), e.getValue()));
        failed |= workflowRuns.values().stream().anyMatch(r -> r.status() == WorkflowRun.Status.FAILED);
        automation.webhooks.awaitDeliveries(Automation.DELIVERY_WAIT);
        PrintWriter out = main.out();
        if (common.json) {
            ArrayNode data = JsonOutput.array();
            runs.forEach(run -> data.add(ScheduleCommand.json(run)));
            workflowRuns.forEach((id, run) -> data.add(WorkflowCommand.json(run).put("workflow_id", id.toString())));
            JsonOutput.success(out, data);
        } else {
            runs.forEach(run -> run.files().forEach(out::println));
            workflowRuns.values().forEach(run -> run.files().forEach(out::println));
            out.flush();
            main.err().println(runs.size() + (runs.size() == 1 ? " schedule was" : " schedules were") + " due; "
                    + runs.stream().filter(r -> r.status() == ScheduleRun.Status.SUCCEEDED).count() + " succeeded. "
                    + workflowRuns.size() + (workflowRuns.size() == 1 ? " workflow was" : " workflows were") + " due; "
                    + workflowRuns.values().stream().filter(r -> r.status() == WorkflowRun.Status.SUCCEEDED).count()
                    + " succeeded.");
            main.err().flush();
        }
        return failed ? ExitCode.FAILURE : ExitCode.OK;
    }

    /** Each workflow's newest run, for those that have one. */
    private static Map<UUID, WorkflowRun> latestWorkflowRuns(Automation automation) {
        Map<UUID, WorkflowRun> latest = new HashMap<>();
        for (Workflow workflow : automation.workflows.list()) {
            if (!workflow.history().isEmpty()) {
                latest.put(workflow.id(), workflow.history().get(0));
            }
        }
        return latest;
    }

    private void started(Automation automation) {
        int schedules = automation.scheduler.list().size();
        int workflows = automation.workflows.list().size();
        if (common.json) {
            ObjectNode data = JsonOutput.object();
            data.put("directory", folder.dir().toAbsolutePath().toString());
            data.put("schedules", schedules);
            data.put("workflows", workflows);
            data.put("webhooks", automation.webhooks.list().size());
            JsonOutput.success(main.out(), data);
        } else {
            main.err().println("Running " + schedules + (schedules == 1 ? " schedule" : " schedules") + " and "
                    + workflows + (workflows == 1 ? " workflow" : " workflows") + " of "
                    + folder.dir().toAbsolutePath() + ". Ctrl-C stops.");
            main.err().flush();
        }
    }
}
