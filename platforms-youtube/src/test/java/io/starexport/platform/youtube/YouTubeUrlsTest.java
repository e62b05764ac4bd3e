package io.starexport.platform.youtube;

import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Target;
import io.starexport.core.internal.UrlParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The URL forms people paste, as yt-dlp's {@code YoutubeIE}/{@code YoutubeTabIE} test URLs and NewPipe's
 * link handler tests list them, turned into the engine's URI form with {@link UrlParser} first (which adds
 * a missing scheme and lower-cases the host), as the engine does.
 */
class YouTubeUrlsTest {
    private final YouTubePlatform platform = new YouTubePlatform();

    private Optional<Target> resolve(String url) {
        return platform.resolve(UrlParser.parse(url));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://www.youtube.com/watch?v=dQw4w9WgXcQ                                   | VIDEO    | dQw4w9WgXcQ
            http://www.youtube.com/watch?v=dQw4w9WgXcQ                                    | VIDEO    | dQw4w9WgXcQ
            https://youtube.com/watch?v=dQw4w9WgXcQ                                       | VIDEO    | dQw4w9WgXcQ
            www.youtube.com/watch?v=dQw4w9WgXcQ                                           | VIDEO    | dQw4w9WgXcQ
            youtube.com/watch?v=dQw4w9WgXcQ                                               | VIDEO    | dQw4w9WgXcQ
            https://m.youtube.com/watch?v=dQw4w9WgXcQ                                     | VIDEO    | dQw4w9WgXcQ
            m.youtube.com/watch?v=dQw4w9WgXcQ&feature=share                               | VIDEO    | dQw4w9WgXcQ
            https://music.youtube.com/watch?v=dQw4w9WgXcQ&list=RDAMVMdQw4w9WgXcQ          | VIDEO    | dQw4w9WgXcQ
            https://WWW.YOUTUBE.COM/watch?v=dQw4w9WgXcQ                                   | VIDEO    | dQw4w9WgXcQ
            https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s                             | VIDEO    | dQw4w9WgXcQ
            https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI&index=2 | VIDEO | dQw4w9WgXcQ
            https://www.youtube.com/watch?feature=player_embedded&v=dQw4w9WgXcQ           | VIDEO    | dQw4w9WgXcQ
            https://www.youtube.com/watch?v=dQw4w9WgXcQ&si=B_RZg_I-lLaa7UU-               | VIDEO    | dQw4w9WgXcQ
            https://www.youtube.com/watch?v=dQw4w9WgXcQ&pp=ygUJcmljayByb2xs                | VIDEO    | dQw4w9WgXcQ
            https://www.youtube.com/watch?v=dQw4w9WgXcQ#t=30                              | VIDEO    | dQw4w9WgXcQ
            https://www.youtube.com/watch?app=desktop&v=dQw4w9WgXcQ                       | VIDEO    | dQw4w9WgXcQ
            https://youtu.be/dQw4w9WgXcQ                                                  | VIDEO    | dQw4w9WgXcQ
            youtu.be/dQw4w9WgXcQ                                                          | VIDEO    | dQw4w9WgXcQ
            https://youtu.be/dQw4w9WgXcQ?si=qxN9Yd2ZJ8Lx0r3A                              | VIDEO    | dQw4w9WgXcQ
            https://youtu.be/dQw4w9WgXcQ?t=43                                             | VIDEO    | dQw4w9WgXcQ
            https://www.youtube.com/shorts/j9rZxAF3C0I                                    | VIDEO    | j9rZxAF3C0I
            https://youtube.com/shorts/j9rZxAF3C0I?si=ZAhJ6w3S7rQhF1Kb                    | VIDEO    | j9rZxAF3C0I
            https://m.youtube.com/shorts/j9rZxAF3C0I?feature=share                        | VIDEO    | j9rZxAF3C0I
            https://www.youtube.com/live/jfKfPfyJRdk                                      | VIDEO    | jfKfPfyJRdk
            https://www.youtube.com/live/jfKfPfyJRdk?si=abc&feature=shared                | VIDEO    | jfKfPfyJRdk
            https://www.youtube.com/embed/dQw4w9WgXcQ                                     | VIDEO    | dQw4w9WgXcQ
            https://www.youtube.com/embed/dQw4w9WgXcQ?start=30&autoplay=1                 | VIDEO    | dQw4w9WgXcQ
            https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ                            | VIDEO    | dQw4w9WgXcQ
            https://www.youtube.com/v/dQw4w9WgXcQ?version=3                               | VIDEO    | dQw4w9WgXcQ
            https://www.youtube.com/e/dQw4w9WgXcQ                                         | VIDEO    | dQw4w9WgXcQ
            https://www.youtube.com/watch?v=xaQJbozY_Is&lc=UgwSOM0QHBLysE3vZE54AaABAg    | COMMENT  | UgwSOM0QHBLysE3vZE54AaABAg
            https://www.youtube.com/watch?v=xaQJbozY_Is&lc=UgwSOM0QHBLysE3vZE54AaABAg.9TOrAAD78Z59TP5tOBhBXP | COMMENT | UgwSOM0QHBLysE3vZE54AaABAg.9TOrAAD78Z59TP5tOBhBXP
            https://www.youtube.com/@kurzgesagt                                           | PROFILE  | @kurzgesagt
            youtube.com/@kurzgesagt/videos                                                | PROFILE  | @kurzgesagt
            https://m.youtube.com/@GoogleDevelopers/shorts                                | PROFILE  | @GoogleDevelopers
            https://www.youtube.com/@kurzgesagt?si=xyz                                    | PROFILE  | @kurzgesagt
            https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw                      | PROFILE  | UC_x5XG1OV2P6uZZ5FSM9Ttw
            https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw/videos               | PROFILE  | UC_x5XG1OV2P6uZZ5FSM9Ttw
            https://music.youtube.com/channel/UCsXVk37bltHxD1rDPwtNM8Q                    | PROFILE  | UCsXVk37bltHxD1rDPwtNM8Q
            https://www.youtube.com/c/GoogleDevelopers                                    | PROFILE  | GoogleDevelopers
            https://www.youtube.com/c/GoogleDevelopers/playlists                          | PROFILE  | GoogleDevelopers
            https://www.youtube.com/user/GoogleDevelopers                                 | PROFILE  | GoogleDevelopers
            https://www.youtube.com/playlist?list=PLOU2XLYxmsIKpaV8h0AGE05so0fAwwfTw      | PLAYLIST | PLOU2XLYxmsIKpaV8h0AGE05so0fAwwfTw
            https://m.youtube.com/playlist?list=PLOU2XLYxmsIKpaV8h0AGE05so0fAwwfTw&si=x1  | PLAYLIST | PLOU2XLYxmsIKpaV8h0AGE05so0fAwwfTw
            https://music.youtube.com/playlist?list=OLAK5uy_kGmZ3vXPp3h3Z0QfKzLZ6Rz0U4rGfoVcQ | PLAYLIST | OLAK5uy_kGmZ3vXPp3h3Z0QfKzLZ6Rz0U4rGfoVcQ
            https://www.youtube.com/playlist?list=UU_x5XG1OV2P6uZZ5FSM9Ttw                | PLAYLIST | UU_x5XG1OV2P6uZZ5FSM9Ttw
            https://www.youtube.com/embed/videoseries?list=PLOU2XLYxmsIKpaV8h0AGE05so0fAwwfTw | PLAYLIST | PLOU2XLYxmsIKpaV8h0AGE05so0fAwwfTw
            https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ                         | VIDEO    | dQw4w9WgXcQ
            https://music.youtube.com/watch?v=dQw4w9WgXcQ&feature=share                   | VIDEO    | dQw4w9WgXcQ
            https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0&start=12             | VIDEO    | dQw4w9WgXcQ
            youtube-nocookie.com/embed/dQw4w9WgXcQ                                        | VIDEO    | dQw4w9WgXcQ
            https://youtube.com/shorts/j9rZxAF3C0I/?feature=share&si=ZAhJ6w3S7rQhF1Kb     | VIDEO    | j9rZxAF3C0I
            https://www.youtube.com/live/jfKfPfyJRdk/?feature=share                       | VIDEO    | jfKfPfyJRdk
            https://www.youtube.com/attribution_link?a=JdfC0C9V6ZI&u=%2Fwatch%3Fv%3DEhxJLojIE_o%26feature%3Dshare | VIDEO | EhxJLojIE_o
            https://www.youtube.com/attribution_link?a=8g8kPrPIi-ecwIsS&u=/watch%3Fv%3DyZ-K7nCVnBI%26feature%3Dem-uploademail | VIDEO | yZ-K7nCVnBI
            https://www.youtube.com/watch_popup?v=dQw4w9WgXcQ                             | VIDEO    | dQw4w9WgXcQ
            https://www.youtube.com/?v=dQw4w9WgXcQ&feature=youtu.be                       | VIDEO    | dQw4w9WgXcQ
            http://www.youtube.com/v/dQw4w9WgXcQ&hl=en_US&fs=1                            | VIDEO    | dQw4w9WgXcQ
            https://youtu.be/dQw4w9WgXcQ&t=10                                             | VIDEO    | dQw4w9WgXcQ
            https://www.youtube.com/watch?v=dQw4w9WgXcQ?t=10                              | VIDEO    | dQw4w9WgXcQ
            https://youtu.be/dQw4w9WgXcQ?si=abc?t=5                                       | VIDEO    | dQw4w9WgXcQ
            https://www.youtube.com/@user.name_1-x                                        | PROFILE  | @user.name_1-x
            https://www.youtube.com/@café.olé                                             | PROFILE  | @café.olé
            https://www.youtube.com/@%E0%A4%B9%E0%A4%BF%E0%A4%A8%E0%A5%8D%E0%A4%A6%E0%A5%80 | PROFILE | @हिन्दी
            https://www.youtube.com/@ελληνικά/videos                                      | PROFILE  | @ελληνικά
            https://www.youtube.com/c/%E0%A4%B9%E0%A4%BF%E0%A4%A8%E0%A5%8D%E0%A4%A6%E0%A5%80 | PROFILE | हिन्दी
            """)
    void recognisesEveryCommonForm(String url, Target.Kind kind, String id) {
        Target target = resolve(url).orElseThrow();
        assertThat(target.platform()).isEqualTo("youtube");
        assertThat(target.kind()).isEqualTo(kind);
        assertThat(target.id()).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://youtu.be/dQw4w9WgXcQ?si=qxN9Yd2ZJ8Lx0r3A&t=43          | https://www.youtube.com/watch?v=dQw4w9WgXcQ
            m.youtube.com/shorts/j9rZxAF3C0I?feature=share                  | https://www.youtube.com/watch?v=j9rZxAF3C0I
            https://www.youtube.com/watch?v=xaQJbozY_Is&lc=UgwSOM0QHBLysE3vZE54AaABAg&t=3 | https://www.youtube.com/watch?v=xaQJbozY_Is&lc=UgwSOM0QHBLysE3vZE54AaABAg
            youtube.com/@kurzgesagt/videos                                  | https://www.youtube.com/@kurzgesagt
            https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw/about  | https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw
            https://m.youtube.com/playlist?list=PLOU2XLYxmsIKpaV8h0AGE05so0fAwwfTw&si=x1 | https://www.youtube.com/playlist?list=PLOU2XLYxmsIKpaV8h0AGE05so0fAwwfTw
            """)
    void givesCanonicalUrls(String url, String canonical) {
        assertThat(resolve(url).orElseThrow().url()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://www.youtube.com/@kurzgesagt           | handle
            https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw | id
            https://www.youtube.com/c/GoogleDevelopers    | custom
            https://www.youtube.com/user/GoogleDevelopers | user
            """)
    void recordsHowAChannelIsNamed(String url, String by) {
        assertThat(resolve(url).orElseThrow().attributes()).containsEntry(YouTubeUrls.CHANNEL_BY, by);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "https://www.youtube.com/watch?v=dQw4w9WgXc",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQQ",
            "https://www.youtube.com/watch?v=dQw4w9WgX!Q",
            "https://www.youtube.com/watch?feature=share",
            "https://youtu.be/",
            "https://youtu.be/short",
            "https://www.youtube.com/shorts/",
            "https://www.youtube.com/shorts/abc",
            "https://www.youtube.com/embed/",
            "https://www.youtube.com/channel/UCshort",
            "https://www.youtube.com/channel/",
            "https://www.youtube.com/@ab",
            "https://www.youtube.com/playlist",
            "https://www.youtube.com/playlist?list=a",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=bad",
            "https://www.youtube.com/",
            "https://www.youtube.com/feed/trending",
            "https://www.youtube.com/results?search_query=cats",
            "https://www.youtube.com/attribution_link?a=JdfC0C9V6ZI",
            "https://www.youtube.com/attribution_link?u=%2F%2Fevil.example%2Fwatch%3Fv%3DdQw4w9WgXcQ",
            "https://www.youtube.com/attribution_link?u=%2Fwatch%3Fv%3Dshort",
            "https://www.youtube.com/?feature=share",
    })
    void rejectsMalformedOrUnsupportedYouTubeUrls(String url) {
        assertThatThrownBy(() -> resolve(url)).isInstanceOfSatisfying(ExportException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_URL);
            assertThat(e.getMessage()).contains("Supported YouTube URLs");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "https://notyoutube.com/watch?v=dQw4w9WgXcQ",
            "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
            "https://www.reddit.com/r/videos/",
            "https://vimeo.com/76979871",
            "https://youtu.be.example.org/dQw4w9WgXcQ",
    })
    void leavesOtherHostsAlone(String url) {
        assertThat(resolve(url)).isEmpty();
    }
}
