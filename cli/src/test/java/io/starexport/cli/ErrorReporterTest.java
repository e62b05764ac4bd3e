package io.starexport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.starexport.api.Checkpoint;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.ExportRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorReporterTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ErrorReporter reporter = new ErrorReporter(new PrintWriter(out), new PrintWriter(err));

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyErrorCodeHasAnExitCode(ErrorCode code) {
        int expected = switch (code.name()) {
            case "INVALID_URL", "UNSUPPORTED_PLATFORM", "UNSUPPORTED_CONTENT" -> 2;
            case "AUTH_REQUIRED", "AUTH_FAILED" -> 3;
            case "RATE_LIMITED", "QUOTA_EXCEEDED", "QUEUE_FULL" -> 4;
            case "NOT_FOUND", "PRIVATE_CONTENT", "COMMENTS_DISABLED" -> 5;
            default -> 1;
        };

        assertThat(reporter.failure(ExportException.of(code, "it failed"), new CommonOptions())).isEqualTo(expected);
        assertThat(err.toString()).startsWith("error [" + code + "]: it failed");
    }

    @Test
    void aCheckpointedFailureSaysHowToResume() {
        ExportException failure = ExportException.of(ErrorCode.NETWORK, "Connection reset.")
                .withCheckpoint(checkpoint(Path.of("/data/comments.csv")));

        int exitCode = reporter.failure(failure, new CommonOptions());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("error [NETWORK]: Connection reset.")
                .contains("resume with: starexport export --resume /data/comments.csv.checkpoint.json --sandbox");
    }

    @Test
    void jsonDetailCarriesCheckpointAndRetryAfter() throws Exception {
        CommonOptions json = new CommonOptions();
        json.json = true;
        reporter.failure(ExportException.rateLimited("Slow down.", Duration.ofSeconds(90)), json);
        JsonNode rateLimited = new ObjectMapper().readTree(out.toString());
        out.getBuffer().setLength(0);
        reporter.failure(ExportException.of(ErrorCode.CANCELLED, "The export was cancelled.")
                .withCheckpoint(checkpoint(Path.of("/data/c.csv"))), json);
        JsonNode cancelled = new ObjectMapper().readTree(out.toString());

        assertThat(rateLimited.get("ok").asBoolean()).isFalse();
        assertThat(rateLimited.get("error_code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(rateLimited.get("detail").get("retry_after_seconds").asLong()).isEqualTo(90);
        assertThat(cancelled.get("detail").get("checkpoint").asText()).isEqualTo("/data/c.csv.checkpoint.json");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void unexpectedFailuresAreInternalWithoutStackTraceUnlessDebugging() {
        CommonOptions debug = new CommonOptions();
        debug.debug = true;

        assertThat(reporter.failure(new NullPointerException("boom"), new CommonOptions())).isEqualTo(1);
        assertThat(err.toString()).startsWith("error [INTERNAL]: unexpected java.lang.NullPointerException: boom")
                .doesNotContain("\tat ");
        reporter.failure(new NullPointerException("boom"), debug);
        assertThat(err.toString()).contains("\tat ");
    }

    private static Checkpoint checkpoint(Path file) {
        ExportRequest request = ExportRequest.builder("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
                .content(Content.COMMENTS).sandbox(true).to(file, "csv").build();
        return new Checkpoint(request, Optional.of("cursor"), 100,
                List.of(new Checkpoint.Output(file, Path.of(file + ".partial"), "csv", 1234)),
                Instant.parse("2026-01-01T00:00:00Z"));
    }
}
