package io.starexport;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.api.ExportRequest;
import io.starexport.api.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Requests go through the configured HTTP proxy, with Basic credentials, a pool assigns one proxy per export
 * for its whole run, and a request may choose one of the engine's named proxies. The platform's endpoint is a
 * host that does not resolve, so only a proxied request can succeed; WireMock plays the proxy and answers the
 * absolute-form request itself.
 */
class ProxyTest {
    private static final String UNRESOLVABLE_API = "http://api.test.invalid";

    @RegisterExtension
    static WireMockExtension proxyA = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension proxyB = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static long export(StarExport star, String post) {
        try (Stream<Item> items = star.export("https://test.example/posts/" + post).stream()) {
            return items.count();
        }
    }

    private static void servePages(WireMockExtension proxy) {
        proxy.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v1/comments"))
                .withQueryParam("cursor", absent()).willReturn(TestPages.page(0, 4, "c2")));
        proxy.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v1/comments"))
                .withQueryParam("cursor", equalTo("c2")).willReturn(TestPages.page(5, 9, null)));
    }

    @Test
    void sendsThroughAnHttpProxyWithBasicCredentials() {
        String expected = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret-pass".getBytes());
        proxyA.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(urlPathEqualTo("/v1/comments"))
                .atPriority(10).willReturn(aResponse().withStatus(407).withHeader("Proxy-Authenticate", "Basic realm=\"p\"")));
        proxyA.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v1/comments"))
                .atPriority(1).withHeader("Proxy-Authorization", equalTo(expected)).willReturn(TestPages.page(0, 2, null)));
        try (StarExport star = StarExport.builder().environment(Map.of())
                .endpoint("testplatform", "api", UNRESOLVABLE_API)
                .proxy(ProxyConfig.parse("http://alice:s3cret-pass@localhost:" + proxyA.getPort())).build()) {
            assertThat(export(star, "p1")).isEqualTo(3);
        }
        proxyA.verify(getRequestedFor(urlPathEqualTo("/v1/comments")).withHeader("Host", equalTo("api.test.invalid")));
    }

    @Test
    void aPoolGivesEachExportOneProxyForItsWholeRun() {
        servePages(proxyA);
        servePages(proxyB);
        try (StarExport star = StarExport.builder().environment(Map.of())
                .endpoint("testplatform", "api", UNRESOLVABLE_API)
                .proxyPool(List.of(ProxyConfig.parse("http://localhost:" + proxyA.getPort()),
                        ProxyConfig.parse("http://localhost:" + proxyB.getPort()))).build()) {
            assertThat(export(star, "p1")).isEqualTo(10);
            assertThat(export(star, "p2")).isEqualTo(10);
        }
        assertThat(posts(proxyA)).containsExactly("p1", "p1");
        assertThat(posts(proxyB)).containsExactly("p2", "p2");
    }

    @Test
    void sendsThroughASocks5ProxyWithCredentialsResolvingNamesThere() throws Exception {
        servePages(proxyA);
        try (Socks5ProxyServer socks = new Socks5ProxyServer("bob", "socks-pass", proxyA.getPort());
             StarExport star = StarExport.builder().environment(Map.of())
                     .endpoint("testplatform", "api", UNRESOLVABLE_API + ":" + proxyA.getPort())
                     .proxy(ProxyConfig.parse("socks5://bob:socks-pass@127.0.0.1:" + socks.port())).build()) {
            assertThat(export(star, "p1")).isEqualTo(10);
            assertThat(socks.requestedHosts).isNotEmpty().containsOnly("api.test.invalid");
        }
    }

    @Test
    void aRejectedSocksPasswordEndsInNetworkNamingTheProxy() throws Exception {
        try (Socks5ProxyServer socks = new Socks5ProxyServer("bob", "right", proxyA.getPort());
             StarExport star = StarExport.builder().environment(Map.of())
                     .endpoint("testplatform", "api", UNRESOLVABLE_API)
                     .retryPolicy(RetryPolicy.none())
                     .proxy(ProxyConfig.parse("socks5://bob:wrong-pass@127.0.0.1:" + socks.port())).build()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> export(star, "p1"))
                    .isInstanceOfSatisfying(io.starexport.api.ExportException.class, e -> {
                        assertThat(e.code()).isEqualTo(io.starexport.api.ErrorCode.NETWORK);
                        assertThat(e.getMessage()).contains("rejected the user name or password")
                                .doesNotContain("wrong-pass");
                    });
        }
    }

    @Test
    void aProxyTheRequestNamesWinsOverTheEngineProxyForThatExportOnly() {
        servePages(proxyA);
        servePages(proxyB);
        try (StarExport star = StarExport.builder().environment(Map.of())
                .endpoint("testplatform", "api", UNRESOLVABLE_API)
                .proxy(ProxyConfig.parse("http://localhost:" + proxyB.getPort()))
                .namedProxy("residential", ProxyConfig.parse("http://localhost:" + proxyA.getPort())).build()) {
            try (Stream<Item> items = star.stream(ExportRequest.builder("https://test.example/posts/p1")
                    .proxy("residential").build())) {
                assertThat(items.count()).isEqualTo(10);
            }
            try (Stream<Item> items = star.export("https://test.example/posts/p2").proxy("residential").stream()) {
                assertThat(items.count()).isEqualTo(10);
            }
            assertThat(export(star, "p3")).isEqualTo(10);
        }
        assertThat(posts(proxyA)).containsExactlyInAnyOrder("p1", "p1", "p2", "p2");
        assertThat(posts(proxyB)).containsExactly("p3", "p3");
    }

    @Test
    void anUnknownProxyNameFailsBeforeAnyRequestNamingTheProxiesThereAre() {
        servePages(proxyA);
        try (StarExport star = StarExport.builder().environment(Map.of())
                .endpoint("testplatform", "api", UNRESOLVABLE_API)
                .namedProxy("residential", ProxyConfig.parse("http://localhost:" + proxyA.getPort()))
                .namedProxy("datacenter", ProxyConfig.parse("http://localhost:" + proxyB.getPort()))
                .namedProxy("backup", ProxyConfig.parse("http://localhost:" + proxyB.getPort())).build()) {
            ExportRequest request = ExportRequest.builder("https://test.example/posts/p1").proxy("mobile").build();
            assertThatThrownBy(() -> star.stream(request)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'mobile'").hasMessageContaining("[backup, datacenter, residential]")
                    .hasMessageContaining("namedProxy(");
        }
        try (StarExport star = StarExport.builder().environment(Map.of())
                .endpoint("testplatform", "api", UNRESOLVABLE_API).build()) {
            assertThatThrownBy(() -> star.export("https://test.example/posts/p1").proxy("mobile").stream())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'mobile'")
                    .hasMessageContaining("none");
        }
        assertThat(proxyA.getAllServeEvents()).isEmpty();
        assertThat(proxyB.getAllServeEvents()).isEmpty();
    }

    private static List<String> posts(WireMockExtension proxy) {
        return proxy.getAllServeEvents().stream().map(e -> e.getRequest().queryParameter("post").firstValue()).toList();
    }
}
