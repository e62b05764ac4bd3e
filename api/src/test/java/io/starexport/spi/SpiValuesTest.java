package io.starexport.spi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Host matching, request building and secret hiding that every plugin relies on. */
class SpiValuesTest {

    @ParameterizedTest
    @CsvSource({"youtube.com,true", "www.youtube.com,true", "m.youtube.com.,true", "WWW.YOUTUBE.COM,true",
            "youtube.com.evil.example,false", "notyoutube.com,false", "youtube.co,false", "evilyoutube.com,false"})
    void hostsMatchExactlyOrAsSubdomains(String host, boolean matches) {
        assertThat(Hosts.matches(host, "youtube.com")).isEqualTo(matches);
    }

    @Test
    void requestBuilderEncodesQueryParameters() {
        HttpRequest request = HttpRequest.get(URI.create("https://api.example/v1/items?part=snippet"))
                .query("q", "a b&c").query("skipped", null).query("n", 5).build();
        assertThat(request.url().toString()).isEqualTo("https://api.example/v1/items?part=snippet&q=a+b%26c&n=5");
        assertThat(request.idempotent()).isTrue();
        assertThat(HttpRequest.postForm(URI.create("https://api.example/token"), Map.of("grant_type", "x")).build()
                .idempotent()).isFalse();
    }

    @Test
    void requestToStringHidesSecretParametersAndHeaderValues() {
        HttpRequest request = HttpRequest.get(URI.create("https://api.example/v1")).query("key", "AIzaSecret")
                .query("access_token", "tok123").query("part", "snippet")
                .header("Authorization", "Bearer tok123").build();
        assertThat(request.toString()).doesNotContain("AIzaSecret").doesNotContain("tok123")
                .contains("key=***").contains("part=snippet").contains("Authorization");
    }

    @Test
    void credentialsNormaliseNamesAndHideValues() {
        Credentials credentials = Credentials.of(Map.of("API-KEY", "s3cr3t-value", "empty", ""));
        assertThat(credentials.get("api_key")).hasValue("s3cr3t-value");
        assertThat(credentials.has("empty")).isFalse();
        assertThat(credentials.toString()).contains("api_key").doesNotContain("s3cr3t-value");
    }
}
