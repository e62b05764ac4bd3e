package io.starexport.examples;

import io.starexport.StarExport;
import io.starexport.api.ExportEvent;
import io.starexport.api.ExportListener;
import io.starexport.api.ExportRequest;
import io.starexport.jobs.Job;
import io.starexport.jobs.JobExecutor;
import io.starexport.jobs.JobStats;
import io.starexport.jobs.JobStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * docs/jobs.md's example: 100 sandbox URLs (50 YouTube videos, 50 Reddit threads) submitted as one batch of
 * jobs, progress printed every ten finished jobs, then the statistics and one ZIP of every output.
 */
public final class AsyncBatch {
    private AsyncBatch() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("starexport-batch");
        List<ExportRequest> videos = new ArrayList<>();
        List<ExportRequest> threads = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String video = String.format(Locale.ROOT, "video%06d", i);
            videos.add(ExportRequest.builder("https://www.youtube.com/watch?v=" + video)
                    .limit(100).to(dir.resolve("youtube-" + video + ".jsonl")).build());
            String thread = "t" + Integer.toString(1000 + i, 36);
            threads.add(ExportRequest.builder("https://www.reddit.com/r/java/comments/" + thread + "/")
                    .replies(true).limit(100).to(dir.resolve("reddit-" + thread + ".jsonl")).build());
        }
        int total = videos.size() + threads.size();

        ExportListener progress = new ExportListener() {
            private int finished;

            @Override
            public synchronized void onEvent(ExportEvent event) {
                if (event instanceof ExportEvent.Finished || event instanceof ExportEvent.Failed
                        || event instanceof ExportEvent.Cancelled) {
                    finished++;
                    if (finished % 10 == 0) {
                        System.out.println("progress: " + finished + "/" + total + " jobs finished");
                    }
                }
            }
        };

        try (StarExport star = StarExport.builder().sandbox(true).build();
             JobExecutor jobs = JobExecutor.builder(star).concurrency(8).platformConcurrency(4)
                     .listener(progress).build()) {
            List<Job> batch = new ArrayList<>(jobs.submitAll(videos));
            batch.addAll(jobs.submitAll(threads, 7)); // the threads start first
            CompletableFuture.allOf(batch.stream().map(Job::completion).toArray(CompletableFuture[]::new)).join();

            JobStats stats = jobs.stats();
            System.out.println("jobs: " + stats.total() + " (succeeded " + stats.count(JobStatus.SUCCEEDED)
                    + ", failed " + stats.count(JobStatus.FAILED) + ", cancelled " + stats.count(JobStatus.CANCELLED) + ")");
            System.out.println("by platform: " + stats.byPlatform());
            System.out.println("items: " + stats.items() + ", bytes: " + stats.bytes());
            stats.averageDuration().ifPresent(d -> System.out.println("average duration: " + d.toMillis() + " ms"));
            stats.successRate().ifPresent(rate -> System.out.printf(Locale.ROOT, "success rate: %.1f%%%n", rate * 100));

            List<UUID> succeeded = batch.stream().filter(job -> job.status() == JobStatus.SUCCEEDED)
                    .map(Job::id).toList();
            Path zip = jobs.bundle(succeeded, dir.resolve("batch.zip"));
            System.out.println("bundle: " + zip + " (" + Files.size(zip) + " bytes)");
        }
    }
}
