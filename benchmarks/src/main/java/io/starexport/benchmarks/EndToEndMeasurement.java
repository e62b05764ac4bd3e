package io.starexport.benchmarks;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.starexport.StarExport;
import io.starexport.api.ExportResult;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * (3) End to end: the full engine exporting paged comments from the loopback server to a JSONL file,
 * against a bare OkHttp + Jackson loop that fetches the same pages and writes the same fields. Runs
 * alternate engine and bare, and each run's ratio is taken against its neighbour, so both see the same
 * machine load.
 */
final class EndToEndMeasurement implements Measurement {
    private static final int WARM_UP_PAIRS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    @Override
    public String id() {
        return "e2e";
    }

    @Override
    public List<Row> run(Settings settings) throws Exception {
        int pages = settings.pick(200, 500);
        int runs = settings.pick(5, 10);
        long warmUpNanos = Duration.ofSeconds(settings.pick(5, 15)).toNanos();
        long items = (long) pages * LoopbackServer.ITEMS_PER_PAGE;
        List<Double> engine = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        OkHttpClient client = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(60)).build();
        try (LoopbackServer server = LoopbackServer.start(pages, Duration.ZERO);
             StarExport star = Engines.loopback(server)) {
            // Warm-up pairs until the JIT has settled (measured: the first runs are 3-5 times slower): at least
            // WARM_UP_PAIRS of them and warmUpNanos of time, since on a busy machine the JIT gets less CPU.
            long warmUpEnd = System.nanoTime() + warmUpNanos;
            for (int run = 0; engine.size() < runs; run++) {
                Path engineFile = settings.scratch().resolve("e2e-engine-" + run + ".jsonl");
                Path bareFile = settings.scratch().resolve("e2e-bare-" + run + ".jsonl");
                double engineRate = items / seconds(() -> exportWithEngine(star, engineFile, items));
                double bareRate = items / seconds(() -> exportBare(client, server.baseUrl(), bareFile, items));
                Files.deleteIfExists(engineFile);
                Files.deleteIfExists(bareFile);
                if (run >= WARM_UP_PAIRS && System.nanoTime() >= warmUpEnd) {
                    engine.add(engineRate);
                    bare.add(bareRate);
                }
            }
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
        Stats engineStats = Stats.of(engine);
        Stats bareStats = Stats.of(bare);
        Stats ratio = Stats.ratios(engine, bare);
        return List.of(new Row("End to end, loopback, no added latency",
                Row.figures("e2e.items_per_s", engineStats.toJson(), "e2e.ratio_vs_bare", ratio.toJson()),
                engineStats.format() + " items/s",
                "bare OkHttp + Jackson loop: " + bareStats.format() + " items/s",
                ratio.format(), "≥ 0.8", Row.Met.of(ratio.median() >= 0.8),
                pages + " pages of " + LoopbackServer.ITEMS_PER_PAGE + " comments, one export, written to JSONL; "
                        + "warm-up runs first (at least " + WARM_UP_PAIRS + " pairs and "
                        + Duration.ofNanos(warmUpNanos).toSeconds() + " s)"));
    }

    private static void exportWithEngine(StarExport star, Path file, long expected) {
        ExportResult result = star.export(LoopbackPlatform.url("p1")).comments().to(file).run();
        if (result.items() != expected) {
            throw new IllegalStateException("the engine exported " + result.items() + " items, expected " + expected);
        }
    }

    /** What a person would write by hand: fetch, readTree, write the same fields as the engine's JSONL. */
    private static void exportBare(OkHttpClient client, String baseUrl, Path file, long expected) throws IOException {
        long written = 0;
        HttpUrl comments = HttpUrl.get(baseUrl + "/v1/comments");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
             JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            String cursor = null;
            do {
                HttpUrl.Builder url = comments.newBuilder().addQueryParameter("post", "p1");
                if (cursor != null) {
                    url.addQueryParameter("cursor", cursor);
                }
                JsonNode data;
                try (Response response = client.newCall(new Request.Builder().url(url.build()).build()).execute()) {
                    if (!response.isSuccessful()) {
                        throw new IOException("status " + response.code());
                    }
                    data = JSON.readTree(response.body().byteStream()).path("data");
                }
                for (JsonNode item : data.path("items")) {
                    writeLine(json, item);
                    written++;
                }
                cursor = data.hasNonNull("next") ? data.get("next").asText() : null;
            } while (cursor != null);
        }
        if (written != expected) {
            throw new IllegalStateException("the bare loop wrote " + written + " items, expected " + expected);
        }
    }

    private static void writeLine(JsonGenerator json, JsonNode item) throws IOException {
        json.writeStartObject();
        json.writeStringField("platform", LoopbackPlatform.ID);
        json.writeStringField("id", item.path("id").asText());
        json.writeStringField("createdAt", item.path("created").asText());
        json.writeBooleanField("createdAtApproximate", false);
        json.writeObjectFieldStart("author");
        json.writeStringField("handle", item.path("author").asText());
        json.writeBooleanField("verified", false);
        json.writeEndObject();
        json.writeStringField("postId", "p1");
        boolean reply = item.hasNonNull("parent");
        if (reply) {
            json.writeStringField("parentId", item.get("parent").asText());
        }
        json.writeNumberField("depth", reply ? 1 : 0);
        json.writeStringField("text", item.path("text").asText());
        json.writeNumberField("likeCount", item.path("likes").asLong());
        json.writeBooleanField("pinned", false);
        json.writeBooleanField("edited", false);
        json.writeObjectFieldStart("extras");
        json.writeEndObject();
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /** Wall-clock seconds of one action. */
    static double seconds(Action action) throws Exception {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1e9;
    }

    /** A timed action. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }
}
