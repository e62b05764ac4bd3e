package io.starexport.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.ExportRequest;
import io.starexport.jobs.Job;
import io.starexport.jobs.JobExecutor;
import io.starexport.jobs.JobResult;
import io.starexport.jobs.JobStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@link WorkflowSpec workflows}: ordered steps, each exporting from the workflow's URL or from the URL of
 * every item the previous step kept. Every export is an ordinary job on the {@link Scheduler}'s
 * {@link JobExecutor}, so it shows in job listings and statistics.
 *
 * <pre>{@code
 * Workflows workflows = Workflows.builder(scheduler).directory(dir.resolve("workflows")).build();
 * Workflow w = workflows.create(WorkflowSpec.profilePostsComments(channelUrl, dir.resolve("channel"))
 *         .daily(LocalTime.of(9, 0)).build());
 * scheduler.start();                  // its ticks start due workflows too; tests call tick() with a fake clock
 * }</pre>
 *
 * <p><b>A run</b> goes step by step. A step submits one job for a URL input, or one per item the previous step
 * kept (none when it kept none), waits for them, then rewrites their files keeping only items that pass the
 * step's conditions and were not kept by an earlier successful run of the workflow; the kept items' URLs are the
 * next step's input. When a job fails (after the executor's retries) the run fails and later steps do not run.
 *
 * <p><b>Deduplication between runs.</b> Each step remembers the ids it kept (the last
 * {@value #MAX_SEEN} per step), but only when the whole run succeeds: a post whose comments failed to export is
 * new again next time, so its comments are not lost. Changing a step's content, input or the URL with
 * {@link #update} forgets what that step saw.
 *
 * <p><b>Triggers.</b> Due runs start on the scheduler's ticks ({@link Scheduler#tick()}, which calls
 * {@link #tick()}), with its clock, grace period and missed-run handling; {@link #runNow} starts one at once.
 * {@link #pause} stops ticks from starting runs; {@link #resume} starts counting again from now.
 *
 * <p><b>Restarts.</b> With {@link Builder#directory} each workflow is one JSON document there. A run in
 * progress when the process stopped is recorded as failed when the folder is loaded, and remembers nothing,
 * so the next run exports its items again.
 *
 * <p>Thread-safe. Events: {@link WebhookEvent#WORKFLOW_FINISHED} once per run, when the scheduler has webhooks.
 */
public final class Workflows {
    /** Runs kept in a workflow's history. */
    public static final int HISTORY_SIZE = 20;
    /** Ids a step remembers at most. */
    public static final int MAX_SEEN = 50_000;

    private static final Logger LOG = LoggerFactory.getLogger(Workflows.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final JobExecutor jobs;
    private final Clock clock;
    private final Duration grace;
    private final Optional<Webhooks> webhooks;
    private final Optional<Documents> documents;
    private final Map<UUID, State> workflows = new LinkedHashMap<>();
    private final Set<CompletableFuture<WorkflowRun>> inFlight = ConcurrentHashMap.newKeySet();

    private Workflows(Builder b) {
        this.jobs = b.scheduler.jobs();
        this.clock = b.scheduler.clock();
        this.grace = b.scheduler.grace();
        this.webhooks = b.scheduler.webhooks();
        this.documents = Optional.ofNullable(b.directory).map(Documents::new);
        documents.ifPresent(docs -> docs.loadAll().forEach(doc -> {
            State state = State.read(doc);
            workflows.put(state.id, state);
            if (state.interrupted != null) {
                record(state, new WorkflowRun(state.interrupted.scheduledFor, state.interrupted.startedAt,
                        Optional.of(clock.instant()), WorkflowRun.Status.FAILED, 0, List.of(), List.of(), List.of(),
                        Optional.of("the process stopped during this run")));
                state.failCount++;
                state.interrupted = null;
                save(state);
            }
        }));
        b.scheduler.onTick(this::tick);
    }

    /** A builder over the scheduler whose ticks, executor, clock and webhooks the workflows use. */
    public static Builder builder(Scheduler scheduler) {
        return new Builder(scheduler);
    }

    /**
     * Adds a workflow; with a schedule, its first run is the first run time after now.
     *
     * @throws ExportException {@code OUTPUT} when it cannot be saved
     */
    public synchronized Workflow create(WorkflowSpec spec) {
        State state = new State(UUID.randomUUID(), Objects.requireNonNull(spec, "spec"), clock.instant());
        state.nextRunAt = next(spec, clock.instant());
        workflows.put(state.id, state);
        save(state);
        return state.view();
    }

    public synchronized Optional<Workflow> get(UUID id) {
        return Optional.ofNullable(workflows.get(id)).map(State::view);
    }

    /** Every workflow, oldest first. */
    public synchronized List<Workflow> list() {
        return workflows.values().stream().map(State::view).toList();
    }

    /**
     * Replaces a workflow's spec and recomputes its next run. Counts and history stay; a step keeps what it saw
     * when the URL, its content and its input are unchanged. A run in progress finishes with the old spec.
     *
     * @throws IllegalArgumentException when no workflow has this id
     */
    public synchronized Workflow update(UUID id, WorkflowSpec spec) {
        State state = state(id);
        Objects.requireNonNull(spec, "spec");
        List<LinkedHashSet<String>> seen = new ArrayList<>();
        for (int i = 0; i < spec.steps().size(); i++) {
            boolean same = spec.url().equals(state.spec.url()) && i < state.spec.steps().size()
                    && spec.steps().get(i).content() == state.spec.steps().get(i).content()
                    && spec.steps().get(i).input() == state.spec.steps().get(i).input();
            seen.add(same ? state.seen.get(i) : new LinkedHashSet<>());
        }
        state.spec = spec;
        state.seen = seen;
        state.nextRunAt = state.paused ? Optional.empty() : next(spec, clock.instant());
        save(state);
        return state.view();
    }

    /** Deletes a workflow; a run in progress finishes its current step's jobs but is not recorded. False when unknown. */
    public synchronized boolean delete(UUID id) {
        if (workflows.remove(id) == null) {
            return false;
        }
        documents.ifPresent(docs -> docs.delete(id.toString()));
        return true;
    }

    /** Pauses a workflow: no scheduled runs until {@link #resume}. */
    public synchronized Workflow pause(UUID id) {
        State state = state(id);
        state.paused = true;
        state.nextRunAt = Optional.empty();
        save(state);
        return state.view();
    }

    /** Resumes a workflow; runs due while it was paused are not made up, the next is the first after now. */
    public synchronized Workflow resume(UUID id) {
        State state = state(id);
        state.paused = false;
        state.nextRunAt = next(state.spec, clock.instant());
        save(state);
        return state.view();
    }

    /**
     * Runs a workflow now, paused or not, without moving its next run.
     *
     * @return the run, once its last step has ended
     * @throws IllegalArgumentException when no workflow has this id
     * @throws IllegalStateException    when a run of it is in progress
     */
    public CompletableFuture<WorkflowRun> runNow(UUID id) {
        State state;
        synchronized (this) {
            state = state(id);
            if (state.running) {
                throw new IllegalStateException("Workflow " + id + " is running; wait for its run to end");
            }
            state.running = true;
        }
        return start(state, clock.instant());
    }

    /**
     * Starts every unpaused workflow whose next run time has come, as the clock tells. The scheduler calls this on
     * each of its ticks.
     *
     * @return the runs started, each completing when its last step ends
     */
    public List<CompletableFuture<WorkflowRun>> tick() {
        Instant now = clock.instant();
        Map<State, Instant> due = new LinkedHashMap<>();
        synchronized (this) {
            for (State state : workflows.values()) {
                if (state.paused || state.running || state.nextRunAt.isEmpty() || state.nextRunAt.get().isAfter(now)) {
                    continue;
                }
                ScheduleSpec timing = state.spec.schedule().orElseThrow();
                Instant latest = state.nextRunAt.get();
                for (Optional<Instant> n = timing.nextAfter(latest); n.isPresent() && !n.get().isAfter(now);
                     n = timing.nextAfter(n.get())) {
                    latest = n.get();
                }
                state.nextRunAt = timing.nextAfter(now);
                if (Duration.between(latest, now).compareTo(grace) > 0 && timing.missedRuns() == MissedRunPolicy.SKIP) {
                    record(state, new WorkflowRun(latest, now, Optional.of(now), WorkflowRun.Status.SKIPPED, 0, List.of(),
                            List.of(), List.of(), Optional.of("missed while the scheduler was not running; skipped by the SKIP policy")));
                    save(state);
                    continue;
                }
                state.running = true;
                due.put(state, latest);
            }
        }
        List<CompletableFuture<WorkflowRun>> started = new ArrayList<>();
        due.forEach((state, at) -> started.add(start(state, at)));
        return started;
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

    @Override
    public synchronized String toString() {
        return "Workflows[" + workflows.size() + " workflows" + documents.map(d -> ", in " + d.folder()).orElse("") + "]";
    }

    private static Optional<Instant> next(WorkflowSpec spec, Instant now) {
        return spec.schedule().flatMap(s -> s.nextAfter(now));
    }

    /** Starts a run of a workflow already marked running. */
    private CompletableFuture<WorkflowRun> start(State state, Instant scheduledFor) {
        Run run;
        synchronized (this) {
            run = new Run(state.spec, List.copyOf(state.seen), scheduledFor, clock.instant());
            state.interrupted = new Interrupted(scheduledFor, run.startedAt);
            save(state);
        }
        // Through thenCompose so a job that cannot be submitted fails the run like any other failure.
        CompletableFuture<WorkflowRun> done = CompletableFuture.completedFuture(List.<Input>of())
                .thenCompose(none -> run.step(0, none))
                .handle((ignored, failure) -> finish(state, run, failure));
        inFlight.add(done);
        done.whenComplete((r, t) -> inFlight.remove(done));
        return done;
    }

    private WorkflowRun finish(State state, Run run, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        Optional<String> error = cause == null ? Optional.empty()
                : Optional.of(cause.getMessage() == null ? cause.toString() : cause.getMessage());
        WorkflowRun result = new WorkflowRun(run.scheduledFor, run.startedAt, Optional.of(clock.instant()),
                error.isEmpty() ? WorkflowRun.Status.SUCCEEDED : WorkflowRun.Status.FAILED, run.newItems.size(),
                run.newItems, run.jobIds, run.files, error);
        synchronized (this) {
            state.running = false;
            state.interrupted = null;
            state.lastRunAt = Optional.of(run.startedAt);
            if (result.status() == WorkflowRun.Status.SUCCEEDED) {
                state.runCount++;
                if (state.spec == run.spec) {
                    for (int i = 0; i < run.kept.size(); i++) {
                        remember(state.seen.get(i), run.kept.get(i));
                    }
                }
            } else {
                state.failCount++;
            }
            record(state, result);
            if (workflows.get(state.id) == state) {
                save(state);
            }
        }
        webhooks.ifPresent(hooks -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("workflow_id", state.id.toString());
            data.put("name", run.spec.name());
            data.put("url", run.spec.url());
            data.put("status", result.status().name().toLowerCase(Locale.ROOT));
            data.put("scheduled_for", result.scheduledFor().toString());
            data.put("started_at", result.startedAt().toString());
            data.put("completed_at", result.finishedAt().orElseThrow().toString());
            data.put("steps_completed", result.stepsCompleted());
            data.put("total_results", result.totalResults());
            data.put("new_items", result.newItems());
            data.put("job_ids", result.jobIds().stream().map(UUID::toString).toList());
            data.put("files", result.files().stream().map(Path::toString).toList());
            result.error().ifPresent(e -> data.put("error", e));
            hooks.publish(WebhookEvent.WORKFLOW_FINISHED, data);
        });
        return result;
    }

    private static void remember(LinkedHashSet<String> seen, Set<String> ids) {
        for (String id : ids) {
            seen.remove(id);
            seen.add(id);
        }
        Iterator<String> oldest = seen.iterator();
        while (seen.size() > MAX_SEEN) {
            oldest.next();
            oldest.remove();
        }
    }

    private static void record(State state, WorkflowRun run) {
        state.history.addFirst(run);
        while (state.history.size() > HISTORY_SIZE) {
            state.history.removeLast();
        }
    }

    private State state(UUID id) {
        State state = workflows.get(Objects.requireNonNull(id, "id"));
        if (state == null) {
            throw new IllegalArgumentException("No workflow has id " + id);
        }
        return state;
    }

    private void save(State state) {
        documents.ifPresent(docs -> docs.save(state.id.toString(), state.write()));
    }

    /** An item a step kept: its URL (the next step's input) and id (names the next step's file). */
    private record Input(String url, String id) {
    }

    /**
     * One run in progress. Its steps follow one another (each starts when the previous one's jobs have ended), so
     * its fields are touched by one thread at a time, in order.
     */
    private final class Run {
        final WorkflowSpec spec;
        final List<Set<String>> seenBefore;
        final Instant scheduledFor;
        final Instant startedAt;
        final Path folder;
        final List<Long> newItems = new ArrayList<>();
        final List<Set<String>> kept = new ArrayList<>();
        final List<UUID> jobIds = new ArrayList<>();
        final List<Path> files = new ArrayList<>();

        Run(WorkflowSpec spec, List<LinkedHashSet<String>> seen, Instant scheduledFor, Instant startedAt) {
            this.spec = spec;
            this.seenBefore = seen.stream().<Set<String>>map(HashSet::new).toList();
            this.scheduledFor = scheduledFor;
            this.startedAt = startedAt;
            this.folder = spec.folder().resolve(STAMP.format(startedAt));
        }

        CompletableFuture<Void> step(int index, List<Input> previous) {
            if (index == spec.steps().size()) {
                return CompletableFuture.completedFuture(null);
            }
            WorkflowStep step = spec.steps().get(index);
            List<Input> inputs = step.input() == InputMode.URL ? List.of(new Input(spec.url(), null)) : previous;
            List<ExportRequest> requests = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (Input input : inputs) {
                String name = (index + 1) + "-" + step.content().name().toLowerCase(Locale.ROOT)
                        + (input.id() == null ? "" : "-" + input.id().replaceAll("[^A-Za-z0-9_-]", "_"));
                String unique = name;
                for (int n = 2; !names.add(unique); n++) {
                    unique = name + "-" + n;
                }
                requests.add(spec.request(step, input.url(), folder.resolve(unique + ".jsonl"), startedAt));
            }
            List<Job> submitted = requests.isEmpty() ? List.of() : jobs.submitAll(requests);
            submitted.forEach(job -> jobIds.add(job.id()));
            return CompletableFuture.allOf(submitted.stream().map(Job::completion).toArray(CompletableFuture[]::new))
                    .thenCompose(ignored -> step(index + 1, keep(index, step, submitted)));
        }

        /** Checks the step's jobs and filters their files; returns the kept items that have a URL. */
        private List<Input> keep(int index, WorkflowStep step, List<Job> submitted) {
            List<Path> written = new ArrayList<>();
            for (Job job : submitted) {
                Job done = job.completion().join();
                if (done.status() != JobStatus.SUCCEEDED) {
                    throw new IllegalStateException("Step " + (index + 1) + " (" + step.content().name().toLowerCase(Locale.ROOT)
                            + " of " + done.request().url() + "): " + done.error().map(e -> e.code() + ": " + e.message())
                            .orElse("the job was " + done.status()));
                }
                written.addAll(done.result().map(JobResult::files).orElse(List.of()));
            }
            Set<String> ids = new LinkedHashSet<>();
            List<Input> results = new ArrayList<>();
            for (Path file : written) {
                filter(file, step, index, ids, results);
            }
            files.addAll(written);
            kept.add(ids);
            newItems.add((long) ids.size());
            return results;
        }

        private void filter(Path file, WorkflowStep step, int index, Set<String> ids, List<Input> results) {
            Path temp = file.resolveSibling("." + file.getFileName() + ".new");
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode item = Documents.JSON.readTree(line);
                    String id = item.path("id").asText();
                    if (seenBefore.get(index).contains(id) || ids.contains(id)
                            || !step.matches(text(item, "title"), text(item, "text"))) {
                        continue;
                    }
                    ids.add(id);
                    text(item, "url").ifPresent(url -> results.add(new Input(url, id)));
                    out.write(line);
                    out.write('\n');
                }
            } catch (IOException e) {
                throw ExportException.of(ErrorCode.OUTPUT, "Cannot filter " + file + " to new items: " + e.getMessage());
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw ExportException.of(ErrorCode.OUTPUT, "Cannot replace " + file + ": " + e.getMessage());
            }
        }

        private static Optional<String> text(JsonNode item, String field) {
            return item.hasNonNull(field) ? Optional.of(item.get(field).asText()) : Optional.empty();
        }
    }

    /** A run written down when it starts, so a restart can record that it never finished. */
    private record Interrupted(Instant scheduledFor, Instant startedAt) {
    }

    /** A workflow's mutable state, guarded by the service's lock. */
    private static final class State {
        final UUID id;
        WorkflowSpec spec;
        final Instant createdAt;
        boolean paused;
        boolean running;
        Optional<Instant> nextRunAt = Optional.empty();
        Optional<Instant> lastRunAt = Optional.empty();
        long runCount;
        long failCount;
        final ArrayDeque<WorkflowRun> history = new ArrayDeque<>();
        /** Per step, the ids kept by earlier successful runs, oldest first. */
        List<LinkedHashSet<String>> seen = new ArrayList<>();
        Interrupted interrupted;

        State(UUID id, WorkflowSpec spec, Instant createdAt) {
            this.id = id;
            this.spec = spec;
            this.createdAt = createdAt;
            spec.steps().forEach(step -> seen.add(new LinkedHashSet<>()));
        }

        Workflow view() {
            return new Workflow(id, spec, paused, createdAt, nextRunAt, lastRunAt, runCount, failCount, running,
                    List.copyOf(history));
        }

        ObjectNode write() {
            ObjectNode doc = Documents.JSON.createObjectNode();
            doc.put("version", 1);
            doc.put("id", id.toString());
            doc.put("url", spec.url());
            doc.put("name", spec.name());
            doc.put("folder", spec.folder().toString());
            doc.put("sandbox", spec.sandbox());
            spec.credentials().ifPresent(c -> doc.put("credentials", c));
            spec.proxy().ifPresent(p -> doc.put("proxy", p));
            spec.schedule().ifPresent(s -> {
                doc.put("frequency", s.frequency().name().toLowerCase(Locale.ROOT));
                s.cron().ifPresent(c -> doc.put("customCron", c));
                doc.put("preferredTime", s.time().toString());
                doc.put("dayOfWeek", s.dayOfWeek().name());
                doc.put("dayOfMonth", s.dayOfMonth());
                doc.put("timezone", s.zone().getId());
                doc.put("missedRuns", s.missedRuns().name());
            });
            ArrayNode steps = doc.putArray("steps");
            for (int i = 0; i < spec.steps().size(); i++) {
                WorkflowStep step = spec.steps().get(i);
                ObjectNode node = steps.addObject();
                node.put("position", i + 1);
                node.put("content", step.content().name());
                node.put("inputMode", step.input().wireName());
                step.limit().ifPresent(l -> node.put("limit", l));
                node.put("replies", step.replies());
                step.maxAge().ifPresent(a -> node.put("maxAge", a.toString()));
                step.keyword().ifPresent(k -> node.put("keyword", k));
                ArrayNode ids = node.putArray("seen");
                seen.get(i).forEach(ids::add);
            }
            doc.put("paused", paused);
            doc.put("createdAt", createdAt.toString());
            nextRunAt.ifPresent(at -> doc.put("nextRunAt", at.toString()));
            lastRunAt.ifPresent(at -> doc.put("lastRunAt", at.toString()));
            doc.put("runCount", runCount);
            doc.put("failCount", failCount);
            if (interrupted != null) {
                ObjectNode node = doc.putObject("running");
                node.put("scheduledFor", interrupted.scheduledFor.toString());
                node.put("startedAt", interrupted.startedAt.toString());
            }
            ArrayNode runs = doc.putArray("history");
            for (WorkflowRun run : history) {
                ObjectNode node = runs.addObject();
                node.put("scheduledFor", run.scheduledFor().toString());
                node.put("startedAt", run.startedAt().toString());
                run.finishedAt().ifPresent(at -> node.put("finishedAt", at.toString()));
                node.put("status", run.status().name());
                node.put("stepsCompleted", run.stepsCompleted());
                ArrayNode counts = node.putArray("newItems");
                run.newItems().forEach(counts::add);
                ArrayNode jobs = node.putArray("jobIds");
                run.jobIds().forEach(j -> jobs.add(j.toString()));
                ArrayNode files = node.putArray("files");
                run.files().forEach(f -> files.add(f.toString()));
                run.error().ifPresent(e -> node.put("error", e));
            }
            return doc;
        }

        static State read(JsonNode doc) {
            WorkflowSpec.Builder spec = WorkflowSpec.builder(doc.path("url").asText(), Path.of(doc.path("folder").asText()))
                    .name(doc.path("name").asText()).sandbox(doc.path("sandbox").asBoolean());
            if (doc.hasNonNull("credentials")) {
                spec.credentials(doc.get("credentials").asText());
            }
            if (doc.hasNonNull("proxy")) {
                spec.proxy(doc.get("proxy").asText());
            }
            if (doc.hasNonNull("frequency")) {
                LocalTime time = LocalTime.parse(doc.path("preferredTime").asText("00:00"));
                switch (Frequency.valueOf(doc.get("frequency").asText().toUpperCase(Locale.ROOT))) {
                    case HOURLY -> spec.hourly(time.getMinute());
                    case DAILY -> spec.daily(time);
                    case WEEKLY -> spec.weekly(DayOfWeek.valueOf(doc.path("dayOfWeek").asText()), time);
                    case MONTHLY -> spec.monthly(doc.path("dayOfMonth").asInt(), time);
                    case CUSTOM -> spec.cron(doc.path("customCron").asText());
                }
                spec.zone(ZoneId.of(doc.path("timezone").asText("UTC")))
                        .missedRuns(MissedRunPolicy.valueOf(doc.path("missedRuns").asText("RUN_ONCE")));
            }
            List<LinkedHashSet<String>> seen = new ArrayList<>();
            for (JsonNode node : doc.path("steps")) {
                WorkflowStep.Builder step = WorkflowStep.builder(Content.valueOf(node.path("content").asText()))
                        .input(node.path("inputMode").asText().equals(InputMode.PREVIOUS_RESULTS.wireName())
                                ? InputMode.PREVIOUS_RESULTS : InputMode.URL)
                        .replies(node.path("replies").asBoolean());
                if (node.hasNonNull("limit")) {
                    step.limit(node.get("limit").asLong());
                }
                if (node.hasNonNull("maxAge")) {
                    step.maxAge(Duration.parse(node.get("maxAge").asText()));
                }
                if (node.hasNonNull("keyword")) {
                    step.keyword(node.get("keyword").asText());
                }
                spec.step(step.build());
                LinkedHashSet<String> ids = new LinkedHashSet<>();
                node.path("seen").forEach(id -> ids.add(id.asText()));
                seen.add(ids);
            }
            State state = new State(UUID.fromString(doc.path("id").asText()), spec.build(),
                    Instant.parse(doc.path("createdAt").asText()));
            state.seen = seen;
            state.paused = doc.path("paused").asBoolean();
            state.nextRunAt = instant(doc, "nextRunAt");
            state.lastRunAt = instant(doc, "lastRunAt");
            state.runCount = doc.path("runCount").asLong();
            state.failCount = doc.path("failCount").asLong();
            if (doc.path("running").isObject()) {
                state.interrupted = new Interrupted(Instant.parse(doc.get("running").path("scheduledFor").asText()),
                        Instant.parse(doc.get("running").path("startedAt").asText()));
            }
            for (JsonNode node : doc.path("history")) {
                List<Long> counts = new ArrayList<>();
                node.path("newItems").forEach(n -> counts.add(n.asLong()));
                List<UUID> jobIds = new ArrayList<>();
                node.path("jobIds").forEach(j -> jobIds.add(UUID.fromString(j.asText())));
                List<Path> files = new ArrayList<>();
                node.path("files").forEach(f -> files.add(Path.of(f.asText())));
                state.history.addLast(new WorkflowRun(Instant.parse(node.path("scheduledFor").asText()),
                        Instant.parse(node.path("startedAt").asText()), instant(node, "finishedAt"),
                        WorkflowRun.Status.valueOf(node.path("status").asText()), node.path("stepsCompleted").asInt(),
                        counts, jobIds, files, node.hasNonNull("error") ? Optional.of(node.get("error").asText()) : Optional.empty()));
            }
            return state;
        }

        private static Optional<Instant> instant(JsonNode node, String field) {
            return node.hasNonNull(field) ? Optional.of(Instant.parse(node.get(field).asText())) : Optional.empty();
        }
    }

    /** Configures {@link Workflows}. Not thread-safe. */
    public static final class Builder {
        private final Scheduler scheduler;
        private Path directory;

        private Builder(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        }

        /** Keeps workflows in this folder (one JSON document each, created when missing) so they survive a restart. */
        public Builder directory(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Builds the service, loads the folder (recording runs a previous process left unfinished as failed) and
         * joins the scheduler's ticks.
         *
         * @throws ExportException {@code OUTPUT} when the folder cannot be read
         */
        public Workflows build() {
            return new Workflows(this);
        }
    }
}
