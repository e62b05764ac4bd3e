package io.starexport.jobs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of {@link JobExecutor#list(JobQuery)}.
 *
 * @param jobs  the jobs on this page, oldest first
 * @param total how many jobs match the query across all pages
 * @param query the query this page answers
 */
public record JobPage(List<Job> jobs, long total, JobQuery query) {

    public JobPage {
        jobs = List.copyOf(jobs);
        Objects.requireNonNull(query, "query");
    }

    /** The query for the next page, when there is one. */
    public Optional<JobQuery> nextQuery() {
        long next = (long) query.offset() + jobs.size();
        return next < total && !jobs.isEmpty() ? Optional.of(query.withOffset((int) next)) : Optional.empty();
    }
}
