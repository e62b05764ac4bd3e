package io.starexport;

import io.starexport.api.Content;
import io.starexport.api.Item;
import io.starexport.api.Post;
import io.starexport.spi.SampleStyle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A URL exported without a content gives what people expect from it: comments of posts, posts of profiles. */
class DefaultContentTest {
    private static StarExport star;

    @BeforeAll
    static void engine() {
        star = StarExport.builder().platform(new KindsPlatform(SampleStyle.generic())).sandbox(true)
                .environment(Map.of()).build();
    }

    @AfterAll
    static void close() {
        star.close();
    }

    @ParameterizedTest
    @CsvSource({
            "https://kinds.example/video/dQw4w9WgXcQ, COMMENTS",
            "https://kinds.example/profile/LinusTechTips, POSTS",
            "https://kinds.example/playlist/PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI, POSTS",
            "https://kinds.example/community/java, POSTS",
            "https://kinds.example/post/1abc2d, COMMENTS",
            "https://kinds.example/comment/kx9a1b2, COMMENTS",
            "https://kinds.example/hashtag/cats, POSTS"})
    void defaultContentFollowsTheKindOfTarget(String url, Content expected) {
        assertThat(star.detect(url).defaultContent()).hasValue(expected);
    }

    @org.junit.jupiter.api.Test
    void anExportOfAChannelWithoutAContentGivesItsPosts() {
        try (Stream<Item> items = star.export("https://kinds.example/profile/LinusTechTips").limit(3).stream()) {
            List<Item> list = items.toList();
            assertThat(list).hasSize(3).allSatisfy(item -> assertThat(item).isInstanceOf(Post.class));
        }
    }
}
