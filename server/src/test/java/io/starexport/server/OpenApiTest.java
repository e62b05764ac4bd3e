package io.starexport.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /openapi.json} names exactly the routes the server registers, so the document cannot drift. */
@Timeout(60)
class OpenApiTest {
    @TempDir
    Path directory;

    @Test
    void theDocumentNamesEveryRouteAndNoOther() {
        try (Fixture fixture = new Fixture(directory)) {
            JsonNode document = fixture.get("/openapi.json").json();
            Set<String> documented = new TreeSet<>();
            for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
                path.getValue().fieldNames().forEachRemaining(method ->
                        documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
            }

            assertThat(document.path("openapi").asText()).startsWith("3.");
            assertThat(documented).isEqualTo(new TreeSet<>(fixture.server.routes()));
        }
    }

    @Test
    void everyErrorCodeTheServerUsesIsDocumented() throws Exception {
        try (Fixture fixture = new Fixture(directory)) {
            Set<String> documented = new TreeSet<>();
            fixture.get("/openapi.json").json().path("components").path("schemas").path("Error").path("properties")
                    .path("error_code").path("enum").forEach(code -> documented.add(code.asText()));
            Set<String> used = new TreeSet<>();
            for (java.lang.reflect.Field field : ApiException.class.getDeclaredFields()) {
                if (field.getType() == String.class && java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                    used.add((String) field.get(null));
                }
            }

            assertThat(documented).isEqualTo(used);
        }
    }
}
