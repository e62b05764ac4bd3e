package io.starexport.kit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cursors survive a checkpoint: what is encoded decodes to the same state; another kind or version is refused clearly. */
class CursorCodecTest {
    private static final CursorCodec COMMENTS = CursorCodec.of("youtube", "comments", 2);

    @Test
    void roundTripsAStateAsAUrlSafeString() {
        ObjectNode state = COMMENTS.newState().put("next", "Eg0SC0QtbGhvcnNEbFVRGAYyJSIRIgtELWxob3JzRGxVUTAAeAJCEGNvbW1lbnRzLXNlY3Rpb24=")
                .put("count", 100);
        state.putArray("queue").addObject().put("id", "UgxBig000000000000000000").put("token", "é/+?&");
        String cursor = COMMENTS.encode(state);
        assertThat(cursor).startsWith("comments.2.").matches("[A-Za-z0-9._-]+");
        assertThat(COMMENTS.decode(cursor)).isEqualTo(state);
    }

    @Test
    void refusesACursorOfAnotherVersionNamingBothAndWhatToDo() {
        String old = CursorCodec.of("youtube", "comments", 1).encode(COMMENTS.newState().put("next", "x"));
        assertThatThrownBy(() -> COMMENTS.decode(old)).isInstanceOfSatisfying(ExportException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.OUTPUT);
            assertThat(e.getMessage()).contains("youtube", "version 1", "reads version 2", "'comments'",
                    "Start the export again without the checkpoint");
        });
    }

    @Test
    void refusesACursorWrittenBeforeCursorsHadVersions() {
        // The shape the platforms wrote before the kit: base64url JSON with no kind or version in front.
        String unversioned = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"kind\":\"comments\",\"next\":\"\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> COMMENTS.decode(unversioned)).isInstanceOfSatisfying(ExportException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.OUTPUT);
            assertThat(e.getMessage()).contains("has no version", "reads version 2");
        });
    }

    @Test
    void refusesACursorOfAnotherKind() {
        String videos = CursorCodec.of("youtube", "videos", 2).encode(COMMENTS.newState());
        assertThatThrownBy(() -> COMMENTS.decode(videos)).isInstanceOfSatisfying(ExportException.class,
                e -> assertThat(e.getMessage()).contains("is a 'videos' cursor"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "comments.2.!!", "comments.2.W10", "comments.2.bm90IGpzb24", "comments.x.e30"})
    void refusesDamagedCursorsAsOutputErrors(String cursor) {
        assertThatThrownBy(() -> COMMENTS.decode(cursor)).isInstanceOfSatisfying(ExportException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTPUT));
    }

    @Test
    void kindsAreShortLowerCaseWords() {
        assertThatThrownBy(() -> CursorCodec.of("youtube", "Comments", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CursorCodec.of("youtube", "a.b", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CursorCodec.of("youtube", "comments", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
