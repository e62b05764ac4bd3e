package io.starexport.automation;

import io.starexport.api.Content;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkflowSpecTest {
    private static final Path OUT = Path.of("out");
    private static final String CHANNEL = "https://www.youtube.com/@starexport";

    @Test
    void theFirstStepMustReadTheUrl() {
        assertThatThrownBy(() -> WorkflowSpec.builder(CHANNEL, OUT)
                .step(WorkflowStep.builder(Content.COMMENTS).input(InputMode.PREVIOUS_RESULTS).build()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first step must read the workflow's URL");
        assertThatThrownBy(() -> WorkflowSpec.builder(CHANNEL, OUT).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one step");
    }

    @Test
    void onlyPostsAndProfilesCanBeFollowedByAStepOverTheirResults() {
        assertThatThrownBy(() -> WorkflowSpec.builder(CHANNEL, OUT)
                .step(WorkflowStep.builder(Content.COMMENTS).build())
                .step(WorkflowStep.builder(Content.COMMENTS).input(InputMode.PREVIOUS_RESULTS).build()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Step 2 reads the results of step 1, which exports COMMENTS");
    }

    @Test
    void theProfileTemplateReadsRecentPostsThenTheirComments() {
        WorkflowSpec spec = WorkflowSpec.profilePostsComments(CHANNEL, OUT).build();

        assertThat(spec.steps()).extracting(WorkflowStep::content, WorkflowStep::input)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Content.POSTS, InputMode.URL),
                        org.assertj.core.groups.Tuple.tuple(Content.COMMENTS, InputMode.PREVIOUS_RESULTS));
        assertThat(spec.steps().get(0).maxAge()).hasValue(Duration.ofHours(72));
        assertThat(spec.schedule()).isEmpty();
    }

    @Test
    void aScheduleUsesTheScheduleRulesAndSurvivesToBuilder() {
        WorkflowSpec spec = WorkflowSpec.postComments("https://www.youtube.com/watch?v=dQw4w9WgXcQ", OUT)
                .daily(LocalTime.of(9, 0)).zone(ZoneId.of("America/New_York")).build();

        assertThat(spec.schedule().orElseThrow().nextAfter(Instant.parse("2026-03-17T12:00:00Z")))
                .hasValue(Instant.parse("2026-03-17T13:00:00Z"));
        assertThat(spec.toBuilder().build()).isEqualTo(spec);
        assertThat(spec.toBuilder().onDemand().build().schedule()).isEmpty();
        assertThatThrownBy(() -> WorkflowSpec.builder(CHANNEL, OUT).cron("not cron"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a UNIX cron expression");
    }
}
