package io.starexport.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.starexport.RetryPolicy;
import io.starexport.StarExport;
import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.ExportResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each scripted failure makes the real engine do what a host relies on: retry, wait, fail with a code, resume. */
@ResourceLock(LeakCheckTest.STANDALONE_CHECKS)
class FakePlatformTest {
    private static final RetryPolicy FAST = RetryPolicy.ofDefaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(10));

    @TempDir
    Path dir;

    private final LeakCheck leaks = LeakCheck.start();
    private FakePlatform fake;

    @BeforeEach
    void startFake() {
        fake = FakePlatform.start().post("p1", 25);
    }

    @AfterEach
    void noLeaks() {
        try {
            leaks.assertNoLeaks(fake);
        } finally {
            fake.close();
        }
    }

    private StarExport engine(RetryPolicy retryPolicy) {
        return StarExport.builder().platform(fake).environment(Map.of()).retryPolicy(retryPolicy).build();
    }

    private List<String> exportIds(RetryPolicy retryPolicy) {
        try (StarExport star = engine(retryPolicy); Stream<Comment> comments = star.export(fake.url("p1")).comments().stream()) {
            return comments.map(Comment::id).toList();
        }
    }

    private static List<String> ids(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "c" + i).toList();
    }

    private List<Optional<String>> cursorsRequested() {
        return fake.requests("p1").stream().map(r -> r.query("cursor")).toList();
    }

    @Test
    void servesEveryPageThroughTheEngine() {
        assertThat(exportIds(FAST)).isEqualTo(ids(1, 25));
        assertThat(cursorsRequested()).containsExactly(Optional.empty(), Optional.of("2"), Optional.of("3"));
    }

    @Test
    void servesTheGivenCommentsWithTheirFields() {
        Comment parent = Comment.builder().platform("x").id("a").postId("p2").text("Top | level, \"quoted\"")
                .author(Author.builder().handle("ada").build()).createdAt(Instant.parse("2024-05-01T10:00:00Z"))
                .likeCount(7L).build();
        Comment reply = Comment.builder().platform("x").id("b").postId("p2").text("A reply").parentId("a").build();
        fake.post("p2", List.of(List.of(parent), List.of(reply)));
        try (StarExport star = engine(FAST)) {
            List<Comment> comments = star.export(fake.url("p2")).comments().replies(true).stream().toList();
            assertThat(comments).extracting(Comment::id, Comment::text, Comment::parentId).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("a", "Top | level, \"quoted\"", Optional.empty()),
                    org.assertj.core.groups.Tuple.tuple("b", "A reply", Optional.of("a")));
            assertThat(comments.get(0).author().flatMap(Author::handle)).contains("ada");
            assertThat(comments.get(0).createdAt()).contains(Instant.parse("2024-05-01T10:00:00Z"));
            assertThat(comments.get(0).likeCount()).hasValue(7);
            assertThat(comments).allSatisfy(c -> assertThat(c.platform()).isEqualTo(FakePlatform.ID));
        }
    }

    @Test
    void retriesServerErrorsAndResetsThenSucceeds() {
        fake.failPage("p1", 2, Failure.status(503), Failure.connectionReset(), Failure.status(502));

        assertThat(exportIds(FAST)).isEqualTo(ids(1, 25));
        assertThat(cursorsRequested()).containsExactly(Optional.empty(),
                Optional.of("2"), Optional.of("2"), Optional.of("2"), Optional.of("2"), Optional.of("3"));
    }

    @Test
    void waitsForRetryAfterThenSucceeds() {
        fake.failPage("p1", 1, Failure.tooManyRequests(Duration.ofSeconds(1)));

        assertThat(exportIds(FAST)).isEqualTo(ids(1, 25));
        assertThat(fake.requests("p1")).hasSize(4);
    }

    @Test
    void failsWithRateLimitedWhenAttemptsRunOut() {
        fake.failPage("p1", 1, Failure.tooManyRequests(), Failure.tooManyRequests());

        ExportException failure = catchThrowableOfType(ExportException.class, () -> exportIds(FAST.withMaxAttempts(2)));

        assertThat(failure.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(failure.getMessage()).contains("HTTP 429", "after 2 attempts");
        assertThat(fake.requests("p1")).hasSize(2);
    }

    @Test
    void failsWithRateLimitedAndTheWaitWhenRetryAfterIsTooLong() {
        fake.failPage("p1", 1, Failure.tooManyRequests(Duration.ofMinutes(10)));

        ExportException failure = catchThrowableOfType(ExportException.class, () -> exportIds(FAST));

        assertThat(failure.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofMinutes(10));
        assertThat(fake.requests("p1")).hasSize(1);
    }

    @Test
    void failsWithNetworkWhenServerErrorsOutlastTheRetries() {
        fake.failPage("p1", 1, Failure.status(503), Failure.status(503), Failure.status(503));

        ExportException failure = catchThrowableOfType(ExportException.class, () -> exportIds(FAST.withMaxAttempts(3)));

        assertThat(failure.code()).isEqualTo(ErrorCode.NETWORK);
        assertThat(failure.getMessage()).contains("HTTP 503", "after 3 attempts");
    }

    @Test
    void failsWithNetworkWhenResetsOutlastTheRetries() {
        fake.failPage("p1", 1, Failure.connectionReset(), Failure.connectionReset());

        ExportException failure = catchThrowableOfType(ExportException.class, () -> exportIds(FAST.withMaxAttempts(2)));

        assertThat(failure.code()).isEqualTo(ErrorCode.NETWORK);
        assertThat(failure.getMessage()).contains("after 2 attempts");
    }

    @Test
    void reportsSchemaDriftAsPlatformChangedWithoutRetrying() {
        fake.failPage("p1", 2, Failure.schemaDrift());

        ExportException failure = catchThrowableOfType(ExportException.class, () -> exportIds(FAST));

        assertThat(failure.code()).isEqualTo(ErrorCode.PLATFORM_CHANGED);
        assertThat(failure.getMessage()).contains("'comments'");
        assertThat(cursorsRequested()).containsExactly(Optional.empty(), Optional.of("2"));
    }

    @Test
    void mapsClientErrorsToTheirCodes() {
        fake.failPage("p1", 1, Failure.status(403));
        ExportException privatePost = catchThrowableOfType(ExportException.class, () -> exportIds(FAST));
        ExportException unknownPost;
        try (StarExport star = engine(FAST)) {
            unknownPost = catchThrowableOfType(ExportException.class,
                    () -> star.export(fake.url("nope")).comments().stream().toList());
        }

        assertThat(privatePost.code()).isEqualTo(ErrorCode.PRIVATE_CONTENT);
        assertThat(unknownPost.code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void resumesFromTheCheckpointWithoutDuplicatesOrGaps() throws IOException {
        fake.failPage("p1", 3, Failure.status(503), Failure.status(503));
        Path out = dir.resolve("p1.jsonl");

        try (StarExport star = engine(FAST.withMaxAttempts(2))) {
            ExportException failure = catchThrowableOfType(ExportException.class,
                    () -> star.export(fake.url("p1")).comments().to(out).run());
            assertThat(failure.code()).isEqualTo(ErrorCode.NETWORK);
            assertThat(failure.checkpoint()).isPresent();

            ExportResult result = star.resume(failure.checkpoint().get()).run();
            assertThat(result.items()).isEqualTo(25);
        }

        List<String> written = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(out)) {
            JsonNode node = json.readTree(line);
            written.add(node.get("id").asText());
        }
        assertThat(written).isEqualTo(ids(1, 25));
        assertThat(cursorsRequested()).containsExactly(Optional.empty(), Optional.of("2"), Optional.of("3"),
                Optional.of("3"), Optional.of("3"));
    }
}
