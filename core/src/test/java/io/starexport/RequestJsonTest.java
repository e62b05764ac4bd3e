package io.starexport;

import io.starexport.api.Checkpoint;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.ExportRequest;
import io.starexport.api.Sort;
import io.starexport.media.MediaOptions;
import io.starexport.media.Quality;
import io.starexport.spi.RateLimit;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one JSON form of a request and a checkpoint: round trips, old checkpoints, and clear refusals. */
class RequestJsonTest {
    private static final ExportRequest FULL = ExportRequest.builder("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
            .content(Content.COMMENTS).replies(true).sort(Sort.NEWEST).limit(500)
            .since(Instant.parse("2025-01-01T00:00:00Z")).until(Instant.parse("2026-01-01T00:00:00Z"))
            .outputs(List.of(new ExportRequest.Output(Path.of("/data/comments.csv"), Optional.of("csv"),
                            Map.of("byteOrderMark", "true", "formulaProtection", "false")),
                    ExportRequest.Output.of(Path.of("/data/comments.jsonl"))))
            .downloadMedia(MediaOptions.builder(Path.of("/data/media")).quality(Quality.maxHeight(720))
                    .concurrency(2).rateLimit(RateLimit.perSecond(3)).maxFileSize(1_000_000)
                    .contentTypes(List.of("image/*")).extraHosts(Set.of("cdn.example.com")).naming("{id}.{ext}")
                    .build())
            .sandbox(true).credentials("brand-b").proxy("residential").enrich("langid").enrich("vader")
            .build();

    @Test
    void everySettingSurvivesTheRoundTrip() {
        String json = RequestJson.write(FULL);

        assertThat(RequestJson.readRequest(json)).isEqualTo(FULL);
        assertThat(RequestJson.readRequest(json).hashCode()).isEqualTo(FULL.hashCode());
    }

    @Test
    void aRequestWithOnlyAUrlIsASmallDocument() {
        ExportRequest plain = ExportRequest.builder("https://redd.it/abc123").build();

        String json = RequestJson.write(plain);

        assertThat(json).contains("\"version\" : 2", "\"url\" : \"https://redd.it/abc123\"")
                .doesNotContain("replies", "sandbox", "outputs", "media", "enrich");
        assertThat(RequestJson.readRequest(json)).isEqualTo(plain);
    }

    @Test
    void requestsThatDifferInOneSettingAreNotEqual() {
        assertThat(FULL.toBuilder().build()).isEqualTo(FULL);
        assertThat(FULL.toBuilder().limit(501).build()).isNotEqualTo(FULL);
        assertThat(FULL.toBuilder().sandbox(false).build()).isNotEqualTo(FULL);
        assertThat(FULL.toBuilder().enrichers(List.of("vader", "langid")).build()).isNotEqualTo(FULL);
        assertThat(FULL.toBuilder().outputs(List.of(new ExportRequest.Output(Path.of("/data/comments.csv"),
                Optional.of("csv"), Map.of("byteOrderMark", "true")))).build()).isNotEqualTo(FULL);
    }

    @Test
    void aCheckpointCarriesItsRequest() {
        Checkpoint checkpoint = new Checkpoint(FULL, Optional.of("cursor-2"), 200,
                List.of(new Checkpoint.Output(Path.of("/data/comments.csv"), Path.of("/data/comments.csv.partial"),
                        "csv", 4096)), Instant.parse("2026-12-07T10:00:00Z"));

        Checkpoint read = RequestJson.readCheckpoint(RequestJson.write(checkpoint));

        assertThat(read).isEqualTo(checkpoint);
    }

    /** The flat form this library wrote before requests existed (checkpoint version 1). */
    @Test
    void aVersionOneCheckpointStillResumes() {
        String v1 = """
                {"version":1,"url":"https://www.reddit.com/r/java/comments/abc123/","content":"COMMENTS",
                 "replies":true,"sort":"NEWEST","limit":50,"since":null,"until":"2026-01-01T00:00:00Z",
                 "sandbox":false,"formulaProtection":false,"cursor":"c-9","items":42,
                 "outputs":[{"file":"/out/t.csv","partialFile":"/out/t.csv.partial","format":"csv","bytes":777},
                            {"file":"/out/t.jsonl","partialFile":"/out/t.jsonl.partial","format":"jsonl","bytes":99}],
                 "savedAt":"2026-11-30T12:00:00Z"}""";

        Checkpoint read = RequestJson.readCheckpoint(v1);

        ExportRequest request = read.request();
        assertThat(request.url()).isEqualTo("https://www.reddit.com/r/java/comments/abc123/");
        assertThat(request.content()).contains(Content.COMMENTS);
        assertThat(request.replies()).isTrue();
        assertThat(request.limit()).hasValue(50);
        assertThat(request.until()).contains(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(request.outputs()).containsExactly(
                new ExportRequest.Output(Path.of("/out/t.csv"), Optional.of("csv"), Map.of("formulaProtection", "false")),
                new ExportRequest.Output(Path.of("/out/t.jsonl"), Optional.of("jsonl"), Map.of()));
        assertThat(read.cursor()).contains("c-9");
        assertThat(read.items()).isEqualTo(42);
        assertThat(read.outputs()).extracting(Checkpoint.Output::bytes).containsExactly(777L, 99L);
    }

    @Test
    void enrichersAreWrittenInTheirOrder() {
        assertThat(RequestJson.write(FULL).replaceAll("\\s", "")).contains("\"enrich\":[\"langid\",\"vader\"]");
    }

    /** The request document before enrichers (request version 1), as job stores and schedules kept it. */
    @Test
    void aVersionOneRequestStillReads() {
        String v1 = """
                {"version":1,"url":"https://redd.it/abc123","content":"COMMENTS","limit":5,
                 "outputs":[{"file":"/out/t.csv","format":"csv","options":{"byteOrderMark":"true"}}],
                 "credentials":"brand-b"}""";

        ExportRequest read = RequestJson.readRequest(v1);

        assertThat(read).isEqualTo(ExportRequest.builder("https://redd.it/abc123").content(Content.COMMENTS).limit(5)
                .outputs(List.of(new ExportRequest.Output(Path.of("/out/t.csv"), Optional.of("csv"),
                        Map.of("byteOrderMark", "true")))).credentials("brand-b").build());
        assertThat(read.enrichers()).isEmpty();
    }

    @Test
    void aNewerRequestIsRefusedNamingItsVersion() {
        assertThatThrownBy(() -> RequestJson.readRequest("{\"version\":3,\"url\":\"https://redd.it/abc123\"}"))
                .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTPUT))
                .hasMessageContaining("version 3").hasMessageContaining("update Star Export");
    }

    @Test
    void aNewerCheckpointIsRefusedNamingItsVersion() {
        assertThatThrownBy(() -> RequestJson.readCheckpoint("{\"version\":7,\"request\":{}}"))
                .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTPUT))
                .hasMessageContaining("version 7").hasMessageContaining("update Star Export");
    }

    @Test
    void aFieldThisVersionDoesNotKnowIsRefusedRatherThanDropped() {
        String json = RequestJson.write(FULL).replace("\"sandbox\" : true", "\"sandbox\" : true, \"watermark\" : \"x\"");

        assertThatThrownBy(() -> RequestJson.readRequest(json))
                .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTPUT))
                .hasMessageContaining("'watermark'");
    }

    @Test
    void damagedDocumentsAreOutputErrorsThatSayWhatToDo() {
        assertThatThrownBy(() -> RequestJson.readCheckpoint("{\"version\":2,\"request\":"))
                .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTPUT))
                .hasMessageContaining("not valid JSON").hasMessageContaining("start the export again");
        assertThatThrownBy(() -> RequestJson.readCheckpoint("{\"version\":2,\"items\":3}"))
                .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTPUT))
                .hasMessageContaining("'request' is missing");
    }

    @Test
    void toStringMasksSecretsTheUrlCarries() {
        ExportRequest request = ExportRequest.builder("https://example.com/posts/1?access_token=SECRET123&x=1").build();

        assertThat(request.toString()).doesNotContain("SECRET123").contains("example.com/posts/1");
    }

    @Test
    void credentialSetsAndProxiesTravelByNameOnly() {
        assertThat(RequestJson.write(FULL)).contains("\"credentials\" : \"brand-b\"", "\"proxy\" : \"residential\"");
    }
}
