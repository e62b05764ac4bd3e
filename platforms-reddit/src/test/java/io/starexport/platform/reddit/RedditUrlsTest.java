package io.starexport.platform.reddit;

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

/** The URL forms of the issue: every host, post, comment, share, subreddit and user form, and what is refused. */
class RedditUrlsTest {
    private final RedditPlatform reddit = new RedditPlatform();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://www.reddit.com/r/redditdev/comments/2gmzqe/praw_https_enabled_praw_testing_needed/ | POST | 2gmzqe | https://www.reddit.com/r/redditdev/comments/2gmzqe/
            https://www.reddit.com/r/redditdev/comments/2gmzqe/praw_https_enabled_praw_testing_needed  | POST | 2gmzqe | https://www.reddit.com/r/redditdev/comments/2gmzqe/
            https://www.reddit.com/r/redditdev/comments/2gmzqe/                                         | POST | 2gmzqe | https://www.reddit.com/r/redditdev/comments/2gmzqe/
            https://www.reddit.com/r/redditdev/comments/2gmzqe                                          | POST | 2gmzqe | https://www.reddit.com/r/redditdev/comments/2gmzqe/
            https://reddit.com/r/redditdev/comments/2gmzqe/slug/?utm_source=share&utm_medium=web2x       | POST | 2gmzqe | https://www.reddit.com/r/redditdev/comments/2gmzqe/
            http://old.reddit.com/r/funny/comments/3hahrw/ba_dum_tsss/                                   | POST | 3hahrw | https://www.reddit.com/r/funny/comments/3hahrw/
            https://new.reddit.com/r/funny/comments/3hahrw/ba_dum_tsss/                                  | POST | 3hahrw | https://www.reddit.com/r/funny/comments/3hahrw/
            https://np.reddit.com/r/funny/comments/3hahrw/ba_dum_tsss/                                   | POST | 3hahrw | https://www.reddit.com/r/funny/comments/3hahrw/
            https://m.reddit.com/r/funny/comments/3hahrw/ba_dum_tsss/                                    | POST | 3hahrw | https://www.reddit.com/r/funny/comments/3hahrw/
            https://i.reddit.com/r/funny/comments/3hahrw/                                                | POST | 3hahrw | https://www.reddit.com/r/funny/comments/3hahrw/
            https://www.reddit.com/r/funny/comments/3HAHRW/                                              | POST | 3hahrw | https://www.reddit.com/r/funny/comments/3hahrw/
            https://www.reddit.com/comments/3hahrw                                                       | POST | 3hahrw | https://www.reddit.com/comments/3hahrw/
            https://www.reddit.com/comments/3hahrw/ba_dum_tsss/                                          | POST | 3hahrw | https://www.reddit.com/comments/3hahrw/
            https://www.reddit.com/r/funny/comments/3hahrw.json                                          | POST | 3hahrw | https://www.reddit.com/r/funny/comments/3hahrw/
            https://redd.it/3hahrw                                                                       | POST | 3hahrw | https://www.reddit.com/comments/3hahrw/
            https://www.reddit.com/gallery/1skjxta                                                       | POST | 1skjxta | https://www.reddit.com/comments/1skjxta/
            https://www.reddit.com/r/redditdev/comments/2gmzqe/praw_https_enabled/cklhv0f/               | COMMENT | cklhv0f | https://www.reddit.com/r/redditdev/comments/2gmzqe/_/cklhv0f/
            https://www.reddit.com/r/redditdev/comments/2gmzqe/praw_https_enabled/cklhv0f/?context=3     | COMMENT | cklhv0f | https://www.reddit.com/r/redditdev/comments/2gmzqe/_/cklhv0f/
            https://old.reddit.com/r/redditdev/comments/2gmzqe/_/cklhv0f                                 | COMMENT | cklhv0f | https://www.reddit.com/r/redditdev/comments/2gmzqe/_/cklhv0f/
            https://www.reddit.com/r/redditdev/comments/2gmzqe/comment/cklhv0f/                          | COMMENT | cklhv0f | https://www.reddit.com/r/redditdev/comments/2gmzqe/_/cklhv0f/
            https://www.reddit.com/comments/6otocc/_/dkk4pqs                                             | COMMENT | dkk4pqs | https://www.reddit.com/comments/6otocc/_/dkk4pqs/
            https://www.reddit.com/r/redditdev/s/nGnQE1QkLC                                              | POST | nGnQE1QkLC | https://www.reddit.com/r/redditdev/s/nGnQE1QkLC
            https://reddit.com/r/redditdev/s/nGnQE1QkLC/                                                 | POST | nGnQE1QkLC | https://www.reddit.com/r/redditdev/s/nGnQE1QkLC
            https://www.reddit.com/u/spez/s/aB3dE5fG7h                                                   | POST | aB3dE5fG7h | https://www.reddit.com/s/aB3dE5fG7h
            https://www.reddit.com/r/pics                                                                | COMMUNITY | pics | https://www.reddit.com/r/pics/
            https://www.reddit.com/r/pics/                                                               | COMMUNITY | pics | https://www.reddit.com/r/pics/
            https://old.reddit.com/r/AskReddit/new/                                                      | COMMUNITY | AskReddit | https://www.reddit.com/r/AskReddit/new/
            https://www.reddit.com/r/pics/top/?t=week                                                    | COMMUNITY | pics | https://www.reddit.com/r/pics/top/?t=week
            https://www.reddit.com/r/pics/controversial?t=all                                            | COMMUNITY | pics | https://www.reddit.com/r/pics/controversial/?t=all
            https://www.reddit.com/r/pics/rising/                                                        | COMMUNITY | pics | https://www.reddit.com/r/pics/rising/
            https://www.reddit.com/r/pics/hot                                                            | COMMUNITY | pics | https://www.reddit.com/r/pics/hot/
            https://www.reddit.com/r/pics/about/                                                         | COMMUNITY | pics | https://www.reddit.com/r/pics/
            https://www.reddit.com/r/pics/search/?q=red+panda&restrict_sr=1                              | COMMUNITY | pics | https://www.reddit.com/r/pics/search/?q=red+panda&restrict_sr=1
            https://www.reddit.com/user/spez                                                             | PROFILE | spez | https://www.reddit.com/user/spez/
            https://www.reddit.com/user/spez/                                                            | PROFILE | spez | https://www.reddit.com/user/spez/
            https://www.reddit.com/u/spez                                                                | PROFILE | spez | https://www.reddit.com/user/spez/
            https://old.reddit.com/user/Lil_SpazJoekp/submitted/                                         | PROFILE | Lil_SpazJoekp | https://www.reddit.com/user/Lil_SpazJoekp/
            https://m.reddit.com/u/some-user_42/comments/                                                | PROFILE | some-user_42 | https://www.reddit.com/user/some-user_42/comments/
            https://www.reddit.com/r/pics/comments/                                                      | COMMUNITY | pics | https://www.reddit.com/r/pics/comments/
            https://sh.reddit.com/r/pics/comments/1abc2de/some_title/                                    | POST | 1abc2de | https://www.reddit.com/r/pics/comments/1abc2de/
            https://WWW.REDDIT.COM/R/Pics/                                                               | COMMUNITY | Pics | https://www.reddit.com/r/Pics/
            https://www.reddit.com/user/spez/comments/1abc2de/title/                                     | POST | 1abc2de | https://www.reddit.com/comments/1abc2de/
            https://www.reddit.com/user/spez/s/aB3dE5fG7h                                                | POST | aB3dE5fG7h | https://www.reddit.com/s/aB3dE5fG7h
            https://www.reddit.com/r/pics/top.json?t=week                                                | COMMUNITY | pics | https://www.reddit.com/r/pics/top/?t=week
            https://www.reddit.com/r/pics.json                                                           | COMMUNITY | pics | https://www.reddit.com/r/pics/
            https://www.reddit.com/user/spez.json                                                        | PROFILE | spez | https://www.reddit.com/user/spez/
            https://www.reddit.com/r/pics/.json                                                          | COMMUNITY | pics | https://www.reddit.com/r/pics/
            """)
    void recognisesEveryForm(String url, Target.Kind kind, String id, String canonical) {
        Target target = reddit.resolve(URI.create(url)).orElseThrow();
        assertThat(target.platform()).isEqualTo("reddit");
        assertThat(target.kind()).isEqualTo(kind);
        assertThat(target.id()).isEqualTo(id);
        assertThat(target.url()).isEqualTo(canonical);
    }

    @Test
    void aCommentUrlNamesItsPostAndSubreddit() {
        Target target = reddit.resolve(URI.create(
                "https://www.reddit.com/r/redditdev/comments/2gmzqe/praw_https_enabled/cklhv0f/?context=3")).orElseThrow();
        assertThat(target.attributes()).containsEntry("postId", "2gmzqe").containsEntry("subreddit", "redditdev");
    }

    /** The newest comments of a user or subreddit are what these pages show, so that is what they export by default. */
    @ParameterizedTest
    @ValueSource(strings = {"https://www.reddit.com/user/spez/comments/", "https://www.reddit.com/u/spez/comments",
            "https://www.reddit.com/r/pics/comments/", "https://www.reddit.com/r/pics/comments.json"})
    void aCommentsPageNamesCommentsAsWhatItExports(String url) {
        Target target = reddit.resolve(URI.create(url)).orElseThrow();
        assertThat(target.attributes()).containsEntry("content", "COMMENTS");
        assertThat(reddit.resolve(URI.create(target.url())).orElseThrow()).isEqualTo(target);
    }

    @Test
    void aShareLinkIsMarkedShortAndKeepsItsSubreddit() {
        Target target = reddit.resolve(URI.create("https://www.reddit.com/r/redditdev/s/nGnQE1QkLC")).orElseThrow();
        assertThat(target.attributes()).containsEntry("short", "true").containsEntry("subreddit", "redditdev");
    }

    @Test
    void listingAndPeriodAndSearchAndSortBecomeAttributes() {
        assertThat(reddit.resolve(URI.create("https://www.reddit.com/r/pics/top/?t=week")).orElseThrow().attributes())
                .containsEntry("listing", "top").containsEntry("t", "week");
        assertThat(reddit.resolve(URI.create("https://www.reddit.com/r/pics/search?q=red%20panda&sort=new"))
                .orElseThrow().attributes()).containsEntry("search", "red panda").containsEntry("sort", "new");
        assertThat(reddit.resolve(URI.create("https://www.reddit.com/r/funny/comments/3hahrw/x/?sort=old"))
                .orElseThrow().attributes()).containsEntry("sort", "old");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://notreddit.com/r/pics",
            "https://reddit.com.evil.example/r/pics", "https://example.com/comments/3hahrw"})
    void leavesOtherSitesAlone(String url) {
        assertThat(reddit.resolve(URI.create(url))).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.reddit.com/", "https://www.reddit.com/r/pics/wiki/index",
            "https://www.reddit.com/r/x/comments/abc", "https://www.reddit.com/r/pics/comments/not-an-id!/",
            "https://www.reddit.com/r/redditdev/comments/2gmzqe/slug/NOT_AN_ID/", "https://www.reddit.com/r/pics/s/x",
            "https://www.reddit.com/user/", "https://www.reddit.com/u/ab", "https://www.reddit.com/settings",
            "https://redd.it/", "https://redd.it/abc/def", "https://i.redd.it/abcdef.jpg", "https://v.redd.it/abcdef",
            "https://www.reddit.com/r/pics/top/?t=decade", "https://www.reddit.com/r/pics/search/"})
    void refusesRedditUrlsItCannotExportWithInvalidUrl(String url) {
        assertThatThrownBy(() -> reddit.resolve(URI.create(url)))
                .isInstanceOfSatisfying(ExportException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_URL);
                    assertThat(e.getMessage()).contains("Supported Reddit URLs");
                });
    }
}
