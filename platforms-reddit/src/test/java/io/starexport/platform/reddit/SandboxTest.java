package io.starexport.platform.reddit;

import io.starexport.StarExport;
import io.starexport.api.Content;
import io.starexport.api.Item;
import io.starexport.api.Target;
import io.starexport.writer.json.JsonLinesFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** With this module installed, sandbox exports use its URL recognition; every kind of target yields items. */
class SandboxTest {
    @ParameterizedTest(name = "{0} {2}")
    @CsvSource({
            "https://www.reddit.com/r/funny/comments/3hahrw/ba_dum_tsss/, POST, COMMENTS",
            "https://redd.it/3hahrw, POST, COMMENTS",
            "https://www.reddit.com/r/redditdev/comments/2gmzqe/slug/cklhv0f/, COMMENT, COMMENTS",
            "https://www.reddit.com/r/redditdev/s/nGnQE1QkLC, POST, COMMENTS",
            "https://www.reddit.com/r/pics/top/?t=week, COMMUNITY, POSTS",
            "https://www.reddit.com/user/spez, PROFILE, POSTS",
            "https://www.reddit.com/u/spez, PROFILE, PROFILE"})
    void sandboxExportsThroughThisModulesUrls(String url, Target.Kind kind, Content content) {
        try (StarExport star = StarExport.builder().sandbox(true).discovery(false).platform(new RedditPlatform()).format(new JsonLinesFormat())
                .environment(Map.of()).build()) {
            assertThat(star.detect(url).target().kind()).isEqualTo(kind);
            try (Stream<Item> items = star.export(url).content(content).limit(5).stream()) {
                assertThat(items.toList()).isNotEmpty().allSatisfy(item -> assertThat(item.platform()).isEqualTo("reddit"));
            }
        }
    }
}
