package io.starexport.jobs;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which jobs {@link JobExecutor#list(JobQuery)} returns, and which page of them. Jobs are listed oldest
 * first (by creation time, then id). An empty set of statuses or platforms matches all.
 *
 * <pre>{@code
 * JobPage page = jobs.list(JobQuery.builder().status(JobStatus.FAILED).platform("youtube").pageSize(20).build());
 * while (page.nextQuery().isPresent()) { page = jobs.list(page.nextQuery().get()); }
 * }</pre>
 *
 * @param statuses      the statuses to match; empty for all
 * @param platforms     the platform ids to match; empty for all
 * @param createdFrom   only jobs created at or after this time
 * @param createdBefore only jobs created before this time
 * @param offset        how many matching jobs to skip
 * @param pageSize      the most jobs to return, 1 to {@value #MAX_PAGE_SIZE}
 */
public record JobQuery(Set<JobStatus> statuses, Set<String> platforms, Optional<Instant> createdFrom,
                       Optional<Instant> createdBefore, int offset, int pageSize) {

    /** The page size of a query that names none. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    /** The largest page size. */
    public static final int MAX_PAGE_SIZE = 1000;

    public JobQuery {
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        platforms = Set.copyOf(platforms);
        createdFrom = createdFrom == null ? Optional.empty() : createdFrom;
        createdBefore = createdBefore == null ? Optional.empty() : createdBefore;
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0 but was " + offset);
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE + " but was "
                    + pageSize);
        }
    }

    /** Every job, first page. */
    public static JobQuery all() {
        return builder().build();
    }

    /** A query builder; without settings it matches every job. */
    public static Builder builder() {
        return new Builder();
    }

    /** The same query at another offset. */
    public JobQuery withOffset(int offset) {
        return new JobQuery(statuses, platforms, createdFrom, createdBefore, offset, pageSize);
    }

    boolean matches(JobRecord job) {
        return (statuses.isEmpty() || statuses.contains(job.status()))
                && (platforms.isEmpty() || platforms.contains(job.platform()))
                && createdFrom.map(from -> !job.createdAt().isBefore(from)).orElse(true)
                && createdBefore.map(before -> job.createdAt().isBefore(before)).orElse(true);
    }

    /** Builds a {@link JobQuery}. Not thread-safe. */
    public static final class Builder {
        private final Set<JobStatus> statuses = EnumSet.noneOf(JobStatus.class);
        private final Set<String> platforms = new TreeSet<>();
        private Instant createdFrom;
        private Instant createdBefore;
        private int offset;
        private int pageSize = DEFAULT_PAGE_SIZE;

        private Builder() {
        }

        /** Adds statuses to match. */
        public Builder status(JobStatus... statuses) {
            for (JobStatus status : statuses) {
                this.statuses.add(Objects.requireNonNull(status, "status"));
            }
            return this;
        }

        /** Adds platform ids to match. */
        public Builder platform(String... platforms) {
            for (String platform : platforms) {
                this.platforms.add(Objects.requireNonNull(platform, "platform").toLowerCase(Locale.ROOT));
            }
            return this;
        }

        /** Only jobs created at or after this time. */
        public Builder createdFrom(Instant from) {
            this.createdFrom = Objects.requireNonNull(from, "from");
            return this;
        }

        /** Only jobs created before this time. */
        public Builder createdBefore(Instant before) {
            this.createdBefore = Objects.requireNonNull(before, "before");
            return this;
        }

        /** How many matching jobs to skip; 0 by default. */
        public Builder offset(int offset) {
            this.offset = offset;
            return this;
        }

        /** The most jobs per page; {@value JobQuery#DEFAULT_PAGE_SIZE} by default. */
        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /**
         * Builds the query.
         *
         * @throws IllegalArgumentException when the offset or page size is out of range
         */
        public JobQuery build() {
            return new JobQuery(statuses, platforms, Optional.ofNullable(createdFrom), Optional.ofNullable(createdBefore),
                    offset, pageSize);
        }
    }
}
