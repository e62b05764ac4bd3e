package io.starexport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformsCommandTest {

    @Test
    void jsonDetectFollowsConvention() {
        Cli.Run run = Cli.run("platforms", "--detect", "https://youtu.be/dQw4w9WgXcQ", "--sandbox", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("ok").asBoolean()).isTrue();
        JsonNode data = json.get("data");
        assertThat(data.get("platform").asText()).isEqualTo("youtube");
        assertThat(data.get("kind").asText()).isEqualTo("video");
        assertThat(data.get("id").asText()).isEqualTo("dQw4w9WgXcQ");
        assertThat(data.get("url").asText()).startsWith("https://www.youtube.com/");
        assertThat(data.get("contents")).extracting(JsonNode::asText).contains("comments");
    }

    @Test
    void detectPrintsAReadableSummary() {
        Cli.Run run = Cli.run("platforms", "--detect", "https://youtu.be/dQw4w9WgXcQ", "--sandbox");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("platform  youtube (YouTube)").contains("kind      video")
                .contains("id        dQw4w9WgXcQ").contains("contents  comments");
    }

    @Test
    void detectOfAnUnknownHostIsUnsupportedPlatform() {
        Cli.Run run = Cli.run("platforms", "--detect", "https://example.com/", "--sandbox", "--json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().get("error_code").asText()).isEqualTo("UNSUPPORTED_PLATFORM");
    }

    @Test
    void listingJsonHasOneObjectPerPlatform() {
        Cli.Run run = Cli.run("platforms", "--sandbox", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode data = run.json().get("data");
        assertThat(data.isArray()).isTrue();
        assertThat(data).extracting(platform -> platform.get("id").asText())
                .contains("youtube", "reddit", "instagram", "tiktok");
        assertThat(data).allSatisfy(platform -> {
            assertThat(platform.get("name").isTextual()).isTrue();
            assertThat(platform.get("contents").isArray()).isTrue();
            assertThat(platform.get("endpoints").isObject()).isTrue();
            assertThat(platform.get("credentials").isArray()).isTrue();
        });
    }

    @Test
    void listingIsATable() {
        Cli.Run run = Cli.run("platforms", "--sandbox");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow()).startsWith("ID").contains("NAME", "CONTENTS",
                "CREDENTIALS");
        assertThat(run.out()).contains("youtube");
    }
}
