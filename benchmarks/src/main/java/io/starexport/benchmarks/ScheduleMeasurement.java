package io.starexport.benchmarks;

import io.starexport.StarExport;
import io.starexport.api.ExportException;
import io.starexport.api.ExportRequest;
import io.starexport.writer.json.JsonLinesFormat;
import io.starexport.jobs.Job;
import io.starexport.jobs.JobExecutor;
import io.starexport.jobs.JobStatus;
import io.starexport.spi.RateLimit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * (6) Scheduling: {@value #JOBS} jobs through one {@link JobExecutor}, spread evenly over four loopback
 * platforms whose rate limits differ ({@link #RATES} requests a second), every job an export of a few pages,
 * submitted together in a shuffled order. The makespan (from {@code submitAll} to the last job's completion)
 * is set against the ideal: the slowest platform's requests divided by its rate, the time its rate limit
 * alone would take. The executor runs with what a user would pick for four platforms:
 * {@code concurrency(8)} (two jobs for each platform) and the default {@code platformConcurrency(2)}, so the
 * next job of a platform is already waiting on its bucket when one finishes.
 */
final class ScheduleMeasurement implements Measurement {
    static final int JOBS = 100;
    static final int CONCURRENCY = 8;
    static final int PLATFORM_CONCURRENCY = JobExecutor.DEFAULT_PLATFORM_CONCURRENCY;
    /** Requests a second of the platforms sched1 to sched4. */
    static final List<Integer> RATES = List.of(5, 10, 20, 40);

    @Override
    public String id() {
        return "schedule";
    }

    @Override
    public List<Row> run(Settings settings) throws Exception {
        int pages = settings.pick(2, 4);
        int runs = settings.pick(2, 3);
        List<Double> ratios = new ArrayList<>();
        List<Double> makespans = new ArrayList<>();
        double ideal = 0;
        try (LoopbackServer server = LoopbackServer.start(pages, Duration.ZERO)) {
            for (int run = 0; run < runs; run++) {
                Path dir = Files.createDirectories(settings.scratch().resolve("schedule-" + run));
                List<LoopbackPlatform> platforms = new ArrayList<>();
                StarExport.Builder builder = StarExport.builder().discovery(false).environment(Map.of())
                        .format(new JsonLinesFormat());
                for (int p = 0; p < RATES.size(); p++) {
                    LoopbackPlatform platform = new LoopbackPlatform("sched" + (p + 1));
                    platforms.add(platform);
                    builder.platform(platform).endpoint(platform.id(), "api", server.baseUrl())
                            .rateLimit(platform.id(), RateLimit.perSecond(RATES.get(p)));
                }
                List<ExportRequest> requests = new ArrayList<>();
                for (int job = 0; job < JOBS; job++) {
                    LoopbackPlatform platform = platforms.get(job % platforms.size());
                    String post = "run" + run + "-job" + job;
                    requests.add(ExportRequest.builder(platform.urlOf(post)).to(dir.resolve(post + ".jsonl")).build());
                }
                Collections.shuffle(requests, new Random(run));
                ideal = 0;
                for (int p = 0; p < RATES.size(); p++) {
                    int jobsOfPlatform = JOBS / RATES.size() + (p < JOBS % RATES.size() ? 1 : 0);
                    ideal = Math.max(ideal, (double) jobsOfPlatform * pages / RATES.get(p));
                }
                server.clearArrivals();
                double seconds;
                try (StarExport star = builder.build();
                     JobExecutor executor = JobExecutor.builder(star).concurrency(CONCURRENCY)
                             .platformConcurrency(PLATFORM_CONCURRENCY).build()) {
                    long start = System.nanoTime();
                    List<Job> jobs = executor.submitAll(requests);
                    CompletableFuture.allOf(jobs.stream().map(Job::completion).toArray(CompletableFuture[]::new)).join();
                    seconds = (System.nanoTime() - start) / 1e9;
                    for (Job job : jobs) {
                        if (job.status() != JobStatus.SUCCEEDED) {
                            throw new IllegalStateException("job " + job.request().url() + " ended " + job.status()
                                    + job.error().map(e -> ": " + e).orElse(""));
                        }
                    }
                }
                int arrived = server.arrivals().size();
                if (arrived != JOBS * pages) {
                    throw new IllegalStateException(arrived + " requests reached the server, expected " + JOBS * pages);
                }
                makespans.add(seconds);
                ratios.add(seconds / ideal);
            }
        } catch (ExportException e) {
            throw new IllegalStateException("the scheduling run failed: " + e.getMessage(), e);
        }
        Stats ratio = Stats.of(ratios);
        Stats makespan = Stats.of(makespans);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("schedule.makespan_over_ideal", ratio.toJson());
        figures.put("schedule.makespan_s", makespan.toJson());
        boolean met = ratio.median() <= 1.05;
        return List.of(new Row("Scheduling: " + JOBS + " jobs, 4 platforms", figures,
                "makespan " + makespan.format() + " s", "ideal " + Stats.number(ideal) + " s", ratio.format(),
                "≤ 1.05 of ideal", Row.Met.of(met),
                JOBS / RATES.size() + " jobs of " + pages + " pages on each of 4 platforms limited to " + RATES
                        + " requests/s; JobExecutor concurrency(" + CONCURRENCY + "), platformConcurrency("
                        + PLATFORM_CONCURRENCY + "); " + runs + " runs"
                        + (settings.quick() ? " (--quick: 2 pages a job; the full run has 4)" : "")
                        + (met ? "" : "; the engine's 3% request spacing alone gives about 1.03")));
    }
}
