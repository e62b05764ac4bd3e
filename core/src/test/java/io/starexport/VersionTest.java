package io.starexport;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.api.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.starexport.TestPages.URL;
import static io.starexport.TestPages.pageRequest;
import static io.starexport.TestPages.pageRequested;
import static org.assertj.core.api.Assertions.assertThat;

/** The version hosts see and platforms are told is the one Maven built, not one written in the code. */
class VersionTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** {@code ${project.version}}, handed to the tests by core's pom. */
    private static final String BUILD_VERSION = System.getProperty("starexport.buildVersion");

    @Test
    void theVersionIsTheBuildsOwn() {
        assertThat(BUILD_VERSION).as("starexport.buildVersion from the pom").isNotBlank();
        assertThat(StarExport.version()).isEqualTo(BUILD_VERSION);
    }

    @Test
    void theDefaultUserAgentCarriesTheBuildsVersion() {
        server.stubFor(pageRequest(null).willReturn(TestPages.page(0, 4, null)));
        try (StarExport star = TestPages.engine(server).build(); Stream<Item> items = star.export(URL).stream()) {
            assertThat(items.count()).isEqualTo(5);
        }
        server.verify(pageRequested(null).withHeader("User-Agent", equalTo("starexport/" + BUILD_VERSION + " (Java)")));
    }
}
