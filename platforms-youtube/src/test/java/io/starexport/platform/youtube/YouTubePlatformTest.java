package io.starexport.platform.youtube;

import io.starexport.api.Content;
import io.starexport.api.Sort;
import io.starexport.api.Target;
import io.starexport.spi.Credentials;
import io.starexport.spi.Endpoint;
import io.starexport.spi.Platform;
import io.starexport.spi.RateLimit;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the platform declares to the engine, and its builder's rules. */
class YouTubePlatformTest {
    private final YouTubePlatform platform = new YouTubePlatform();

    @Test
    void isFoundByServiceLoaderWithTheIdTheSandboxAndCliUse() {
        assertThat(ServiceLoader.load(Platform.class).stream().map(ServiceLoader.Provider::get).map(Platform::id))
                .contains("youtube");
        assertThat(platform.credentialNames()).containsExactly("api_key");
        assertThat(platform.endpoints()).extracting(Endpoint::name).containsExactly("api", "web");
        assertThat(platform.mediaHosts()).contains("ytimg.com", "googlevideo.com");
    }

    @Test
    void offersWhatEachTargetKindSupports() {
        assertThat(platform.contents(Target.Kind.VIDEO)).containsExactlyInAnyOrder(Content.COMMENTS, Content.POSTS, Content.MEDIA);
        assertThat(platform.contents(Target.Kind.COMMENT)).containsExactly(Content.COMMENTS);
        assertThat(platform.contents(Target.Kind.PROFILE)).containsExactlyInAnyOrder(Content.POSTS, Content.PROFILE,
                Content.COMMENTS);
        assertThat(platform.contents(Target.Kind.PLAYLIST)).containsExactly(Content.POSTS);
        assertThat(platform.contents(Target.Kind.HASHTAG)).isEmpty();
        assertThat(platform.sorts(Content.COMMENTS)).containsExactlyInAnyOrder(Sort.TOP, Sort.NEWEST);
    }

    @Test
    void theRateDependsOnTheBackendInUse() {
        Credentials withKey = Credentials.of(Map.of("api_key", "k"));
        assertThat(platform.defaultRateLimit(withKey)).isEqualTo(RateLimit.perSecond(5));
        assertThat(platform.defaultRateLimit(Credentials.NONE)).isEqualTo(RateLimit.perSecond(1));
        YouTubePlatform web = YouTubePlatform.builder().backend(YouTubePlatform.Backend.WEB).build();
        assertThat(web.defaultRateLimit(withKey)).isEqualTo(RateLimit.perSecond(1));
    }

    @Test
    void theBuilderRefusesBadAndRepeatedSettings() {
        assertThatThrownBy(() -> YouTubePlatform.builder().commentPageSize(101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> YouTubePlatform.builder().webClientVersion("latest"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> YouTubePlatform.builder().dailyQuotaBudget(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> YouTubePlatform.builder().backend(YouTubePlatform.Backend.WEB)
                .backend(YouTubePlatform.Backend.AUTO)).isInstanceOf(IllegalStateException.class)
                .hasMessage("backend was already set to WEB");
        assertThat(YouTubePlatform.builder().commentPageSize(20).build().toString()).contains("commentPageSize=20");
        assertThat(platform.backend()).isEqualTo(YouTubePlatform.Backend.AUTO);
        assertThat(platform.quotaUnitsUsed()).isZero();
    }
}
