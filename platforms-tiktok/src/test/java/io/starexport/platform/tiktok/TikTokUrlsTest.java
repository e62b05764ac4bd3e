package io.starexport.platform.tiktok;

import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The URL forms of issue 7 and of the built-in sandbox, with query strings, hosts and malformed ids. */
class TikTokUrlsTest {
    private final TikTokPlatform platform = new TikTokPlatform();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://www.tiktok.com/@scout2015/video/6718335390845095173                                   | VIDEO   | 6718335390845095173 | https://www.tiktok.com/@scout2015/video/6718335390845095173 | author=scout2015
            https://www.tiktok.com/@scout2015/video/6718335390845095173?is_from_webapp=1&sender_device=pc | VIDEO   | 6718335390845095173 | https://www.tiktok.com/@scout2015/video/6718335390845095173 | author=scout2015
            https://www.tiktok.com/@scout2015/video/6718335390845095173/?lang=en                          | VIDEO   | 6718335390845095173 | https://www.tiktok.com/@scout2015/video/6718335390845095173 | author=scout2015
            https://tiktok.com/@scout2015/video/6718335390845095173                                       | VIDEO   | 6718335390845095173 | https://www.tiktok.com/@scout2015/video/6718335390845095173 | author=scout2015
            http://www.tiktok.com/@scout2015/video/6718335390845095173                                    | VIDEO   | 6718335390845095173 | https://www.tiktok.com/@scout2015/video/6718335390845095173 | author=scout2015
            https://m.tiktok.com/@scout2015/video/6718335390845095173                                     | VIDEO   | 6718335390845095173 | https://www.tiktok.com/@scout2015/video/6718335390845095173 | author=scout2015
            https://www.tiktok.com/@user.name_1/video/7603296357641735445?q=x&t=1770000000000              | VIDEO   | 7603296357641735445 | https://www.tiktok.com/@user.name_1/video/7603296357641735445 | author=user.name_1
            https://www.tiktok.com/@/video/7603296357641735445                                            | VIDEO   | 7603296357641735445 | https://www.tiktok.com/@_/video/7603296357641735445 |
            https://www.tiktok.com/@pattyjenks/photo/7162203925925039406                                  | VIDEO   | 7162203925925039406 | https://www.tiktok.com/@pattyjenks/photo/7162203925925039406 | author=pattyjenks;type=photo
            https://www.tiktok.com/@pattyjenks/photo/7162203925925039406?is_from_webapp=1                  | VIDEO   | 7162203925925039406 | https://www.tiktok.com/@pattyjenks/photo/7162203925925039406 | author=pattyjenks;type=photo
            https://m.tiktok.com/v/6718335390845095173.html                                               | VIDEO   | 6718335390845095173 | https://www.tiktok.com/@_/video/6718335390845095173 |
            https://m.tiktok.com/v/6718335390845095173.html?u_code=abc&preview_pb=0                        | VIDEO   | 6718335390845095173 | https://www.tiktok.com/@_/video/6718335390845095173 |
            https://www.tiktok.com/embed/v2/6718335390845095173                                           | VIDEO   | 6718335390845095173 | https://www.tiktok.com/@_/video/6718335390845095173 |
            https://www.tiktok.com/embed/6718335390845095173                                              | VIDEO   | 6718335390845095173 | https://www.tiktok.com/@_/video/6718335390845095173 |
            https://www.tiktok.com/player/v1/6718335390845095173?autoplay=1                               | VIDEO   | 6718335390845095173 | https://www.tiktok.com/@_/video/6718335390845095173 |
            https://www.tiktok.com/share/video/6718335390845095173                                        | VIDEO   | 6718335390845095173 | https://www.tiktok.com/@_/video/6718335390845095173 |
            https://vm.tiktok.com/ZMeAbCdEf/                                                              | VIDEO   | ZMeAbCdEf           | https://vm.tiktok.com/ZMeAbCdEf/ | short=true
            https://vm.tiktok.com/ZMeAbCdEf                                                               | VIDEO   | ZMeAbCdEf           | https://vm.tiktok.com/ZMeAbCdEf/ | short=true
            https://vt.tiktok.com/ZSjXyZ123/?k=1                                                          | VIDEO   | ZSjXyZ123           | https://vt.tiktok.com/ZSjXyZ123/ | short=true
            https://www.tiktok.com/t/ZTRabc123/                                                           | VIDEO   | ZTRabc123           | https://www.tiktok.com/t/ZTRabc123/ | short=true
            https://tiktok.com/t/ZTRabc123                                                                | VIDEO   | ZTRabc123           | https://www.tiktok.com/t/ZTRabc123/ | short=true
            https://www.tiktok.com/@scout2015                                                             | PROFILE | scout2015           | https://www.tiktok.com/@scout2015 |
            https://www.tiktok.com/@scout2015/                                                            | PROFILE | scout2015           | https://www.tiktok.com/@scout2015 |
            https://www.tiktok.com/@scout2015?lang=en&is_from_webapp=1                                    | PROFILE | scout2015           | https://www.tiktok.com/@scout2015 |
            https://m.tiktok.com/@user.name_1                                                             | PROFILE | user.name_1         | https://www.tiktok.com/@user.name_1 |
            https://www.tiktok.com/tag/funny                                                              | HASHTAG | funny               | https://www.tiktok.com/tag/funny |
            https://www.tiktok.com/video/6718335390845095173                                              | VIDEO   | 6718335390845095173 | https://www.tiktok.com/@_/video/6718335390845095173 |
            https://www.tiktok.com/video/6718335390845095173?lang=en                                      | VIDEO   | 6718335390845095173 | https://www.tiktok.com/@_/video/6718335390845095173 |
            https://www.tiktok.com/photo/7162203925925039406                                              | VIDEO   | 7162203925925039406 | https://www.tiktok.com/@_/photo/7162203925925039406 | type=photo
            https://m.tiktok.com/v/6718335390845095173                                                    | VIDEO   | 6718335390845095173 | https://www.tiktok.com/@_/video/6718335390845095173 |
            https://www.tiktok.com/%40scout2015/video/6718335390845095173                                 | VIDEO   | 6718335390845095173 | https://www.tiktok.com/@scout2015/video/6718335390845095173 | author=scout2015
            https://www.tiktok.com/@Scout.2015/video/6718335390845095173?_r=1&_t=ZT-8abc                   | VIDEO   | 6718335390845095173 | https://www.tiktok.com/@Scout.2015/video/6718335390845095173 | author=Scout.2015
            https://WWW.TikTok.com/@Scout.2015/?lang=en                                                   | PROFILE | Scout.2015          | https://www.tiktok.com/@Scout.2015 |
            https://VM.TIKTOK.COM/ZMeAbCdEf/                                                              | VIDEO   | ZMeAbCdEf           | https://vm.tiktok.com/ZMeAbCdEf/ | short=true
            https://www.tiktok.com/tag/Funny_Videos/?lang=en                                              | HASHTAG | Funny_Videos        | https://www.tiktok.com/tag/Funny_Videos |
            https://www.tiktok.com/tag/大国基建?lang=zh                                                     | HASHTAG | 大国基建              | https://www.tiktok.com/tag/大国基建 |
            """)
    void resolvesEverySupportedForm(String url, Target.Kind kind, String id, String canonical, String attributes) {
        Target target = platform.resolve(URI.create(url.replace("大国基建", "%E5%A4%A7%E5%9B%BD%E5%9F%BA%E5%BB%BA"))).orElseThrow();
        assertThat(target.platform()).isEqualTo("tiktok");
        assertThat(target.kind()).isEqualTo(kind);
        assertThat(target.id()).isEqualTo(id);
        assertThat(target.url()).isEqualTo(canonical);
        if (attributes != null) {
            for (String pair : attributes.split(";")) {
                String[] parts = pair.split("=");
                assertThat(target.attributes()).containsEntry(parts[0], parts[1]);
            }
        } else {
            assertThat(target.attributes()).doesNotContainKey("short");
        }
    }

    /** Hashtags in scripts written with combining marks (Devanagari, Thai vowel signs), percent-encoded as browsers send them. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"हिंदी", "ภาษาไทย", "café_ñ", "日本語ー"})
    void resolvesHashtagsInEveryScript(String tag) {
        URI url = URI.create("https://www.tiktok.com/tag/" + java.net.URLEncoder.encode(tag, java.nio.charset.StandardCharsets.UTF_8)
                + "?lang=en");
        Target target = platform.resolve(url).orElseThrow();
        assertThat(target.kind()).isEqualTo(Target.Kind.HASHTAG);
        assertThat(target.id()).isEqualTo(tag);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "https://www.tiktok.com/@scout2015/video/abc",
            "https://www.tiktok.com/@scout2015/video/123",
            "https://www.tiktok.com/@scout2015/video/",
            "https://www.tiktok.com/@scout2015/photo",
            "https://www.tiktok.com/@scout2015/live",
            "https://www.tiktok.com/@bad*name",
            "https://m.tiktok.com/v/abc.html",
            "https://www.tiktok.com/embed/v2/notanid",
            "https://www.tiktok.com/foryou",
            "https://www.tiktok.com/music/original-sound-123",
            "https://www.tiktok.com/",
            "https://vm.tiktok.com/",
            "https://vm.tiktok.com/ab/",
            "https://vm.tiktok.com/ZMeAbCdEf/extra",
            "https://www.tiktok.com/t/",
            "https://www.tiktok.com/share/user/6718335390845095173",
            "https://www.tiktok.com/video/",
            "https://www.tiktok.com/video/notanid",
    })
    void refusesMalformedOrUnsupportedTikTokUrls(String url) {
        assertThatThrownBy(() -> platform.resolve(URI.create(url)))
                .isInstanceOfSatisfying(ExportException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_URL);
                    assertThat(e.getMessage()).contains("Supported TikTok URLs");
                });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://nottiktok.com/@scout2015/video/6718335390845095173",
            "https://tiktok.com.evil.example/@scout2015/video/6718335390845095173",
            "https://www.tiktokv.example/@x",
    })
    void leavesOtherSitesAlone(String url) {
        assertThat(platform.resolve(URI.create(url))).isEmpty();
    }
}
