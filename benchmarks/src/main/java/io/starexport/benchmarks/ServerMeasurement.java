package io.starexport.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.starexport.StarExport;
import io.starexport.platform.youtube.YouTubePlatform;
import io.starexport.server.StarExportServer;
import io.starexport.server.Tokens;
import io.starexport.writer.csv.CsvFormat;
import io.starexport.writer.json.JsonFormat;
import io.starexport.writer.xlsx.XlsxFormat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The self-hosted server under load: {@value #CLIENTS} clients on loopback, each creating a sandbox job with
 * ExportComments' {@code POST /api/v3/job} and polling {@code GET /api/v3/job/{guid}} until it is done, then the
 * next, for a fixed time. Requests/s counts every answered request; p99 is the 99th percentile of their
 * latencies within a run. The server is embedded, with its defaults (xlsx and json files for every job) and a
 * fresh directory per run; jobs are sandbox jobs of {@value #LIMIT} comments, so the figure is the server's and
 * the job executor's, not a platform's.
 */
final class ServerMeasurement implements Measurement {
    static final int CLIENTS = 8;
    static final int LIMIT = 20;
    private static final String VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String id() {
        return "server";
    }

    @Override
    public List<Row> run(Settings settings) throws Exception {
        Duration length = settings.pick(Duration.ofSeconds(5), Duration.ofSeconds(15));
        List<Double> rates = new ArrayList<>();
        List<Double> p99s = new ArrayList<>();
        List<Double> jobRates = new ArrayList<>();
        try (StarExport engine = StarExport.builder().discovery(false).platform(new YouTubePlatform())
                .format(new XlsxFormat()).format(new JsonFormat()).format(new CsvFormat()).environment(Map.of()).build()) {
            for (int run = -1; run < settings.runs(); run++) {
                Path dir = Files.createDirectories(settings.scratch().resolve("server-" + (run + 1)));
                String token = Tokens.open(dir).create("benchmark").secret();
                try (StarExportServer server = StarExportServer.builder().engine(engine).directory(dir).port(0)
                        .sandbox(true).build().start()) {
                    Load load = load("http://127.0.0.1:" + server.port(), token, length);
                    if (run >= 0) { // run -1 warms up
                        rates.add(load.requests() / load.seconds());
                        jobRates.add(load.jobs() / load.seconds());
                        p99s.add(load.p99Millis());
                    }
                }
            }
        }
        Stats rate = Stats.of(rates);
        Stats p99 = Stats.of(p99s);
        Stats jobs = Stats.of(jobRates);
        return List.of(new Row("Server: " + CLIENTS + " clients creating and polling sandbox jobs on loopback",
                Row.figures("server.requests_per_s", rate.toJson(), "server.p99_ms", p99.toJson(),
                        "server.jobs_per_s", jobs.toJson()),
                rate.format() + " requests/s, p99 " + p99.format() + " ms", "—", "—", "reported",
                Row.Met.NOT_APPLICABLE,
                jobs.format() + " jobs/s done (each " + LIMIT + " sandbox comments, written as xlsx and json); "
                        + Stats.number(length.toSeconds()) + " s per run; clients poll without pause, so requests/s "
                        + "is the server's capacity on this machine, the clients sharing its cores"));
    }

    private record Load(long requests, long jobs, double seconds, double p99Millis) {
    }

    private static Load load(String base, String token, Duration length) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                results.add(clients.submit(() -> client(http, base, token, end)));
            }
            List<Long> latencies = new ArrayList<>();
            long jobs = 0;
            for (Future<long[]> result : results) {
                long[] values = result.get();
                jobs += values[0];
                for (int i = 1; i < values.length; i++) {
                    latencies.add(values[i]);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Collections.sort(latencies);
            double p99 = latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1) / 1e6;
            return new Load(latencies.size(), jobs, seconds, p99);
        } finally {
            clients.shutdownNow();
        }
    }

    /** One client's loop; returns the jobs it saw done, then each request's latency in nanoseconds. */
    private static long[] client(HttpClient http, String base, String token, long end) throws Exception {
        List<Long> latencies = new ArrayList<>();
        long jobs = 0;
        String body = "{\"url\": \"" + VIDEO + "\", \"options\": {\"limit\": " + LIMIT + "}}";
        while (System.nanoTime() < end) {
            JsonNode created = send(http, request(base + "/api/v3/job", token)
                    .POST(HttpRequest.BodyPublishers.ofString(body)), latencies);
            String guid = created.path("guid").asText();
            if (guid.isEmpty()) {
                throw new IllegalStateException("POST /api/v3/job answered " + created);
            }
            while (System.nanoTime() < end) {
                String status = send(http, request(base + "/api/v3/job/" + guid, token).GET(), latencies)
                        .path("status").asText();
                if (status.equals("done")) {
                    jobs++;
                    break;
                }
                if (!status.equals("queueing") && !status.equals("progress")) {
                    throw new IllegalStateException("job " + guid + " ended " + status);
                }
            }
        }
        long[] values = new long[latencies.size() + 1];
        values[0] = jobs;
        for (int i = 0; i < latencies.size(); i++) {
            values[i + 1] = latencies.get(i);
        }
        return values;
    }

    private static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("X-AUTH-TOKEN", token)
                .header("X-Sandbox", "true").header("Content-Type", "application/json");
    }

    private static JsonNode send(HttpClient http, HttpRequest.Builder request, List<Long> latencies) throws Exception {
        long sent = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        latencies.add(System.nanoTime() - sent);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.build().uri().getPath() + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
