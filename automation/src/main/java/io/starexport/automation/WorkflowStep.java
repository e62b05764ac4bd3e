package io.starexport.automation;

import io.starexport.api.Content;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One step of a {@link WorkflowSpec}: what to export ({@link Content}), from where ({@link InputMode}), how much
 * (a limit per job) and which of the exported items to keep (conditions). Immutable.
 *
 * <pre>{@code
 * WorkflowStep posts = WorkflowStep.builder(Content.POSTS).limit(50).maxAge(Duration.ofHours(72)).build();
 * WorkflowStep comments = WorkflowStep.builder(Content.COMMENTS).input(InputMode.PREVIOUS_RESULTS).limit(100).build();
 * }</pre>
 *
 * <p><b>Conditions</b> ({@code conditions} in the seed) apply to the items the step exports: {@link #maxAge()}
 * ({@code max_age_hours}) keeps items created at most that long before the run started (it becomes the jobs'
 * {@code since}, so items without a creation time are kept, as with {@code since}); {@link #keyword()} keeps items
 * whose title or text contains it, ignoring case. Items a condition drops are removed from the step's files and
 * are not passed to the next step.
 */
public final class WorkflowStep {
    private final Content content;
    private final InputMode input;
    private final OptionalLong limit;
    private final boolean replies;
    private final Optional<Duration> maxAge;
    private final Optional<String> keyword;

    private WorkflowStep(Builder b) {
        this.content = b.content;
        this.input = b.input;
        this.limit = b.limit == null ? OptionalLong.empty() : OptionalLong.of(b.limit);
        this.replies = b.replies;
        this.maxAge = Optional.ofNullable(b.maxAge);
        this.keyword = Optional.ofNullable(b.keyword);
    }

    /** A builder of a step exporting this content from the workflow's URL unless told otherwise. */
    public static Builder builder(Content content) {
        return new Builder(content);
    }

    /** A builder holding this step's values. */
    public Builder toBuilder() {
        Builder b = new Builder(content).input(input).replies(replies);
        b.limit = limit.isPresent() ? limit.getAsLong() : null;
        b.maxAge = maxAge.orElse(null);
        b.keyword = keyword.orElse(null);
        return b;
    }

    /** What each of the step's jobs exports. */
    public Content content() {
        return content;
    }

    /** Where its URLs come from. */
    public InputMode input() {
        return input;
    }

    /** The most items each of its jobs exports ({@code options.limit} in the seed); absent for no limit. */
    public OptionalLong limit() {
        return limit;
    }

    /** Whether comment exports include replies; off by default. */
    public boolean replies() {
        return replies;
    }

    /** Keep only items created at most this long before the run started ({@code max_age_hours}). */
    public Optional<Duration> maxAge() {
        return maxAge;
    }

    /** Keep only items whose title or text contains this, ignoring case ({@code keyword}). */
    public Optional<String> keyword() {
        return keyword;
    }

    /** True when an item with this title and text passes the keyword condition. */
    boolean matches(Optional<String> title, Optional<String> text) {
        if (keyword.isEmpty()) {
            return true;
        }
        String wanted = keyword.get().toLowerCase(Locale.ROOT);
        return title.map(t -> t.toLowerCase(Locale.ROOT).contains(wanted)).orElse(false)
                || text.map(t -> t.toLowerCase(Locale.ROOT).contains(wanted)).orElse(false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkflowStep s && content == s.content && input == s.input && limit.equals(s.limit)
                && replies == s.replies && maxAge.equals(s.maxAge) && keyword.equals(s.keyword);
    }

    @Override
    public int hashCode() {
        return Objects.hash(content, input, limit, replies, maxAge, keyword);
    }

    @Override
    public String toString() {
        return "WorkflowStep[" + content + " from " + input.wireName() + (limit.isPresent() ? ", limit " + limit.getAsLong() : "")
                + (replies ? ", replies" : "") + maxAge.map(a -> ", max age " + a).orElse("")
                + keyword.map(k -> ", keyword '" + k + "'").orElse("") + "]";
    }

    /** Configures a {@link WorkflowStep}. Not thread-safe. */
    public static final class Builder {
        private final Content content;
        private InputMode input = InputMode.URL;
        private Long limit;
        private boolean replies;
        private Duration maxAge;
        private String keyword;

        private Builder(Content content) {
            this.content = Objects.requireNonNull(content, "content");
        }

        /** Where the step's URLs come from; {@link InputMode#URL} by default. */
        public Builder input(InputMode input) {
            this.input = Objects.requireNonNull(input, "input");
            return this;
        }

        /** The most items each job exports, at least 1. */
        public Builder limit(long limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1 but was " + limit);
            }
            this.limit = limit;
            return this;
        }

        /** Whether comment exports include replies. */
        public Builder replies(boolean replies) {
            this.replies = replies;
            return this;
        }

        /** Keep only items created at most this long before the run started; positive. */
        public Builder maxAge(Duration maxAge) {
            if (Objects.requireNonNull(maxAge, "maxAge").isNegative() || maxAge.isZero()) {
                throw new IllegalArgumentException("maxAge must be positive but was " + maxAge);
            }
            this.maxAge = maxAge;
            return this;
        }

        /** Keep only items whose title or text contains this word or phrase, ignoring case; not blank. */
        public Builder keyword(String keyword) {
            if (Objects.requireNonNull(keyword, "keyword").isBlank()) {
                throw new IllegalArgumentException("keyword must not be blank");
            }
            this.keyword = keyword;
            return this;
        }

        public WorkflowStep build() {
            return new WorkflowStep(this);
        }
    }
}
