package io.starexport.cli;

import io.starexport.StarExport;
import io.starexport.automation.Scheduler;
import io.starexport.automation.Webhooks;
import io.starexport.automation.Workflows;
import io.starexport.jobs.JobExecutor;
import io.starexport.jobs.JobStore;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The automation folder of {@code webhook}, {@code schedule}, {@code workflow} and {@code run}: {@code webhooks/},
 * {@code schedules/}, {@code workflows/} and the job store of their runs, {@code jobs/}. Closing stops the scheduler, the executor and the webhooks, in
 * that order; the engine is the caller's.
 */
final class Automation implements AutoCloseable {
    /** The folder when {@code --dir} is not given, relative to the current directory. */
    static final Path DEFAULT_DIR = Path.of(".starexport", "automation");
    /** How long a command waits for the webhook deliveries it caused before it exits. */
    static final Duration DELIVERY_WAIT = Duration.ofSeconds(60);

    final Webhooks webhooks;
    final JobExecutor jobs;
    final Scheduler scheduler;
    /** The folder's workflows, started by the scheduler's ticks. */
    final Workflows workflows;

    private Automation(Webhooks webhooks, JobExecutor jobs, Scheduler scheduler, Workflows workflows) {
        this.webhooks = webhooks;
        this.jobs = jobs;
        this.scheduler = scheduler;
        this.workflows = workflows;
    }

    /** {@code --dir} and {@code --allow-local}, shared by the automation commands. */
    static final class Options {
        @Option(names = "--dir", paramLabel = "DIR", description = "The automation folder: webhooks, schedules, "
                + "workflows and the jobs of their runs; default .starexport/automation in the current directory.")
        Path dir;

        @Option(names = "--allow-local", description = "Accept webhook targets on this machine or the local "
                + "network, and plain http on localhost/127.0.0.1, for trying a receiver locally.")
        boolean allowLocal;

        Path dir() {
            return dir != null ? dir : DEFAULT_DIR;
        }

        Webhooks webhooks() {
            Webhooks.Builder builder = Webhooks.builder().directory(dir().resolve("webhooks"));
            if (allowLocal) {
                builder.allowHttpOnLoopback().allowPrivateAddresses();
            }
            return builder.build();
        }

        /** The folder's webhooks, job executor, scheduler and workflows over this engine. */
        Automation open(StarExport engine) {
            Webhooks webhooks = webhooks();
            JobExecutor jobs = JobExecutor.builder(engine).store(JobStore.directory(dir().resolve("jobs")))
                    .listener(webhooks.listener()).build();
            Scheduler scheduler = Scheduler.builder(jobs).directory(dir().resolve("schedules")).webhooks(webhooks)
                    .build();
            Workflows workflows = Workflows.builder(scheduler).directory(dir().resolve("workflows")).build();
            return new Automation(webhooks, jobs, scheduler, workflows);
        }
    }

    /** An engine for commands that only read and change schedules, never export. */
    static StarExport plainEngine() {
        return StarExport.builder().environment(Map.of()).build();
    }

    @Override
    public void close() {
        scheduler.close();
        jobs.close();
        webhooks.close();
    }
}
