package io.starexport.kit;

import com.fasterxml.jackson.databind.JsonNode;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bodies and values in the mixed shapes platforms send. The listing body is synthetic, shaped like Reddit's
 * {@code /comments/{id}.json} Listing (https://www.reddit.com/dev/api/#GET_comments_{article}).
 */
class JsonTest {
    private static final JsonNode LISTING = Json.parse("reddit", """
            {"kind": "Listing", "data": {"after": null, "children": [
              {"kind": "t1", "data": {"id": "abc", "score": "12", "created_utc": 1700000000.0, "stickied": 1}}
            ]}}""", "GET /comments/abc.json");

    @Test
    void followsDottedPathsWithArrayIndexes() {
        assertThat(Json.requireText("reddit", LISTING, "data.children[0].data.id")).isEqualTo("abc");
        assertThat(Json.requireArray("reddit", LISTING, "data.children")).hasSize(1);
        assertThat(Json.at(LISTING, "data.children[3].data").isMissingNode()).isTrue();
    }

    @Test
    void aMissingRequiredValueNamesItsPath() {
        assertThatThrownBy(() -> Json.requireText("reddit", LISTING, "data.children[0].data.body"))
                .isInstanceOfSatisfying(ExportException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PLATFORM_CHANGED);
                    assertThat(e.getMessage()).contains("reddit", "'data.children[0].data.body'", "missing");
                });
    }

    @Test
    void aValueOfTheWrongTypeNamesItsPathAndWhatWasFound() {
        assertThatThrownBy(() -> Json.requireArray("reddit", LISTING, "data.children[0]"))
                .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.getMessage())
                        .contains("'data.children[0]'", "expected an array but found an object"));
        assertThatThrownBy(() -> Json.requireObject("reddit", LISTING, "data.after"))
                .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.getMessage()).contains("found null"));
    }

    @Test
    void aBodyThatIsNotJsonMeansThePlatformChanged() {
        assertThatThrownBy(() -> Json.parse("tiktok", "<html>blocked</html>".getBytes(StandardCharsets.UTF_8), "GET /api/comment/list/"))
                .isInstanceOfSatisfying(ExportException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PLATFORM_CHANGED);
                    assertThat(e.getMessage()).contains("tiktok", "'GET /api/comment/list/'", "not JSON");
                });
        assertThatThrownBy(() -> Json.parse("tiktok", new byte[0], "GET /api/comment/list/"))
                .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.getMessage()).contains("empty body"));
        assertThat(Json.parseOrNull("<html>".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void optionalReadersTolerateMixedShapes() {
        JsonNode data = Json.at(LISTING, "data.children[0].data");
        assertThat(Json.number(data, "score")).isEqualTo(12L);
        assertThat(Json.epochSeconds(data.get("created_utc"))).isEqualTo(Instant.ofEpochSecond(1_700_000_000));
        assertThat(Json.flag(data, "stickied")).isTrue();
        assertThat(Json.text(data, "score")).isEqualTo("12");
        assertThat(Json.text(data, "missing")).isNull();
        assertThat(Json.text(LISTING, "data")).isNull();
        assertThat(Json.count(Json.parse("x", "-1", "test"))).isNull();
        assertThat(Json.number(Json.parse("x", "\"twelve\"", "test"))).isNull();
        assertThat(Json.flag(Json.parse("x", "\"0\"", "test"))).isFalse();
    }
}
