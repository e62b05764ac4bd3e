/**
 * Jobs: exports queued, run with bounded concurrency, retried, cancelled, stored and summarised by a
 * {@link io.starexport.jobs.JobExecutor} built over a {@link io.starexport.StarExport}.
 *
 * <pre>{@code
 * try (JobExecutor jobs = JobExecutor.builder(star).concurrency(8).build()) {
 *     List<Job> batch = jobs.submitAll(urls.stream()
 *             .map(url -> ExportRequest.builder(url).to(dir.resolve(name(url) + ".jsonl")).build())
 *             .toList());
 *     CompletableFuture.allOf(batch.stream().map(Job::completion).toArray(CompletableFuture[]::new)).join();
 *     System.out.println(jobs.stats());
 * }
 * }</pre>
 *
 * <p>A {@link io.starexport.jobs.JobStore} keeps jobs in memory or, one JSON document per job, on disk so
 * that they survive a restart.
 */
package io.starexport.jobs;
