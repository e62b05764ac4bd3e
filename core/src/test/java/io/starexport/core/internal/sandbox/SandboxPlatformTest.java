package io.starexport.core.internal.sandbox;

import io.starexport.api.Content;
import io.starexport.api.Item;
import io.starexport.api.Sort;
import io.starexport.api.Target;
import io.starexport.spi.Credentials;
import io.starexport.spi.Endpoint;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.PageRequest;
import io.starexport.spi.Platform;
import io.starexport.spi.RateLimit;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxPlatformTest {
    private final Map<String, Platform> platforms = Sandbox.knownPlatforms().stream()
            .collect(Collectors.toMap(Platform::id, platform -> platform));

    @Test
    void knowsTheFourPlatformsByIdAndName() {
        assertThat(Sandbox.knownPlatforms()).extracting(Platform::id).containsExactly("youtube", "reddit", "instagram", "tiktok");
        assertThat(Sandbox.knownPlatforms()).extracting(Platform::displayName)
                .containsExactly("YouTube", "Reddit", "Instagram", "TikTok");
        assertThat(Sandbox.knownPlatforms()).allSatisfy(platform -> assertThat(platform.spiVersion()).isEqualTo(Platform.SPI_VERSION));
    }

    @Test
    void namesTheRealEndpointsForInformation() {
        assertThat(platforms.get("youtube").endpoints()).extracting(Endpoint::name, endpoint -> endpoint.defaultUrl().toString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("api", "https://www.googleapis.com/youtube/v3"),
                        org.assertj.core.groups.Tuple.tuple("web", "https://www.youtube.com"));
        assertThat(platforms.get("reddit").endpoints()).extracting(endpoint -> endpoint.defaultUrl().toString())
                .containsExactly("https://oauth.reddit.com", "https://www.reddit.com");
        assertThat(platforms.get("instagram").endpoints()).extracting(Endpoint::name).containsExactly("graph", "web");
        assertThat(platforms.get("tiktok").endpoints()).extracting(endpoint -> endpoint.defaultUrl().toString())
                .containsExactly("https://open.tiktokapis.com", "https://www.tiktok.com");
    }

    @Test
    void namesTheCredentialsTheRealPlatformsTake() {
        assertThat(platforms.get("youtube").credentialNames()).containsExactly("api_key");
        assertThat(platforms.get("reddit").credentialNames()).containsExactly("client_id", "client_secret", "username", "password");
        assertThat(platforms.get("instagram").credentialNames()).containsExactly("access_token", "sessionid");
        assertThat(platforms.get("tiktok").credentialNames()).containsExactly("client_key", "client_secret");
    }

    @Test
    void offersContentsByKindOfTarget() {
        Platform platform = platforms.get("reddit");

        assertThat(platform.contents(Target.Kind.VIDEO)).containsExactlyInAnyOrder(Content.COMMENTS, Content.MEDIA);
        assertThat(platform.contents(Target.Kind.POST)).containsExactlyInAnyOrder(Content.COMMENTS, Content.MEDIA);
        assertThat(platform.contents(Target.Kind.COMMENT)).containsExactly(Content.COMMENTS);
        assertThat(platform.contents(Target.Kind.PROFILE)).containsExactlyInAnyOrder(Content.POSTS, Content.PROFILE, Content.MEDIA);
        assertThat(platform.contents(Target.Kind.PLAYLIST)).containsExactly(Content.POSTS);
        assertThat(platform.contents(Target.Kind.COMMUNITY)).containsExactly(Content.POSTS);
        assertThat(platform.contents(Target.Kind.HASHTAG)).containsExactly(Content.POSTS);
    }

    @Test
    void sortsCommentsEveryWayAndPostsNewestFirst() {
        Platform platform = platforms.get("youtube");

        assertThat(platform.sorts(Content.COMMENTS)).containsExactlyInAnyOrder(Sort.values());
        assertThat(platform.sorts(Content.POSTS)).containsExactly(Sort.NEWEST);
        assertThat(platform.sorts(Content.PROFILE)).isEmpty();
    }

    @Test
    void asksForAGenerousRateBecauseNoHttpHappens() {
        assertThat(Sandbox.knownPlatforms()).allSatisfy(platform ->
                assertThat(platform.defaultRateLimit(Credentials.NONE)).isEqualTo(RateLimit.perSecond(1000)));
    }

    @Test
    void extractsFromTheSandboxWithoutTouchingTheContext() {
        Platform platform = platforms.get("tiktok");
        Target target = platform.resolve(URI.create("https://www.tiktok.com/@khaby.lame")).orElseThrow();
        ExportQuery query = new ExportQuery(target, Content.POSTS, false, Optional.empty(), OptionalLong.of(5),
                Optional.empty(), Optional.empty());

        PageRequest firstFive = new PageRequest(Optional.empty(), OptionalLong.of(5));
        List<? extends Item> items = platform.extractor(query, null).fetch(firstFive).items();

        assertThat(items).hasSize(5).isEqualTo(Sandbox.extractor(query).fetch(firstFive).items());
    }

    @Test
    void returnsNewInstancesEachTime() {
        assertThat(Sandbox.knownPlatforms().get(0)).isNotSameAs(Sandbox.knownPlatforms().get(0));
    }
}
