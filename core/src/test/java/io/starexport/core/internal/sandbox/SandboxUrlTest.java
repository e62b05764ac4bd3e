package io.starexport.core.internal.sandbox;

import io.starexport.api.Target;
import io.starexport.spi.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxUrlTest {
    private final Platform youtube = new YouTubeSandbox();
    private final Platform reddit = new RedditSandbox();
    private final Platform instagram = new InstagramSandbox();
    private final Platform tiktok = new TikTokSandbox();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ,                 VIDEO,    dQw4w9WgXcQ,              https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s&list=PL123,     VIDEO,    dQw4w9WgXcQ,              https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://m.youtube.com/watch?v=dQw4w9WgXcQ,                   VIDEO,    dQw4w9WgXcQ,              https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://music.youtube.com/watch?v=dQw4w9WgXcQ&si=abc,        VIDEO,    dQw4w9WgXcQ,              https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://youtu.be/dQw4w9WgXcQ?si=xyz,                         VIDEO,    dQw4w9WgXcQ,              https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube.com/shorts/aqz-KE-bpKQ,                  VIDEO,    aqz-KE-bpKQ,              https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "https://www.youtube.com/live/jfKfPfyJRdk?feature=share,      VIDEO,    jfKfPfyJRdk,              https://www.youtube.com/watch?v=jfKfPfyJRdk",
            "https://www.youtube.com/embed/dQw4w9WgXcQ,                   VIDEO,    dQw4w9WgXcQ,              https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ,          VIDEO,    dQw4w9WgXcQ,              https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "http://www.youtube.com/v/dQw4w9WgXcQ,                        VIDEO,    dQw4w9WgXcQ,              https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzDE2tasfmrYLyNkGt4AaABAg, COMMENT, UgzDE2tasfmrYLyNkGt4AaABAg, https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzDE2tasfmrYLyNkGt4AaABAg",
            "https://www.youtube.com/@mkbhd,                              PROFILE,  @mkbhd,                   https://www.youtube.com/@mkbhd",
            "https://www.youtube.com/@mkbhd/videos,                       PROFILE,  @mkbhd,                   https://www.youtube.com/@mkbhd",
            "https://www.youtube.com/channel/UCBJycsmduvYEL83R_U4JriQ,    PROFILE,  UCBJycsmduvYEL83R_U4JriQ, https://www.youtube.com/channel/UCBJycsmduvYEL83R_U4JriQ",
            "https://www.youtube.com/c/GoogleDevelopers,                  PROFILE,  GoogleDevelopers,         https://www.youtube.com/c/GoogleDevelopers",
            "https://www.youtube.com/user/PewDiePie/videos,               PROFILE,  PewDiePie,                https://www.youtube.com/user/PewDiePie",
            "https://www.youtube.com/playlist?list=PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI, PLAYLIST, PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI, https://www.youtube.com/playlist?list=PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI",
    })
    void youtubeRecognises(String url, Target.Kind kind, String id, String canonical) {
        assertResolves(youtube, url, kind, id, canonical);
    }

    @Test
    void aYoutubeCommentNamesItsVideo() {
        Target target = youtube.resolve(URI.create("https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzDE2tasfmrYLyNkGt4AaABAg"))
                .orElseThrow();

        assertThat(target.attributes()).containsEntry("videoId", "dQw4w9WgXcQ");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
            "https://notyoutube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube.com/watch?v=short",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQQ",
            "https://www.youtube.com/watch",
            "https://www.youtube.com/feed/trending",
            "https://www.youtube.com/results?search_query=cats",
            "https://www.youtube.com/",
            "https://youtu.be/",
            "https://www.youtube.com/shorts/",
            "https://www.youtube.com/channel/notachannel",
            "https://www.youtube.com/playlist",
            "ftp://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.reddit.com/r/java/",
    })
    void youtubeIgnores(String url) {
        assertThat(youtube.resolve(URI.create(url))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "https://www.reddit.com/r/java/comments/1abcdef/some_title/,        POST,      1abcdef, https://www.reddit.com/comments/1abcdef",
            "https://old.reddit.com/r/java/comments/1abcdef/,                   POST,      1abcdef, https://www.reddit.com/comments/1abcdef",
            "https://new.reddit.com/r/java/comments/1abcdef/some_title,         POST,      1abcdef, https://www.reddit.com/comments/1abcdef",
            "https://np.reddit.com/comments/1abcdef,                            POST,      1abcdef, https://www.reddit.com/comments/1abcdef",
            "https://reddit.com/comments/1abcdef/some_title/?utm_source=share,  POST,      1abcdef, https://www.reddit.com/comments/1abcdef",
            "https://redd.it/1abcdef,                                           POST,      1abcdef, https://www.reddit.com/comments/1abcdef",
            "https://www.reddit.com/r/java/comments/1abcdef/some_title/kx9a1b2/, COMMENT,  kx9a1b2, https://www.reddit.com/r/java/comments/1abcdef/_/kx9a1b2/",
            "https://www.reddit.com/r/java/comments/1abcdef/comment/kx9a1b2/,   COMMENT,   kx9a1b2, https://www.reddit.com/r/java/comments/1abcdef/_/kx9a1b2/",
            "https://www.reddit.com/r/java,                                     COMMUNITY, java,    https://www.reddit.com/r/java/",
            "https://www.reddit.com/r/AskReddit/top/?t=week,                    COMMUNITY, AskReddit, https://www.reddit.com/r/AskReddit/",
            "https://www.reddit.com/user/spez/,                                 PROFILE,   spez,    https://www.reddit.com/user/spez/",
            "https://www.reddit.com/u/spez/submitted/,                          PROFILE,   spez,    https://www.reddit.com/user/spez/",
            "https://www.reddit.com/r/java/s/AbCdEf123,                         POST,      AbCdEf123, https://www.reddit.com/r/java/s/AbCdEf123",
    })
    void redditRecognises(String url, Target.Kind kind, String id, String canonical) {
        assertResolves(reddit, url, kind, id, canonical);
    }

    @Test
    void aRedditCommentNamesItsPostAndSubreddit() {
        Target target = reddit.resolve(URI.create("https://www.reddit.com/r/java/comments/1abcdef/some_title/kx9a1b2/"))
                .orElseThrow();

        assertThat(target.attributes()).containsEntry("postId", "1abcdef").containsEntry("subreddit", "java");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://reddit.com.evil.example/r/java/comments/1abcdef/",
            "https://notreddit.com/r/java/comments/1abcdef/",
            "https://www.reddit.com/",
            "https://www.reddit.com/r/java/wiki/index",
            "https://www.reddit.com/r/java/comments/",
            "https://www.reddit.com/r/java/comments/not-an-id!/",
            "https://www.reddit.com/r/java/s/",
            "https://i.redd.it/abc123.jpeg",
            "https://www.reddit.com/search/?q=java",
    })
    void redditIgnores(String url) {
        assertThat(reddit.resolve(URI.create(url))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "https://www.instagram.com/p/CAnqPB-Jzcj/,              POST,    CAnqPB-Jzcj, https://www.instagram.com/p/CAnqPB-Jzcj/",
            "https://instagram.com/p/CAnqPB-Jzcj?igsh=abc,          POST,    CAnqPB-Jzcj, https://www.instagram.com/p/CAnqPB-Jzcj/",
            "https://www.instagram.com/reel/C8xYz12AbCd/,           POST,    C8xYz12AbCd, https://www.instagram.com/p/C8xYz12AbCd/",
            "https://www.instagram.com/reels/C8xYz12AbCd/,          POST,    C8xYz12AbCd, https://www.instagram.com/p/C8xYz12AbCd/",
            "https://www.instagram.com/tv/B_xYz12AbCd/,             POST,    B_xYz12AbCd, https://www.instagram.com/p/B_xYz12AbCd/",
            "https://www.instagram.com/natgeo/p/CAnqPB-Jzcj/,       POST,    CAnqPB-Jzcj, https://www.instagram.com/p/CAnqPB-Jzcj/",
            "https://m.instagram.com/natgeo/,                        PROFILE, natgeo,      https://www.instagram.com/natgeo/",
            "https://www.instagram.com/NatGeo,                       PROFILE, natgeo,      https://www.instagram.com/natgeo/",
            "https://www.instagram.com/anna.k_photo/reels/,          PROFILE, anna.k_photo, https://www.instagram.com/anna.k_photo/",
            "https://www.instagram.com/explore/tags/sunset/,         HASHTAG, sunset,      https://www.instagram.com/explore/tags/sunset/",
    })
    void instagramRecognises(String url, Target.Kind kind, String id, String canonical) {
        assertResolves(instagram, url, kind, id, canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://www.instagram.com/explore/",
            "https://www.instagram.com/accounts/login/",
            "https://www.instagram.com/stories/natgeo/3123456789/",
            "https://www.instagram.com/direct/inbox/",
            "https://www.instagram.com/about/",
            "https://www.instagram.com/developer/",
            "https://www.instagram.com/legal/privacy/",
            "https://www.instagram.com/p/",
            "https://www.instagram.com/",
            "https://instagram.com.evil.example/p/CAnqPB-Jzcj/",
            "https://notinstagram.com/natgeo/",
            "https://www.instagram.com/natgeo/unknown-tab/",
    })
    void instagramIgnores(String url) {
        assertThat(instagram.resolve(URI.create(url))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "https://www.tiktok.com/@shanu3_007/video/7603296357641735445,          VIDEO,   7603296357641735445, https://www.tiktok.com/@shanu3_007/video/7603296357641735445",
            "https://m.tiktok.com/@shanu3_007/video/7603296357641735445?lang=en,    VIDEO,   7603296357641735445, https://www.tiktok.com/@shanu3_007/video/7603296357641735445",
            "https://www.tiktok.com/@some.user/photo/7412345678901234567,           VIDEO,   7412345678901234567, https://www.tiktok.com/@some.user/photo/7412345678901234567",
            "https://m.tiktok.com/v/7603296357641735445.html,                       VIDEO,   7603296357641735445, https://m.tiktok.com/v/7603296357641735445.html",
            "https://www.tiktok.com/embed/v2/7603296357641735445,                   VIDEO,   7603296357641735445, https://m.tiktok.com/v/7603296357641735445.html",
            "https://vm.tiktok.com/ZMabc123/,                                       VIDEO,   ZMabc123,            https://vm.tiktok.com/ZMabc123/",
            "https://vt.tiktok.com/ZSxyz789/,                                       VIDEO,   ZSxyz789,            https://vt.tiktok.com/ZSxyz789/",
            "https://www.tiktok.com/t/ZTRabc123/,                                   VIDEO,   ZTRabc123,           https://www.tiktok.com/t/ZTRabc123/",
            "https://www.tiktok.com/@khaby.lame,                                    PROFILE, khaby.lame,          https://www.tiktok.com/@khaby.lame",
            "https://www.tiktok.com/@khaby.lame?lang=en,                            PROFILE, khaby.lame,          https://www.tiktok.com/@khaby.lame",
            "https://www.tiktok.com/tag/cats,                                       HASHTAG, cats,                https://www.tiktok.com/tag/cats",
    })
    void tiktokRecognises(String url, Target.Kind kind, String id, String canonical) {
        assertResolves(tiktok, url, kind, id, canonical);
    }

    @Test
    void aTiktokVideoNamesItsAuthorAndAShortLinkSaysItIsShort() {
        assertThat(tiktok.resolve(URI.create("https://www.tiktok.com/@shanu3_007/video/7603296357641735445")).orElseThrow()
                .attributes()).containsEntry("author", "shanu3_007");
        assertThat(tiktok.resolve(URI.create("https://www.tiktok.com/@some.user/photo/7412345678901234567")).orElseThrow()
                .attributes()).containsEntry("type", "photo");
        assertThat(tiktok.resolve(URI.create("https://vm.tiktok.com/ZMabc123/")).orElseThrow().attributes())
                .containsEntry("short", "true");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://tiktok.com.evil.example/@user/video/7603296357641735445",
            "https://nottiktok.com/@user/video/7603296357641735445",
            "https://www.tiktok.com/@user/video/123",
            "https://www.tiktok.com/@user/video/",
            "https://www.tiktok.com/@user/live",
            "https://www.tiktok.com/foryou",
            "https://www.tiktok.com/",
            "https://vm.tiktok.com/",
            "https://www.tiktok.com/@/video/7603296357641735445",
    })
    void tiktokIgnores(String url) {
        assertThat(tiktok.resolve(URI.create(url))).isEmpty();
    }

    @Test
    void eachUrlBelongsToOnePlatformOnly() {
        List<String> urls = List.of("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://redd.it/1abcdef",
                "https://www.instagram.com/natgeo/", "https://vm.tiktok.com/ZMabc123/");

        for (String url : urls) {
            assertThat(Sandbox.knownPlatforms().stream().map(platform -> platform.resolve(URI.create(url)))
                    .filter(Optional::isPresent)).as(url).hasSize(1);
        }
    }

    private static void assertResolves(Platform platform, String url, Target.Kind kind, String id, String canonical) {
        Target target = platform.resolve(URI.create(url)).orElseThrow(() -> new AssertionError(url + " was not recognised"));

        assertThat(target.platform()).isEqualTo(platform.id());
        assertThat(target.kind()).isEqualTo(kind);
        assertThat(target.id()).isEqualTo(id);
        assertThat(target.url()).isEqualTo(canonical);
        assertThat(platform.resolve(URI.create(target.url()))).as("the canonical URL resolves to the same target")
                .hasValueSatisfying(again -> assertThat(again.id()).isEqualTo(id));
    }
}
