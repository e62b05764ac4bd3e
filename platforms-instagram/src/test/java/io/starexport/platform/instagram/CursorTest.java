package io.starexport.platform.instagram;

import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cursors survive a restart: what is encoded decodes to the same position; foreign strings are refused. */
class CursorTest {

    @Test
    void roundTripsAPositionWithPendingThreads() {
        Cursor cursor = new Cursor("2317006284167526179", new Cursor.Next("min_id",
                "{\"cached_comments_cursor\": \"18004392299258417\", \"bifilter_token\": \"KD8B\"}"), false,
                List.of(new Cursor.Thread("18065401537979605", null), new Cursor.Thread("18065401537979606",
                        new Cursor.Next("max_id", "QVFCZ3R4"))));
        String encoded = cursor.encode();
        assertThat(encoded).matches("[A-Za-z0-9._-]+");
        assertThat(Cursor.decode(encoded)).isEqualTo(cursor);
    }

    @Test
    void roundTripsTheOtherDirectionStillToRead() {
        Cursor cursor = new Cursor("2317006284167526179", new Cursor.Next("min_id", "HEAD"), new Cursor.Next("max_id", "TAIL"),
                false, List.of());
        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(Cursor.decode(new Cursor("1", new Cursor.Next("min_id", "HEAD"), false, List.of()).encode()).then()).isNull();
    }

    @Test
    void aFinishedListWithNoThreadsIsFinished() {
        assertThat(new Cursor("1", null, true, List.of()).finished()).isTrue();
        assertThat(new Cursor("1", null, true, List.of(new Cursor.Thread("2", null))).finished()).isFalse();
        assertThat(Cursor.decode(new Cursor("1", null, true, List.of()).encode()).done()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"c3", "not base64 !", "W10", "eyJ2IjoyfQ"})
    void refusesCursorsItDidNotWrite(String cursor) {
        assertThatThrownBy(() -> Cursor.decode(cursor)).isInstanceOfSatisfying(ExportException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTPUT));
    }
}
