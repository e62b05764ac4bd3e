package io.starexport.platform.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * A PRAW/prawcore betamax cassette from {@code src/test/resources/reddit/} (copied from
 * {@code /work/shared/fixtures/reddit/}; praw-dev/praw @ 7b69758 and praw-dev/prawcore @ 06e4730 :
 * {@code tests/integration/cassettes/}, BSD-2-Clause, {@code LICENSE.praw} beside them). Each interaction
 * is replayed as a WireMock response with its recorded status, the headers that matter and the raw body.
 */
final class Cassette {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEPT_HEADERS = Set.of("content-type", "x-ratelimit-remaining",
            "x-ratelimit-reset", "x-ratelimit-used", "retry-after", "location");

    private final String name;
    private final JsonNode interactions;

    private Cassette(String name, JsonNode interactions) {
        this.name = name;
        this.interactions = interactions;
    }

    static Cassette load(String file) {
        try (InputStream in = Cassette.class.getResourceAsStream("/reddit/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no cassette " + file);
            }
            return new Cassette(file, JSON.readTree(in).get("interactions"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded request URI of interaction {@code index}. */
    String requestUri(int index) {
        return interaction(index).path("request").path("uri").asText();
    }

    /** The raw response body of interaction {@code index}. */
    String body(int index) {
        return interaction(index).path("response").path("body").path("string").asText();
    }

    /** The response body parsed as JSON. */
    JsonNode json(int index) {
        try {
            return JSON.readTree(body(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int status(int index) {
        return interaction(index).path("response").path("status").path("code").asInt();
    }

    /** The recorded response: status, the content type, rate-limit, retry and location headers, and the body. */
    ResponseDefinitionBuilder response(int index) {
        ResponseDefinitionBuilder response = aResponse().withStatus(status(index)).withBody(body(index));
        for (Map.Entry<String, JsonNode> header : interaction(index).path("response").path("headers").properties()) {
            if (KEPT_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                response.withHeader(header.getKey(), header.getValue().path(0).asText());
            }
        }
        return response;
    }

    private JsonNode interaction(int index) {
        JsonNode interaction = interactions.path(index);
        if (interaction.isMissingNode()) {
            throw new IllegalArgumentException(name + " has no interaction " + index);
        }
        return interaction;
    }
}
