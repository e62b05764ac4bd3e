package io.starexport.jobs;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Jobs in a map; the default store. */
final class MemoryJobStore implements JobStore {
    private final Map<UUID, JobRecord> jobs = new ConcurrentHashMap<>();

    @Override
    public void save(JobRecord job) {
        jobs.put(job.id(), job);
    }

    @Override
    public List<JobRecord> loadAll() {
        return List.copyOf(jobs.values());
    }

    @Override
    public String toString() {
        return "JobStore.inMemory[" + jobs.size() + " jobs]";
    }
}
