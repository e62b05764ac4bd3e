package io.starexport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.api.Comment;
import io.starexport.api.Enrichments;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.ExportResult;
import io.starexport.api.Item;
import io.starexport.api.Language;
import io.starexport.api.Sentiment;
import io.starexport.spi.Enricher;
import io.starexport.spi.EnricherContext;
import io.starexport.spi.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.starexport.TestPages.URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The enrichment stage: a host's own enricher, order and merging, failures, resume, credentials and HTTP. */
class EnrichmentTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A host's enricher: the text's length as a custom value, and a score from the comment's number. */
    static final class CountingEnricher implements Enricher {
        private final String id;
        private final List<String> scored = Collections.synchronizedList(new ArrayList<>());
        private final Function<Integer, RuntimeException> failOnCall;
        private int calls;

        CountingEnricher(String id, Function<Integer, RuntimeException> failOnCall) {
            this.id = id;
            this.failOnCall = failOnCall;
        }

        CountingEnricher(String id) {
            this(id, call -> null);
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public List<Enrichments> enrich(List<Item> items, EnricherContext context) {
            RuntimeException failure = failOnCall.apply(++calls);
            if (failure != null) {
                throw failure;
            }
            List<Enrichments> found = new ArrayList<>();
            for (Item item : items) {
                scored.add(item.id());
                String text = ((Comment) item).text();
                found.add(Enrichments.NONE.withCustom("length", text.length())
                        .withSentiment(Sentiment.of(item.id().equals("c0") ? -0.5 : 0.25, id)));
            }
            return found;
        }
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    @Test
    void aHostEnrichersValuesReachTheJsonlAndCsvFiles() throws IOException {
        TestPages.threePages(server);
        CountingEnricher mine = new CountingEnricher("mine");
        try (StarExport star = TestPages.engine(server).enricher(mine).build()) {
            star.export(URL).comments().enrich("mine").to(dir.resolve("out.jsonl")).to(dir.resolve("out.csv")).run();
        }

        List<JsonNode> items = lines(dir.resolve("out.jsonl"));
        assertThat(items).hasSize(30);
        JsonNode first = items.get(0);
        assertThat(first.path("enrichments").path("length").asInt()).isEqualTo("comment 0".length());
        assertThat(first.path("sentiment").path("label").asText()).isEqualTo("negative");
        assertThat(first.path("sentiment").path("compound").asDouble()).isEqualTo(-0.5);
        assertThat(first.path("sentiment").path("provider").asText()).isEqualTo("mine");
        assertThat(items.get(1).path("sentiment").path("label").asText()).isEqualTo("positive");

        List<String> csv = Files.readAllLines(dir.resolve("out.csv"));
        assertThat(csv.get(0)).endsWith(",extras,sentiment.label,sentiment.compound,sentiment.positive,"
                + "sentiment.neutral,sentiment.negative,sentiment.provider,language.code,language.confidence,enrichments");
        assertThat(csv.get(1)).endsWith(",negative,-0.5,,,,mine,,,\"{\"\"length\"\":9}\"");
    }

    @Test
    void anExportWithoutEnrichersKeepsItsColumnsAndItemsUntouched() throws IOException {
        TestPages.threePages(server);
        CountingEnricher mine = new CountingEnricher("mine");
        try (StarExport star = TestPages.engine(server).enricher(mine).build()) {
            star.export(URL).comments().to(dir.resolve("out.jsonl")).to(dir.resolve("out.csv")).run();
        }

        assertThat(mine.scored).isEmpty();
        assertThat(Files.readAllLines(dir.resolve("out.csv")).get(0)).endsWith(",edited,extras");
        assertThat(lines(dir.resolve("out.jsonl")).get(0).has("sentiment")).isFalse();
    }

    @Test
    void enrichersRunInTheRequestsOrderAndTheLaterOneWins() {
        TestPages.threePages(server);
        Enricher language = new Enricher() {
            @Override
            public String id() {
                return "language";
            }

            @Override
            public List<Enrichments> enrich(List<Item> items, EnricherContext context) {
                return items.stream().map(item -> Enrichments.NONE.withLanguage(Language.of("de", 0.9))
                        .withSentiment(Sentiment.undetermined("language")).withCustom("length", -1)).toList();
            }
        };
        try (StarExport star = TestPages.engine(server).enricher(language).enricher(new CountingEnricher("mine")).build();
             var items = star.export(URL).comments().limit(3).enrich("language").enrich("mine").stream()) {
            Enrichments found = items.toList().get(2).enrichments();

            assertThat(found.language()).contains(Language.of("de", 0.9));
            assertThat(found.sentiment()).contains(Sentiment.of(0.25, "mine"));
            assertThat(found.custom()).containsExactly(Map.entry("length", "comment 2".length()));
        }
    }

    @Test
    void anUnknownEnricherFailsBeforeTheExportStartsNamingTheInstalledOnes() {
        try (StarExport star = TestPages.engine(server).enricher(new CountingEnricher("mine")).build()) {
            assertThatThrownBy(() -> star.export(URL).comments().sentiment().to(dir.resolve("out.jsonl")).run())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no enricher 'vader' is installed").hasMessageContaining("[mine]");
        }
        assertThat(dir.resolve("out.jsonl")).doesNotExist();
    }

    @Test
    void aResumeScoresOnlyThePageThatFailedAndNothingTwice() throws IOException {
        TestPages.threePages(server);
        CountingEnricher flaky = new CountingEnricher("flaky", call -> call == 2 ? new IllegalStateException("model "
                + "crashed") : null);
        Path out = dir.resolve("out.jsonl");
        try (StarExport star = TestPages.engine(server).enricher(flaky).build()) {
            ExportException failure = (ExportException) org.assertj.core.api.Assertions.catchThrowable(() ->
                    star.export(URL).comments().enrich("flaky").to(out).run());

            assertThat(failure.code()).isEqualTo(ErrorCode.INTERNAL);
            assertThat(failure.getMessage()).contains("flaky enricher failed", "model crashed");
            assertThat(failure.checkpoint()).hasValueSatisfying(cp -> {
                assertThat(cp.items()).isEqualTo(10);
                assertThat(cp.request().enrichers()).containsExactly("flaky");
            });

            ExportResult result = star.resume(failure.checkpoint().orElseThrow()).run();

            assertThat(result.items()).isEqualTo(30);
        }
        List<String> everyId = IntStream.range(0, 30).mapToObj(i -> "c" + i).toList();
        assertThat(flaky.scored).containsExactlyElementsOf(everyId);
        List<JsonNode> written = lines(out);
        assertThat(written).extracting(node -> node.path("id").asText()).containsExactlyElementsOf(everyId);
        assertThat(written).allSatisfy(node -> assertThat(node.path("sentiment").path("provider").asText())
                .isEqualTo("flaky"));
    }

    @Test
    void anEnrichersOwnExportExceptionKeepsItsCode() {
        TestPages.threePages(server);
        CountingEnricher refusing = new CountingEnricher("refusing", call -> ExportException.of(ErrorCode.QUOTA_EXCEEDED,
                "The monthly quota of the sentiment service is used up."));
        try (StarExport star = TestPages.engine(server).enricher(refusing).build()) {
            assertThatThrownBy(() -> star.export(URL).comments().enrich("refusing").to(dir.resolve("o.jsonl")).run())
                    .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.QUOTA_EXCEEDED));
        }
    }

    @Test
    void anEnricherThatAnswersForTooFewItemsIsReportedAsItsBug() {
        TestPages.threePages(server);
        Enricher short_ = new Enricher() {
            @Override
            public String id() {
                return "short";
            }

            @Override
            public List<Enrichments> enrich(List<Item> items, EnricherContext context) {
                return List.of(Enrichments.NONE);
            }
        };
        try (StarExport star = TestPages.engine(server).enricher(short_).build()) {
            assertThatThrownBy(() -> star.export(URL).comments().enrich("short").stream().toList())
                    .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL))
                    .hasMessageContaining("short enricher answered 1 results for 10 items");
        }
    }

    /** A cloud-style enricher: its key from the engine's credentials, its calls through the engine's HTTP. */
    static final class RemoteEnricher implements Enricher {
        private final URI service;

        RemoteEnricher(URI service) {
            this.service = service;
        }

        @Override
        public String id() {
            return "tone";
        }

        @Override
        public List<Enrichments> enrich(List<Item> items, EnricherContext context) {
            String key = context.credentials().get("api_key").orElseThrow(() -> ExportException.of(
                    ErrorCode.AUTH_REQUIRED, "Set STAREXPORT_TONE_API_KEY."));
            // Synthetic service: a JSON body {"scores":[…]} with one score per text, as batched cloud APIs answer.
            String body = context.http().send(HttpRequest.post(service.resolve("/v1/score"), new byte[0],
                    "application/json").header("Authorization", "Bearer " + key).idempotent(true).build()).bodyText();
            List<Enrichments> found = new ArrayList<>();
            try {
                JsonNode scores = JSON.readTree(body).path("scores");
                for (int i = 0; i < items.size(); i++) {
                    found.add(Enrichments.NONE.withSentiment(Sentiment.of(scores.path(i).asDouble(), id())));
                }
            } catch (IOException e) {
                throw ExportException.of(ErrorCode.PLATFORM_CHANGED, "The tone service answered no JSON.", e);
            }
            return found;
        }
    }

    @Test
    void anEnricherGetsItsCredentialsAndTheEnginesRetryingHttp() {
        TestPages.threePages(server);
        String scores = "{\"scores\":[" + String.join(",", Collections.nCopies(10, "0.5")) + "]}";
        server.stubFor(post(urlPathEqualTo("/v1/score")).inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(serviceUnavailable()).willSetStateTo("ok"));
        server.stubFor(post(urlPathEqualTo("/v1/score")).inScenario("busy").whenScenarioStateIs("ok")
                .willReturn(okJson(scores)));
        try (StarExport star = TestPages.engine(server).enricher(new RemoteEnricher(URI.create(server.baseUrl())))
                .credential("tone", "api_key", "k-123").build();
             var items = star.export(URL).comments().limit(10).enrich("tone").stream()) {
            assertThat(items.toList()).allSatisfy(item -> assertThat(item.enrichments().sentiment())
                    .contains(Sentiment.of(0.5, "tone")));
        }
        server.verify(exactly(2), postRequestedFor(urlPathEqualTo("/v1/score"))
                .withHeader("Authorization", equalTo("Bearer k-123")));
    }

    @Test
    void anEnrichersServiceFailureIsTypedAndRedacted() {
        TestPages.threePages(server);
        server.stubFor(post(urlPathEqualTo("/v1/score")).willReturn(serviceUnavailable()));
        try (StarExport star = TestPages.engine(server).enricher(new RemoteEnricher(URI.create(server.baseUrl())))
                .credential("tone", "api_key", "k-123").build()) {
            assertThatThrownBy(() -> star.export(URL).comments().enrich("tone").stream().toList())
                    .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NETWORK))
                    .hasMessageContaining("The tone enricher's service answered HTTP 503")
                    .hasMessageNotContaining("k-123");
        }
    }

    @Test
    void credentialsForAnUnknownPluginAreRefusedNamingPlatformsAndEnrichers() {
        assertThatThrownBy(() -> TestPages.engine(server).enricher(new CountingEnricher("mine"))
                .credential("nope", "api_key", "x").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no platform or enricher 'nope'").hasMessageContaining("enrichers: [mine]");
    }

    @Test
    void enrichersRunInSandboxModeToo() {
        try (StarExport star = TestPages.engine(server).enricher(new CountingEnricher("mine")).build();
             var items = star.export(URL).comments().sandbox(true).limit(5).enrich("mine").stream()) {
            assertThat(items.toList()).hasSize(5).allSatisfy(item -> assertThat(item.enrichments().sentiment())
                    .isPresent());
        }
    }
}
