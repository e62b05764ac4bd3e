package io.starexport.platform.reddit;

import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cursors survive a restart as they were, and a damaged one is refused with a clear error. */
class CursorTest {
    @Test
    void aCommentCursorCarriesThePostTheTotalAndEveryPendingStub() {
        CommentExtractor.State state = new CommentExtractor.State("3hahrw", 543, List.of(
                new CommentExtractor.Work("t1_cu61zil", 10, List.of()),
                new CommentExtractor.Work("t3_3hahrw", 0, List.of("cu5tt8h", "cu5v9yd"))));
        String cursor = state.encode();
        assertThat(cursor).startsWith("comments.1.").matches("[A-Za-z0-9._-]+");
        assertThat(CommentExtractor.State.decode(cursor)).isEqualTo(state);
    }

    /**
     * Big threads hold {@code more} stubs listing thousands of ids (a recorded one holds 4,000+); checking such a
     * cursor must not recurse once per id.
     */
    @Test
    void largeMoreStubCursorRoundTripsWithoutStackOverflow() {
        List<String> ids = java.util.stream.IntStream.range(0, 20_000).mapToObj(i -> Integer.toString(i + 1_000_000, 36)).toList();
        CommentExtractor.State state = new CommentExtractor.State("3hahrw", 25_000, List.of(
                new CommentExtractor.Work("t3_3hahrw", 0, ids)));
        assertThat(CommentExtractor.State.decode(state.encode())).isEqualTo(state);
    }

    @Test
    void aListingCursorIsCountAndAfter() {
        String cursor = new ListingCursor(100, "t3_1skbyfv").encode();
        assertThat(cursor).startsWith("listing.1.");
        assertThat(ListingCursor.decode(cursor)).isEqualTo(new ListingCursor(100, "t3_1skbyfv"));
    }

    /** Cursors written before the platform kit ({@code <count>:<after>}, bare base64url JSON) are refused clearly. */
    @Test
    void cursorsWrittenBeforeTheyHadVersionsAreRefusedWithWhatToDo() {
        String oldComments = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"v\":1,\"l\":\"3hahrw\",\"t\":543,\"q\":[]}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ListingCursor.decode("100:t3_1skbyfv")).isInstanceOfSatisfying(ExportException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.OUTPUT);
            assertThat(e.getMessage()).contains("has no version", "Start the export again without the checkpoint");
        });
        assertThatThrownBy(() -> CommentExtractor.State.decode(oldComments)).isInstanceOfSatisfying(ExportException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.OUTPUT);
            assertThat(e.getMessage()).contains("has no version", "Start the export again without the checkpoint");
        });
    }

    /**
     * The last page has {@code after: null}; an empty page or one that hands back the {@code after} it was
     * asked with ends the listing too, rather than asking for the same page forever (synthetic, reference §1.3).
     */
    @Test
    void aListingEndsOnItsLastPageAnEmptyPageOrARepeatedAfter() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        ListingCursor at = new ListingCursor(100, "t3_aaa");
        String page = "{\"kind\": \"Listing\", \"data\": {\"after\": %s, \"children\": [%s]}}";
        String child = "{\"kind\": \"t3\", \"data\": {\"id\": \"bbb\"}}";
        assertThat(at.next(json.readTree(page.formatted("\"t3_bbb\"", child)))).contains(new ListingCursor(101, "t3_bbb"));
        assertThat(at.next(json.readTree(page.formatted("null", child)))).isEmpty();
        assertThat(at.next(json.readTree(page.formatted("\"t3_ccc\"", "")))).isEmpty();
        assertThat(at.next(json.readTree(page.formatted("\"t3_aaa\"", child)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64 !", "comments.1.!!", "comments.1.e30", "{\"l\":\"../x\",\"q\":[]}",
            "{\"l\":\"abc\",\"q\":[[\"t1_a/b\",1]]}", "{\"l\":\"abc\",\"q\":[[\"t1_ab\",1,\"x,../y\"]]}"})
    void aDamagedCommentCursorIsRefused(String raw) {
        String cursor = raw.startsWith("{")
                ? "comments.1." + Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8)) : raw;
        assertThatThrownBy(() -> CommentExtractor.State.decode(cursor)).isInstanceOfSatisfying(ExportException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTPUT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"t3_abc", "listing.1.!!", "{\"c\":\"x\",\"a\":\"t3_abc\"}", "{\"c\":100,\"a\":\"../r/x\"}",
            "{\"c\":100}"})
    void aDamagedListingCursorIsRefused(String raw) {
        String cursor = raw.startsWith("{")
                ? "listing.1." + Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8)) : raw;
        assertThatThrownBy(() -> ListingCursor.decode(cursor)).isInstanceOfSatisfying(ExportException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTPUT));
    }
}
