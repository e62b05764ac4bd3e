package io.starexport.platform.instagram;

import io.starexport.StarExport;
import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Item;
import io.starexport.api.Target;
import io.starexport.spi.Credentials;
import io.starexport.spi.Platform;
import io.starexport.spi.RateLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Discovery, configuration, backend choice and sandbox mode. */
class InstagramPlatformTest {

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(Platform.class).stream().map(ServiceLoader.Provider::get).map(Platform::id))
                .contains("instagram");
    }

    @Test
    void declaresItsEndpointsCredentialsAndMediaHosts() {
        InstagramPlatform platform = new InstagramPlatform();
        assertThat(platform.endpoints()).extracting(e -> e.name() + "=" + e.defaultUrl())
                .containsExactly("graph=https://graph.facebook.com", "web=https://www.instagram.com");
        assertThat(platform.credentialNames()).containsExactly("access_token", "ig_user_id", "sessionid", "csrftoken", "ds_user_id");
        assertThat(platform.mediaHosts()).containsExactlyInAnyOrder("cdninstagram.com", "fbcdn.net");
        assertThat(platform.contents(Target.Kind.POST)).containsExactlyInAnyOrder(Content.COMMENTS, Content.POSTS, Content.MEDIA);
        assertThat(platform.contents(Target.Kind.PROFILE)).containsExactlyInAnyOrder(Content.PROFILE, Content.POSTS, Content.MEDIA);
        assertThat(platform.contents(Target.Kind.COMMUNITY)).isEmpty();
    }

    @Test
    void autoPrefersTheGraphApiAndFallsBackToTheSessionCookie() {
        InstagramPlatform platform = new InstagramPlatform();
        Credentials both = Credentials.of(Map.of("access_token", "t", "sessionid", "s"));
        Credentials session = Credentials.of(Map.of("sessionid", "s"));
        assertThat(platform.backend(both)).isEqualTo(InstagramPlatform.Backend.GRAPH);
        assertThat(platform.backend(session)).isEqualTo(InstagramPlatform.Backend.WEB);
        assertThat(InstagramPlatform.builder().backend(InstagramPlatform.Backend.WEB).build().backend(both))
                .isEqualTo(InstagramPlatform.Backend.WEB);
        assertThat(platform.defaultRateLimit(both)).isEqualTo(RateLimit.perMinute(60));
        assertThat(platform.defaultRateLimit(session)).isEqualTo(RateLimit.perWindow(200, Duration.ofMinutes(11)));
        assertThatThrownBy(() -> InstagramPlatform.builder().backend(InstagramPlatform.Backend.GRAPH).build().backend(session))
                .isInstanceOfSatisfying(ExportException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
                    assertThat(e.getMessage()).contains("access_token");
                });
    }

    @Test
    void builderRejectsBadSettings() {
        assertThatThrownBy(() -> InstagramPlatform.builder().graphApiVersion("25")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("v25.0");
        assertThatThrownBy(() -> InstagramPlatform.builder().pageSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InstagramPlatform.builder().pageSize(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InstagramPlatform.builder().pageSize(10).pageSize(20)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pageSize was already set");
        assertThat(InstagramPlatform.builder().graphApiVersion("v21.0").build().toString()).contains("v21.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.instagram.com/p/CAnqPB-Jzcj/", "https://www.instagram.com/reel/CAG3E8-A3wf/?igsh=x",
            "https://www.instagram.com/robertdowneyjr/", "https://www.instagram.com/explore/tags/coffee/"})
    void sandboxExportsYieldItemsForEveryKind(String url) {
        try (StarExport star = StarExport.builder().sandbox(true).discovery(false).platform(new InstagramPlatform())
                .environment(Map.of()).build()) {
            Target target = star.export(url).target();
            assertThat(target.platform()).isEqualTo("instagram");
            Content content = switch (target.kind()) {
                case POST -> Content.COMMENTS;
                case PROFILE -> Content.PROFILE;
                default -> Content.POSTS;
            };
            List<Item> items = Fixtures.items(star.export(url).<Item>content(content).limit(5));
            assertThat(items).isNotEmpty().allSatisfy(item -> assertThat(item.platform()).isEqualTo("instagram"));
            if (content == Content.COMMENTS) {
                assertThat(items).first().isInstanceOf(Comment.class);
            }
        }
    }
}
