package io.starexport.platform.tiktok;

import io.starexport.PlatformInfo;
import io.starexport.StarExport;
import io.starexport.api.Content;
import io.starexport.api.Target;
import io.starexport.spi.Platform;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Discovery, what each target offers, and the builder's rules. */
class TikTokPlatformTest {

    @Test
    void isFoundByServiceLoaderAndListedWithItsCredentialsAndEndpoints() {
        assertThat(ServiceLoader.load(Platform.class).stream().map(ServiceLoader.Provider::type))
                .contains(TikTokPlatform.class);
        try (StarExport star = StarExport.builder().environment(Map.of()).build()) {
            PlatformInfo info = star.platforms().stream().filter(p -> p.id().equals("tiktok")).findFirst().orElseThrow();
            assertThat(info.credentials()).containsExactly("client_key", "client_secret", "cookie");
            assertThat(info.endpoints()).containsOnlyKeys("research", "web", "vm", "vt");
        }
    }

    @Test
    void offersCommentsPostsAndMediaForVideosAndPostsProfileAndMediaForProfiles() {
        TikTokPlatform platform = new TikTokPlatform();
        assertThat(platform.contents(Target.Kind.VIDEO)).containsExactlyInAnyOrder(Content.COMMENTS, Content.POSTS, Content.MEDIA);
        assertThat(platform.contents(Target.Kind.PROFILE)).containsExactlyInAnyOrder(Content.POSTS, Content.PROFILE, Content.MEDIA);
        assertThat(platform.contents(Target.Kind.HASHTAG)).containsExactly(Content.POSTS);
        assertThat(platform.contents(Target.Kind.PLAYLIST)).isEmpty();
    }

    @Test
    void builderRefusesASettingGivenTwiceAndSizesOutOfRange() {
        assertThatThrownBy(() -> TikTokPlatform.builder().backend(TikTokPlatform.Backend.WEB).backend(TikTokPlatform.Backend.AUTO))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("backend was already set to WEB");
        assertThatThrownBy(() -> TikTokPlatform.builder().webPageSize(51)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 50");
        assertThatThrownBy(() -> TikTokPlatform.builder().researchPageSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 100");
        assertThat(TikTokPlatform.builder().signer((url, agent) -> RequestSigner.Signature.NONE).build().toString())
                .contains("signer=true");
        assertThat(new RequestSigner.Signature(Map.of("X-Bogus", "secretvalue"), Map.of()).toString())
                .contains("X-Bogus").doesNotContain("secretvalue");
    }
}
