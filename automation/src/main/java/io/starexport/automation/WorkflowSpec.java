package io.starexport.automation;

import io.starexport.api.Content;
import io.starexport.api.ExportRequest;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A workflow: a URL, ordered {@link WorkflowStep steps} that export from it or from the previous step's results,
 * the folder the steps' files go to and, optionally, when it runs. Immutable.
 *
 * <pre>{@code
 * WorkflowSpec spec = WorkflowSpec.builder("https://www.youtube.com/@channel", dir.resolve("channel"))
 *         .name("Channel comments")
 *         .step(WorkflowStep.builder(Content.POSTS).limit(50).maxAge(Duration.ofHours(72)).build())
 *         .step(WorkflowStep.builder(Content.COMMENTS).input(InputMode.PREVIOUS_RESULTS).limit(500).build())
 *         .daily(LocalTime.of(9, 0)).zone(ZoneId.of("America/New_York"))
 *         .build();
 * }</pre>
 *
 * <p><b>Files.</b> Each run writes JSON Lines files into a folder of its own, {@code <folder>/<start time UTC>/}:
 * {@code 1-posts.jsonl} for a step reading the URL and {@code 2-comments-<item id>.jsonl} for each item of the
 * previous step. JSON Lines because the next step reads them and the conditions and deduplication rewrite them
 * line by line.
 *
 * <p><b>Templates.</b> {@link #profilePostsComments} and {@link #postComments} return builders with the steps
 * filled in, to name, schedule or change before building.
 *
 * <p><b>Schedule.</b> Without a frequency a workflow runs only when asked ({@link Workflows#runNow}). With one
 * it runs like a schedule: the same frequencies, cron expressions, time zones and missed-run policy as
 * {@link ScheduleSpec}, driven by the {@link Scheduler}'s ticks.
 */
public final class WorkflowSpec {
    private final String url;
    private final String name;
    private final Path folder;
    private final List<WorkflowStep> steps;
    private final boolean sandbox;
    private final Optional<String> credentials;
    private final Optional<String> proxy;
    private final Optional<ScheduleSpec> schedule;

    private WorkflowSpec(Builder b) {
        this.url = b.url;
        this.name = b.name == null ? b.url : b.name;
        this.folder = b.folder;
        this.steps = List.copyOf(b.steps);
        this.sandbox = b.sandbox;
        this.credentials = Optional.ofNullable(b.credentials);
        this.proxy = Optional.ofNullable(b.proxy);
        this.schedule = b.scheduled ? Optional.of(b.timing.name(this.name).build()) : Optional.empty();
    }

    /** A builder of a workflow over this URL writing into this folder; add at least one step. */
    public static Builder builder(String url, Path folder) {
        return new Builder(url, folder);
    }

    /**
     * The "profile → recent posts → comments" template (the seed's Comments Monitor): the 50 newest posts of the
     * profile created in the last 72 hours, then up to 5,000 comments of each.
     */
    public static Builder profilePostsComments(String profileUrl, Path folder) {
        return builder(profileUrl, folder).name("Recent posts and their comments")
                .step(WorkflowStep.builder(Content.POSTS).limit(50).maxAge(Duration.ofHours(72)).build())
                .step(WorkflowStep.builder(Content.COMMENTS).input(InputMode.PREVIOUS_RESULTS).limit(5_000).build());
    }

    /**
     * The "post → comments" template: up to 5,000 comments of the post with their replies. No installed platform
     * exports the list of people who liked a post, so there is no likes step; like counts are on each item.
     */
    public static Builder postComments(String postUrl, Path folder) {
        return builder(postUrl, folder).name("Comments of a post")
                .step(WorkflowStep.builder(Content.COMMENTS).limit(5_000).replies(true).build());
    }

    /** A builder holding this spec's values. */
    public Builder toBuilder() {
        Builder b = new Builder(url, folder).name(name).steps(steps).sandbox(sandbox);
        b.credentials = credentials.orElse(null);
        b.proxy = proxy.orElse(null);
        schedule.ifPresent(s -> {
            b.timing = s.toBuilder();
            b.scheduled = true;
        });
        return b;
    }

    /** The URL the first step reads ({@code url} in the seed). */
    public String url() {
        return url;
    }

    /** A display name; the URL unless given. */
    public String name() {
        return name;
    }

    /** Where each run's folder of files goes. */
    public Path folder() {
        return folder;
    }

    /** The steps, in the order they run. */
    public List<WorkflowStep> steps() {
        return steps;
    }

    /** Whether every step's jobs read the sandbox's sample data instead of the platform. */
    public boolean sandbox() {
        return sandbox;
    }

    /** The engine credential set the jobs use; absent for the engine's default. */
    public Optional<String> credentials() {
        return credentials;
    }

    /** The engine named proxy the jobs use; absent for the engine's choice. */
    public Optional<String> proxy() {
        return proxy;
    }

    /**
     * When the workflow runs on its own: frequency, time, zone and missed-run policy, as a {@link ScheduleSpec}
     * whose request is not used. Empty for a workflow that runs only when asked.
     */
    public Optional<ScheduleSpec> schedule() {
        return schedule;
    }

    /** The request of one job of a step: its content, limit, replies and since, written to {@code file}. */
    ExportRequest request(WorkflowStep step, String input, Path file, Instant runStart) {
        ExportRequest.Builder request = ExportRequest.builder(input).content(step.content()).replies(step.replies())
                .sandbox(sandbox).to(file, "jsonl");
        step.limit().ifPresent(request::limit);
        step.maxAge().ifPresent(age -> request.since(runStart.minus(age)));
        credentials.ifPresent(request::credentials);
        proxy.ifPresent(request::proxy);
        return request.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkflowSpec s && url.equals(s.url) && name.equals(s.name) && folder.equals(s.folder)
                && steps.equals(s.steps) && sandbox == s.sandbox && credentials.equals(s.credentials)
                && proxy.equals(s.proxy) && schedule.equals(s.schedule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, name, folder, steps, sandbox, credentials, proxy, schedule);
    }

    @Override
    public String toString() {
        return "WorkflowSpec[" + name + ", " + steps + (sandbox ? ", sandbox" : "") + ", "
                + schedule.map(s -> s.frequency() + s.cron().map(c -> " '" + c + "'").orElse("") + " in " + s.zone())
                .orElse("on demand") + "]";
    }

    /** Configures a {@link WorkflowSpec}; the last frequency given wins. Not thread-safe. */
    public static final class Builder {
        private final String url;
        private final Path folder;
        private String name;
        private final List<WorkflowStep> steps = new ArrayList<>();
        private boolean sandbox;
        private String credentials;
        private String proxy;
        /** Holds frequency, zone and missed-run policy; its request (the URL) is never run. */
        private ScheduleSpec.Builder timing;
        private boolean scheduled;

        private Builder(String url, Path folder) {
            this.url = Objects.requireNonNull(url, "url");
            this.folder = Objects.requireNonNull(folder, "folder");
            this.timing = ScheduleSpec.builder(ExportRequest.builder(url).to(folder.resolve("workflow.jsonl")).build());
        }

        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Appends a step. */
        public Builder step(WorkflowStep step) {
            steps.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        /** Replaces all steps ({@code steps} in the seed's update). */
        public Builder steps(List<WorkflowStep> steps) {
            this.steps.clear();
            steps.forEach(this::step);
            return this;
        }

        /** Read the sandbox's sample data instead of the platform; off by default. */
        public Builder sandbox(boolean sandbox) {
            this.sandbox = sandbox;
            return this;
        }

        /** The engine credential set every job uses. */
        public Builder credentials(String name) {
            this.credentials = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The engine named proxy every job uses. */
        public Builder proxy(String name) {
            this.proxy = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Runs every hour at this minute; see {@link ScheduleSpec.Builder#hourly}. */
        public Builder hourly(int minute) {
            timing.hourly(minute);
            scheduled = true;
            return this;
        }

        /** Runs every day at this wall time. */
        public Builder daily(LocalTime time) {
            timing.daily(time);
            scheduled = true;
            return this;
        }

        /** Runs every week on this day at this wall time. */
        public Builder weekly(DayOfWeek day, LocalTime time) {
            timing.weekly(day, time);
            scheduled = true;
            return this;
        }

        /** Runs every month on this day (the last day in shorter months) at this wall time. */
        public Builder monthly(int day, LocalTime time) {
            timing.monthly(day, time);
            scheduled = true;
            return this;
        }

        /** Runs at the times of a UNIX cron expression; see {@link ScheduleSpec.Builder#cron}. */
        public Builder cron(String expression) {
            timing.cron(expression);
            scheduled = true;
            return this;
        }

        /** The time zone of the frequency; UTC by default. */
        public Builder zone(ZoneId zone) {
            timing.zone(zone);
            return this;
        }

        /** What to do about runs missed during downtime; {@link MissedRunPolicy#RUN_ONCE} by default. */
        public Builder missedRuns(MissedRunPolicy policy) {
            timing.missedRuns(policy);
            return this;
        }

        /** Runs only when asked: drops the frequency. */
        public Builder onDemand() {
            this.scheduled = false;
            return this;
        }

        /**
         * Builds the spec.
         *
         * @throws IllegalArgumentException when there is no step, the first step does not read the URL, or a step
         *                                  reads the results of a step whose items are not posts or profiles
         *                                  (comments and media have nothing further to export)
         */
        public WorkflowSpec build() {
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("A workflow needs at least one step, such as "
                        + "step(WorkflowStep.builder(Content.POSTS).build())");
            }
            if (steps.get(0).input() != InputMode.URL) {
                throw new IllegalArgumentException("The first step must read the workflow's URL (InputMode.URL); "
                        + "there are no previous results before it");
            }
            for (int i = 1; i < steps.size(); i++) {
                Content previous = steps.get(i - 1).content();
                if (steps.get(i).input() == InputMode.PREVIOUS_RESULTS && previous != Content.POSTS && previous != Content.PROFILE) {
                    throw new IllegalArgumentException("Step " + (i + 1) + " reads the results of step " + i + ", which "
                            + "exports " + previous + "; only posts and profiles can be followed by another step");
                }
            }
            return new WorkflowSpec(this);
        }
    }
}
