package io.starexport.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.StarExport;
import io.starexport.automation.ScheduleRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * {@code starexport run}: runs the due schedules of an automation folder and delivers webhooks, until Ctrl-C or
 * SIGTERM, or once with {@code --once}.
 */
@Command(name = "run", sortOptions = false, usageHelpWidth = 100, mixinStandardHelpOptions = true,
        description = {
            "Runs the schedules of --dir when they are due (checking every 15 seconds) and delivers their webhooks, "
                    + "until Ctrl-C. It first resumes exports a previous run left unfinished, and runs once any "
                    + "schedule missed while it was not running (unless the schedule says skip).",
            "With --once it runs what is due now, waits for those exports and their webhooks, and exits: for a "
                    + "system cron job or a CI step. Schedules added while it runs are picked up when it restarts."},
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
        List<ScheduleRun> runs = new ArrayList<>();
        boolean failed = false;
        for (CompletableFuture<ScheduleRun> future : automation.scheduler.tick()) {
            ScheduleRun run = future.join();
            runs.add(run);
            failed |= run.status() == ScheduleRun.Status.FAILED;
        }
        automation.webhooks.awaitDeliveries(Automation.DELIVERY_WAIT);
        PrintWriter out = main.out();
        if (common.json) {
            ArrayNode data = JsonOutput.array();
            runs.forEach(run -> data.add(ScheduleCommand.json(run)));
            JsonOutput.success(out, data);
        } else {
            runs.forEach(run -> run.files().forEach(out::println));
            out.flush();
            main.err().println(runs.size() + (runs.size() == 1 ? " schedule was" : " schedules were") + " due; "
                    + runs.stream().filter(r -> r.status() == ScheduleRun.Status.SUCCEEDED).count() + " succeeded.");
            main.err().flush();
        }
        return failed ? ExitCode.FAILURE : ExitCode.OK;
    }

    private void started(Automation automation) {
        int schedules = automation.scheduler.list().size();
        if (common.json) {
            ObjectNode data = JsonOutput.object();
            data.put("directory", folder.dir().toAbsolutePath().toString());
            data.put("schedules", schedules);
            data.put("webhooks", automation.webhooks.list().size());
            JsonOutput.success(main.out(), data);
        } else {
            main.err().println("Running " + schedules + (schedules == 1 ? " schedule" : " schedules") + " of "
                    + folder.dir().toAbsolutePath() + ". Ctrl-C stops.");
            main.err().flush();
        }
    }
}
