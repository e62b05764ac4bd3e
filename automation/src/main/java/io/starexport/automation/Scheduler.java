package io.starexport.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.RequestJson;
import io.starexport.api.ExportException;
import io.starexport.api.ExportRequest;
import io.starexport.jobs.Job;
import io.starexport.jobs.JobExecutor;
import io.starexport.jobs.JobPage;
import io.starexport.jobs.JobQuery;
import io.starexport.jobs.JobResult;
import io.starexport.jobs.JobStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@link ScheduleSpec schedules}: each due run submits the schedule's request to a {@link JobExecutor} as
 * an ordinary job (so it shows in job listings and statistics), with its outputs renamed for the run.
 *
 * <pre>{@code
 * Scheduler scheduler = Scheduler.builder(jobs).directory(dir.resolve("schedules")).webhooks(webhooks).build();
 * Schedule s = scheduler.create(ScheduleSpec.builder(request).daily(LocalTime.of(9, 0)).zone(zone).build());
 * scheduler.start();                    // ticks on its own thread; tests call tick() with a fake clock instead
 * }</pre>
 *
 * <p><b>Ticks.</b> {@link #tick()} starts every unpaused schedule whose next run time has come and that has no
 * run in progress; {@link #start()} calls it every {@link Builder#tickInterval} on one thread. A run time more
 * than {@link Builder#grace} in the past counts as missed (the host was down); the schedule's
 * {@link MissedRunPolicy} then runs it once or skips it. Either way the next run time is the first one after now.
 *
 * <p><b>Restarts.</b> A run is written down (with its job id once submitted) before its job is submitted, and
 * the next run time is advanced at the same moment, so a scheduler built on the same folder after a crash
 * picks the run up again, never twice: it waits for the job the executor's store still has (call
 * {@link JobExecutor#resumeUnfinished()} to run it), finds a job written to the run's files, or submits the
 * run once when the job was lost.
 *
 * <p><b>Only new items.</b> With {@link ScheduleSpec#onlyNew()} each run exports with {@code since} set to the
 * newest creation time seen by earlier successful runs minus one hour, then rewrites its JSON Lines files
 * without the ids earlier runs saw (the last 50,000 within that hour, kept in the schedule's document). The
 * result is one file per run holding only what is new, rather than one growing file: a file per run is never
 * half-appended when a run fails, is what the job listing points at, and can be picked up and deleted by
 * the consumer independently.
 *
 * <p><b>Workflows.</b> {@link Workflows} built on a scheduler start their due runs on its ticks, after the
 * schedules', with its clock, grace period and webhooks.
 *
 * <p>Thread-safe. Events: {@link WebhookEvent#SCHEDULE_RUN} when a run ends, if {@link Builder#webhooks} is set.
 */
public final class Scheduler implements AutoCloseable {
    /** Runs kept in a schedule's history. */
    public static final int HISTORY_SIZE = 20;

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final JobExecutor jobs;
    private final Optional<Documents> documents;
    private final Clock clock;
    private final Optional<Webhooks> webhooks;
    private final Duration grace;
    private final Duration tickInterval;
    private final Map<UUID, State> schedules = new LinkedHashMap<>();
    private final Set<CompletableFuture<ScheduleRun>> inFlight = ConcurrentHashMap.newKeySet();
    private final List<Runnable> tickHooks = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService ticker;
    private boolean closed;

    private Scheduler(Builder b) {
        this.jobs = b.jobs;
        this.documents = Optional.ofNullable(b.directory).map(Documents::new);
        this.clock = b.clock;
        this.webhooks = Optional.ofNullable(b.webhooks);
        this.grace = b.grace;
        this.tickInterval = b.tickInterval;
        documents.ifPresent(docs -> docs.loadAll().forEach(doc -> {
            State state = State.read(doc);
            schedules.put(state.id, state);
        }));
        List<State> pending;
        synchronized (this) {
            pending = schedules.values().stream().filter(s -> s.pending != null).toList();
        }
        pending.forEach(this::recover);
    }

    /** A builder over the executor that runs the schedules' jobs; the scheduler does not close it. */
    public static Builder builder(JobExecutor jobs) {
        return new Builder(jobs);
    }

    /**
     * Adds a schedule; its first run is the first run time after now.
     *
     * @throws ExportException {@code OUTPUT} when it cannot be saved
     */
    public synchronized Schedule create(ScheduleSpec spec) {
        open();
        State state = new State(UUID.randomUUID(), Objects.requireNonNull(spec, "spec"), clock.instant());
        state.nextRunAt = spec.nextAfter(clock.instant());
        schedules.put(state.id, state);
        save(state);
        return state.view();
    }

    public synchronized Optional<Schedule> get(UUID id) {
        return Optional.ofNullable(schedules.get(id)).map(State::view);
    }

    /** Every schedule, oldest first. */
    public synchronized List<Schedule> list() {
        return schedules.values().stream().map(State::view).toList();
    }

    /**
     * Replaces a schedule's spec and recomputes its next run; counts, history and only-new memory stay.
     *
     * @throws IllegalArgumentException when no schedule has this id
     */
    public synchronized Schedule update(UUID id, ScheduleSpec spec) {
        State state = state(id);
        state.spec = Objects.requireNonNull(spec, "spec");
        state.nextRunAt = state.paused ? Optional.empty() : spec.nextAfter(clock.instant());
        save(state);
        return state.view();
    }

    /** Deletes a schedule; a run in progress finishes as a job but is not recorded. False when unknown. */
    public synchronized boolean delete(UUID id) {
        if (schedules.remove(id) == null) {
            return false;
        }
        documents.ifPresent(docs -> docs.delete(id.toString()));
        return true;
    }

    /** Pauses a schedule: no runs until {@link #resume}. */
    public synchronized Schedule pause(UUID id) {
        State state = state(id);
        state.paused = true;
        state.nextRunAt = Optional.empty();
        save(state);
        return state.view();
    }

    /** Resumes a schedule; runs due while it was paused are not made up, the next is the first after now. */
    public synchronized Schedule resume(UUID id) {
        State state = state(id);
        state.paused = false;
        state.nextRunAt = state.spec.nextAfter(clock.instant());
        save(state);
        return state.view();
    }

    /**
     * Runs a schedule now, paused or not, without moving its next run.
     *
     * @return the run, once its job has ended
     * @throws IllegalArgumentException when no schedule has this id
     * @throws IllegalStateException    when a run of it is in progress
     */
    public CompletableFuture<ScheduleRun> runNow(UUID id) {
        State state;
        synchronized (this) {
            open();
            state = state(id);
            if (state.pending != null) {
                throw new IllegalStateException("Schedule " + id + " is running (job " + state.pending.jobId
                        .map(UUID::toString).orElse("being submitted") + ")");
            }
            state.pending = new Pending(clock.instant(), clock.instant(), Optional.empty(), outputs(state.spec, clock.instant()));
            save(state);
        }
        return submit(state);
    }

    /**
     * Starts every schedule that is due now, as the clock tells.
     *
     * @return the runs started, each completing when its job ends
     */
    public List<CompletableFuture<ScheduleRun>> tick() {
        Instant now = clock.instant();
        List<State> due = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return List.of();
            }
            for (State state : schedules.values()) {
                if (state.paused || state.pending != null || state.nextRunAt.isEmpty() || state.nextRunAt.get().isAfter(now)) {
                    continue;
                }
                Instant slot = state.nextRunAt.get();
                Instant latest = slot;
                for (Optional<Instant> n = state.spec.nextAfter(slot); n.isPresent() && !n.get().isAfter(now);
                     n = state.spec.nextAfter(n.get())) {
                    latest = n.get();
                }
                state.nextRunAt = state.spec.nextAfter(now);
                boolean missed = Duration.between(latest, now).compareTo(grace) > 0;
                if (missed && state.spec.missedRuns() == MissedRunPolicy.SKIP) {
                    record(state, new ScheduleRun(latest, now, Optional.of(now), Optional.empty(), ScheduleRun.Status.SKIPPED,
                            0, OptionalLong.empty(), List.of(), Optional.of("missed while the scheduler was not running; "
                            + "skipped by the SKIP policy")));
                    save(state);
                    continue;
                }
                state.pending = new Pending(latest, now, Optional.empty(), outputs(state.spec, latest));
                save(state);
                due.add(state);
            }
        }
        List<CompletableFuture<ScheduleRun>> started = due.stream().map(this::submit).toList();
        for (Runnable hook : tickHooks) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                LOG.warn("A workflow tick failed: {}", e.toString());
            }
        }
        return started;
    }

    /** Ticks every {@link Builder#tickInterval} on one daemon thread until {@link #close()}. */
    public synchronized void start() {
        open();
        if (ticker != null) {
            return;
        }
        ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "starexport-scheduler");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                LOG.warn("Scheduler tick failed: {}", e.toString());
            }
        }, 0, tickInterval.toMillis(), TimeUnit.MILLISECONDS);
        ticker = thread;
    }

    /**
     * Waits until every run in progress has ended.
     *
     * @return false when the timeout passed first
     */
    public boolean awaitRuns(Duration timeout) {
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops ticking. Runs in progress stay written down; a scheduler built later on the folder picks them up. */
    @Override
    public void close() {
        ScheduledExecutorService thread;
        synchronized (this) {
            closed = true;
            thread = ticker;
        }
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    @Override
    public synchronized String toString() {
        return "Scheduler[" + schedules.size() + " schedules" + documents.map(d -> ", in " + d.folder()).orElse("") + "]";
    }

    /** Runs {@code hook} at the end of every tick: how {@link Workflows} start on this scheduler's ticks. */
    void onTick(Runnable hook) {
        tickHooks.add(hook);
    }

    JobExecutor jobs() {
        return jobs;
    }

    Clock clock() {
        return clock;
    }

    Optional<Webhooks> webhooks() {
        return webhooks;
    }

    Duration grace() {
        return grace;
    }

    /** After a restart: wait for the run's job if the executor has it, else submit the run once. */
    private void recover(State state) {
        Pending pending = state.pending;
        Optional<Job> job = pending.jobId.flatMap(jobs::job).or(() -> jobWriting(pending.outputs));
        if (job.isPresent()) {
            synchronized (this) {
                state.pending = pending.withJob(job.get().id());
                save(state);
            }
            track(attach(state, job.get()));
        } else {
            LOG.info("Schedule {}: the job of the run due {} is gone; submitting the run again", state.id, pending.scheduledFor);
            submit(state);
        }
    }

    private Optional<Job> jobWriting(List<ExportRequest.Output> outputs) {
        int offset = 0;
        while (true) {
            JobPage page = jobs.list(JobQuery.builder().offset(offset).pageSize(JobQuery.MAX_PAGE_SIZE).build());
            for (Job job : page.jobs()) {
                if (job.request().outputs().equals(outputs)) {
                    return Optional.of(job);
                }
            }
            offset += page.jobs().size();
            if (page.jobs().isEmpty() || offset >= page.total()) {
                return Optional.empty();
            }
        }
    }

    private CompletableFuture<ScheduleRun> submit(State state) {
        ExportRequest request;
        Pending pending;
        synchronized (this) {
            pending = state.pending;
            ExportRequest base = state.spec.request().toBuilder().outputs(pending.outputs).build();
            request = state.spec.onlyNew() ? state.incremental.narrow(base) : base;
        }
        Job job;
        try {
            job = jobs.submit(request);
        } catch (RuntimeException e) {
            ScheduleRun run = new ScheduleRun(pending.scheduledFor, pending.startedAt, Optional.of(clock.instant()),
                    Optional.empty(), ScheduleRun.Status.FAILED, 0, OptionalLong.empty(), List.of(), Optional.of(e.getMessage()));
            finish(state, run);
            return CompletableFuture.completedFuture(run);
        }
        synchronized (this) {
            if (state.pending == pending) {
                state.pending = pending.withJob(job.id());
                save(state);
            }
        }
        return track(attach(state, job));
    }

    private CompletableFuture<ScheduleRun> track(CompletableFuture<ScheduleRun> run) {
        inFlight.add(run);
        run.whenComplete((r, t) -> inFlight.remove(run));
        return run;
    }

    private CompletableFuture<ScheduleRun> attach(State state, Job job) {
        return job.completion().thenApply(done -> {
            Pending pending;
            synchronized (this) {
                pending = state.pending;
            }
            Optional<JobResult> result = done.result();
            long items = result.map(JobResult::items).orElse(done.progress().items());
            List<Path> files = result.map(JobResult::files).orElse(List.of());
            ScheduleRun run;
            if (done.status() == JobStatus.SUCCEEDED) {
                OptionalLong fresh = OptionalLong.empty();
                Optional<String> error = Optional.empty();
                ScheduleRun.Status status = ScheduleRun.Status.SUCCEEDED;
                if (state.spec.onlyNew()) {
                    try {
                        synchronized (this) {
                            fresh = OptionalLong.of(state.incremental.filter(files));
                        }
                    } catch (ExportException e) {
                        status = ScheduleRun.Status.FAILED;
                        error = Optional.of(e.getMessage());
                    }
                }
                run = new ScheduleRun(pending.scheduledFor, pending.startedAt, done.finishedAt(), Optional.of(done.id()),
                        status, items, fresh, files, error);
            } else {
                String why = done.error().map(e -> e.code() + ": " + e.message()).orElse("the job was " + done.status());
                run = new ScheduleRun(pending.scheduledFor, pending.startedAt, done.finishedAt(), Optional.of(done.id()),
                        ScheduleRun.Status.FAILED, items, OptionalLong.empty(), files, Optional.of(why));
            }
            finish(state, run);
            return run;
        });
    }

    private void finish(State state, ScheduleRun run) {
        synchronized (this) {
            state.pending = null;
            state.lastRunAt = Optional.of(run.startedAt());
            if (run.status() == ScheduleRun.Status.SUCCEEDED) {
                state.runCount++;
            } else {
                state.failCount++;
            }
            record(state, run);
            if (schedules.get(state.id) == state) {
                save(state);
            }
        }
        webhooks.ifPresent(hooks -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("schedule_id", state.id.toString());
            data.put("name", state.spec.name());
            data.put("status", run.status().name().toLowerCase(java.util.Locale.ROOT));
            data.put("scheduled_for", run.scheduledFor().toString());
            data.put("job_id", run.jobId().map(UUID::toString).orElse(null));
            data.put("url", state.spec.request().url());
            data.put("items", run.items());
            if (run.newItems().isPresent()) {
                data.put("new_items", run.newItems().getAsLong());
            }
            data.put("files", run.files().stream().map(Path::toString).toList());
            run.error().ifPresent(e -> data.put("error", e));
            hooks.publish(WebhookEvent.SCHEDULE_RUN, data);
        });
    }

    private static void record(State state, ScheduleRun run) {
        state.history.addFirst(run);
        while (state.history.size() > HISTORY_SIZE) {
            state.history.removeLast();
        }
    }

    /** The request's outputs renamed for a run: {@code name-<due time UTC>.ext}. */
    static List<ExportRequest.Output> outputs(ScheduleSpec spec, Instant due) {
        List<ExportRequest.Output> outputs = new ArrayList<>();
        for (ExportRequest.Output output : spec.request().outputs()) {
            String name = output.file().getFileName().toString();
            int dot = name.lastIndexOf('.');
            String stamped = dot > 0 ? name.substring(0, dot) + "-" + STAMP.format(due) + name.substring(dot)
                    : name + "-" + STAMP.format(due);
            outputs.add(new ExportRequest.Output(output.file().resolveSibling(stamped), output.format(), output.options()));
        }
        return outputs;
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("The scheduler is closed");
        }
    }

    private State state(UUID id) {
        State state = schedules.get(Objects.requireNonNull(id, "id"));
        if (state == null) {
            throw new IllegalArgumentException("No schedule has id " + id);
        }
        return state;
    }

    private void save(State state) {
        documents.ifPresent(docs -> docs.save(state.id.toString(), state.write()));
    }

    /** A run written down before its job is submitted. */
    private record Pending(Instant scheduledFor, Instant startedAt, Optional<UUID> jobId, List<ExportRequest.Output> outputs) {
        Pending withJob(UUID id) {
            return new Pending(scheduledFor, startedAt, Optional.of(id), outputs);
        }
    }

    /** A schedule's mutable state, guarded by the scheduler's lock. */
    private static final class State {
        final UUID id;
        ScheduleSpec spec;
        final Instant createdAt;
        boolean paused;
        Optional<Instant> nextRunAt = Optional.empty();
        Optional<Instant> lastRunAt = Optional.empty();
        long runCount;
        long failCount;
        final ArrayDeque<ScheduleRun> history = new ArrayDeque<>();
        Pending pending;
        Incremental incremental = new Incremental();

        State(UUID id, ScheduleSpec spec, Instant createdAt) {
            this.id = id;
            this.spec = spec;
            this.createdAt = createdAt;
        }

        Schedule view() {
            return new Schedule(id, spec, paused, createdAt, nextRunAt, lastRunAt, runCount, failCount, pending != null,
                    List.copyOf(history));
        }

        ObjectNode write() {
            ObjectNode doc = Documents.JSON.createObjectNode();
            doc.put("version", 1);
            doc.put("id", id.toString());
            doc.put("name", spec.name());
            doc.put("frequency", spec.frequency().name().toLowerCase(java.util.Locale.ROOT));
            spec.cron().ifPresent(c -> doc.put("customCron", c));
            doc.put("preferredTime", spec.time().toString());
            doc.put("dayOfWeek", spec.dayOfWeek().name());
            doc.put("dayOfMonth", spec.dayOfMonth());
            doc.put("timezone", spec.zone().getId());
            doc.put("onlyNew", spec.onlyNew());
            doc.put("missedRuns", spec.missedRuns().name());
            try {
                doc.set("request", Documents.JSON.readTree(RequestJson.write(spec.request())));
            } catch (IOException e) {
                throw new IllegalStateException("RequestJson wrote invalid JSON", e);
            }
            doc.put("paused", paused);
            doc.put("createdAt", createdAt.toString());
            nextRunAt.ifPresent(at -> doc.put("nextRunAt", at.toString()));
            lastRunAt.ifPresent(at -> doc.put("lastRunAt", at.toString()));
            doc.put("runCount", runCount);
            doc.put("failCount", failCount);
            ArrayNode runs = doc.putArray("history");
            for (ScheduleRun run : history) {
                ObjectNode node = runs.addObject();
                node.put("scheduledFor", run.scheduledFor().toString());
                node.put("startedAt", run.startedAt().toString());
                run.finishedAt().ifPresent(at -> node.put("finishedAt", at.toString()));
                run.jobId().ifPresent(j -> node.put("jobId", j.toString()));
                node.put("status", run.status().name());
                node.put("items", run.items());
                run.newItems().ifPresent(n -> node.put("newItems", n));
                ArrayNode files = node.putArray("files");
                run.files().forEach(f -> files.add(f.toString()));
                run.error().ifPresent(e -> node.put("error", e));
            }
            if (pending != null) {
                ObjectNode node = doc.putObject("pending");
                node.put("scheduledFor", pending.scheduledFor.toString());
                node.put("startedAt", pending.startedAt.toString());
                pending.jobId.ifPresent(j -> node.put("jobId", j.toString()));
                ExportRequest outputs = spec.request().toBuilder().outputs(pending.outputs).build();
                try {
                    node.set("outputs", Documents.JSON.readTree(RequestJson.write(outputs)).path("outputs"));
                } catch (IOException e) {
                    throw new IllegalStateException("RequestJson wrote invalid JSON", e);
                }
            }
            if (spec.onlyNew()) {
                doc.set("monitor", incremental.write());
            }
            return doc;
        }

        static State read(JsonNode doc) {
            ExportRequest request = RequestJson.readRequest(doc.get("request").toString());
            ScheduleSpec.Builder spec = ScheduleSpec.builder(request).name(doc.path("name").asText())
                    .zone(ZoneId.of(doc.path("timezone").asText("UTC"))).onlyNew(doc.path("onlyNew").asBoolean())
                    .missedRuns(MissedRunPolicy.valueOf(doc.path("missedRuns").asText("RUN_ONCE")));
            LocalTime time = LocalTime.parse(doc.path("preferredTime").asText("00:00"));
            switch (Frequency.valueOf(doc.path("frequency").asText().toUpperCase(java.util.Locale.ROOT))) {
                case HOURLY -> spec.hourly(time.getMinute());
                case DAILY -> spec.daily(time);
                case WEEKLY -> spec.weekly(DayOfWeek.valueOf(doc.path("dayOfWeek").asText()), time);
                case MONTHLY -> spec.monthly(doc.path("dayOfMonth").asInt(), time);
                case CUSTOM -> spec.cron(doc.path("customCron").asText());
            }
            State state = new State(UUID.fromString(doc.path("id").asText()), spec.build(),
                    Instant.parse(doc.path("createdAt").asText()));
            state.paused = doc.path("paused").asBoolean();
            state.nextRunAt = instant(doc, "nextRunAt");
            state.lastRunAt = instant(doc, "lastRunAt");
            state.runCount = doc.path("runCount").asLong();
            state.failCount = doc.path("failCount").asLong();
            for (JsonNode node : doc.path("history")) {
                List<Path> files = new ArrayList<>();
                node.path("files").forEach(f -> files.add(Path.of(f.asText())));
                state.history.addLast(new ScheduleRun(Instant.parse(node.path("scheduledFor").asText()),
                        Instant.parse(node.path("startedAt").asText()), instant(node, "finishedAt"),
                        node.hasNonNull("jobId") ? Optional.of(UUID.fromString(node.get("jobId").asText())) : Optional.empty(),
                        ScheduleRun.Status.valueOf(node.path("status").asText()), node.path("items").asLong(),
                        node.has("newItems") ? OptionalLong.of(node.get("newItems").asLong()) : OptionalLong.empty(),
                        files, node.hasNonNull("error") ? Optional.of(node.get("error").asText()) : Optional.empty()));
            }
            JsonNode pending = doc.path("pending");
            if (pending.isObject()) {
                ObjectNode requestDoc = (ObjectNode) doc.get("request").deepCopy();
                requestDoc.set("outputs", pending.get("outputs"));
                List<ExportRequest.Output> outputs = RequestJson.readRequest(requestDoc.toString()).outputs();
                state.pending = new Pending(Instant.parse(pending.path("scheduledFor").asText()),
                        Instant.parse(pending.path("startedAt").asText()),
                        pending.hasNonNull("jobId") ? Optional.of(UUID.fromString(pending.get("jobId").asText())) : Optional.empty(),
                        outputs);
            }
            if (doc.path("monitor").isObject()) {
                state.incremental = Incremental.read(doc.get("monitor"));
            }
            return state;
        }

        private static Optional<Instant> instant(JsonNode node, String field) {
            return node.hasNonNull(field) ? Optional.of(Instant.parse(node.get(field).asText())) : Optional.empty();
        }
    }

    /** Configures a {@link Scheduler}. Not thread-safe. */
    public static final class Builder {
        private final JobExecutor jobs;
        private Path directory;
        private Clock clock = Clock.systemUTC();
        private Webhooks webhooks;
        private Duration grace = Duration.ofMinutes(5);
        private Duration tickInterval = Duration.ofSeconds(15);

        private Builder(JobExecutor jobs) {
            this.jobs = Objects.requireNonNull(jobs, "jobs");
        }

        /** Keeps schedules in this folder (one JSON document each, created when missing) so they survive a restart. */
        public Builder directory(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** The clock of run times; the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where {@code schedule.run} events go; none by default. */
        public Builder webhooks(Webhooks webhooks) {
            this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
            return this;
        }

        /** How late a run may start before it counts as missed; 5 minutes by default. */
        public Builder grace(Duration grace) {
            if (Objects.requireNonNull(grace, "grace").isNegative()) {
                throw new IllegalArgumentException("grace must not be negative but was " + grace);
            }
            this.grace = grace;
            return this;
        }

        /** Time between ticks of {@link Scheduler#start()}; 15 seconds by default. */
        public Builder tickInterval(Duration interval) {
            if (Objects.requireNonNull(interval, "interval").isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("tickInterval must be positive but was " + interval);
            }
            this.tickInterval = interval;
            return this;
        }

        /**
         * Builds the scheduler, loads the folder and picks up runs a previous process left in progress.
         *
         * @throws ExportException {@code OUTPUT} when the folder cannot be read
         */
        public Scheduler build() {
            return new Scheduler(this);
        }
    }
}
