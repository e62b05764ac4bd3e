package io.starexport.platform.instagram;

import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The URL forms users paste, as the engine hands them over (absolute, lower-case host). */
class InstagramUrlsTest {
    private final InstagramPlatform platform = new InstagramPlatform();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "https://www.instagram.com/p/CAnqPB-Jzcj/, POST, CAnqPB-Jzcj, https://www.instagram.com/p/CAnqPB-Jzcj/",
            "https://instagram.com/p/CAnqPB-Jzcj, POST, CAnqPB-Jzcj, https://www.instagram.com/p/CAnqPB-Jzcj/",
            "https://m.instagram.com/p/CAnqPB-Jzcj/, POST, CAnqPB-Jzcj, https://www.instagram.com/p/CAnqPB-Jzcj/",
            "http://www.instagram.com/p/CAnqPB-Jzcj/, POST, CAnqPB-Jzcj, https://www.instagram.com/p/CAnqPB-Jzcj/",
            "https://www.instagram.com/p/CAnqPB-Jzcj/?igsh=MTc4MmM1YmI2Ng==, POST, CAnqPB-Jzcj, https://www.instagram.com/p/CAnqPB-Jzcj/",
            "https://www.instagram.com/p/CAnqPB-Jzcj/?utm_source=ig_web_copy_link, POST, CAnqPB-Jzcj, https://www.instagram.com/p/CAnqPB-Jzcj/",
            "https://www.instagram.com/p/CAnqPB-Jzcj/?img_index=2#comments, POST, CAnqPB-Jzcj, https://www.instagram.com/p/CAnqPB-Jzcj/",
            "https://www.instagram.com/reel/CAG3E8-A3wf/, POST, CAG3E8-A3wf, https://www.instagram.com/p/CAG3E8-A3wf/",
            "https://www.instagram.com/reel/CAG3E8-A3wf/?igsh=abc&utm_source=ig_web_copy_link, POST, CAG3E8-A3wf, https://www.instagram.com/p/CAG3E8-A3wf/",
            "https://www.instagram.com/reels/CAG3E8-A3wf/, POST, CAG3E8-A3wf, https://www.instagram.com/p/CAG3E8-A3wf/",
            "https://www.instagram.com/tv/B7eUksNFA-K/, POST, B7eUksNFA-K, https://www.instagram.com/p/B7eUksNFA-K/",
            "https://instagram.com/tv/B7eUksNFA-K, POST, B7eUksNFA-K, https://www.instagram.com/p/B7eUksNFA-K/",
            "https://www.instagram.com/jlo/p/CAnqPB-Jzcj/, POST, CAnqPB-Jzcj, https://www.instagram.com/p/CAnqPB-Jzcj/",
            "https://www.instagram.com/jlo/reel/CAG3E8-A3wf/, POST, CAG3E8-A3wf, https://www.instagram.com/p/CAG3E8-A3wf/",
            "https://www.instagram.com/p/CAnqPB-Jzcj/c/18065401537979604/, POST, CAnqPB-Jzcj, https://www.instagram.com/p/CAnqPB-Jzcj/",
            "https://instagr.am/p/CAnqPB-Jzcj/, POST, CAnqPB-Jzcj, https://www.instagram.com/p/CAnqPB-Jzcj/",
            "https://www.instagram.com/robertdowneyjr/, PROFILE, robertdowneyjr, https://www.instagram.com/robertdowneyjr/",
            "https://instagram.com/robertdowneyjr, PROFILE, robertdowneyjr, https://www.instagram.com/robertdowneyjr/",
            "https://m.instagram.com/robertdowneyjr/?hl=en, PROFILE, robertdowneyjr, https://www.instagram.com/robertdowneyjr/",
            "https://www.instagram.com/RobertDowneyJr/?igsh=MWQ1ZGUxMzBkMA==, PROFILE, robertdowneyjr, https://www.instagram.com/robertdowneyjr/",
            "https://www.instagram.com/nasa.goddard_/, PROFILE, nasa.goddard_, https://www.instagram.com/nasa.goddard_/",
            "https://www.instagram.com/jlo/reels/, PROFILE, jlo, https://www.instagram.com/jlo/",
            "https://www.instagram.com/jlo/tagged/, PROFILE, jlo, https://www.instagram.com/jlo/",
            "https://www.instagram.com/explore/tags/coffee/, HASHTAG, coffee, https://www.instagram.com/explore/tags/coffee/",
            "https://www.instagram.com/_u/RobertDowneyJr/, PROFILE, robertdowneyjr, https://www.instagram.com/robertdowneyjr/",
            "https://instagram.com/_u/nasa.goddard_, PROFILE, nasa.goddard_, https://www.instagram.com/nasa.goddard_/",
            "https://www.instagram.com/p/CAnqPB-Jzcj/embed/captioned/, POST, CAnqPB-Jzcj, https://www.instagram.com/p/CAnqPB-Jzcj/",
            "https://WWW.INSTAGRAM.COM/reel/CAG3E8-A3wf, POST, CAG3E8-A3wf, https://www.instagram.com/p/CAG3E8-A3wf/",
            "https://www.instagram.com/explore/tags/CafÉ_2024/, HASHTAG, café_2024, https://www.instagram.com/explore/tags/café_2024/",
    })
    void resolvesEveryForm(String url, Target.Kind kind, String id, String canonical) {
        Target target = platform.resolve(URI.create(url)).orElseThrow();
        assertThat(target.platform()).isEqualTo("instagram");
        assertThat(target.kind()).isEqualTo(kind);
        assertThat(target.id()).isEqualTo(id);
        assertThat(target.url()).isEqualTo(canonical);
    }

    @Test
    void postTargetsCarryTheMediaPk() {
        Target target = platform.resolve(URI.create("https://www.instagram.com/reel/CAG3E8-A3wf/")).orElseThrow();
        assertThat(target.attributes()).containsEntry("mediaId", "2307774091974900767");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "https://www.instagram.com/",
            "https://www.instagram.com/explore/",
            "https://www.instagram.com/explore/locations/213385402/",
            "https://www.instagram.com/accounts/login/",
            "https://www.instagram.com/accounts/edit/",
            "https://www.instagram.com/direct/inbox/",
            "https://www.instagram.com/stories/",
            "https://www.instagram.com/reels/",
            "https://www.instagram.com/p/",
            "https://www.instagram.com/p/not*valid/",
            "https://www.instagram.com/p/CAnqPB-Jzcj12/",
            "https://www.instagram.com/about/",
            "https://www.instagram.com/jlo/saved/all-posts/",
            "https://www.instagram.com/this-is-not-a-name/",
            "https://www.instagram.com/share/reel/BAHrTz8Oq0/",
            "https://www.instagram.com/share/p/BAG4mIkk3n/",
            "https://www.instagram.com/reels/audio/1234567890123456/",
            "https://www.instagram.com/_u/",
            "https://help.instagram.com/1986234648360433",
            "https://about.instagram.com/blog",
            "https://business.instagram.com/getting-started",
            "https://l.instagram.com/?u=https%3A%2F%2Fexample.com",
    })
    void instagramUrlsThatNameNothingExportableAreInvalid(String url) {
        assertThatThrownBy(() -> platform.resolve(URI.create(url)))
                .isInstanceOfSatisfying(ExportException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_URL);
                    assertThat(e.getMessage()).contains("Supported Instagram URLs");
                });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://www.instagram.com/stories/jlo/3141592653589793238/",
            "https://www.instagram.com/stories/highlights/17898619759829276/"})
    void storiesAreUnsupportedContent(String url) {
        assertThatThrownBy(() -> platform.resolve(URI.create(url)))
                .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_CONTENT));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://notinstagram.com/p/CAnqPB-Jzcj/",
            "https://instagram.com.evil.example/p/CAnqPB-Jzcj/", "https://www.threads.net/@jlo"})
    void otherHostsAreNotClaimed(String url) {
        assertThat(platform.resolve(URI.create(url))).isEqualTo(Optional.empty());
    }
}
