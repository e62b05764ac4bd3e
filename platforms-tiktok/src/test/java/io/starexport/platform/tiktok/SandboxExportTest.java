package io.starexport.platform.tiktok;

import io.starexport.StarExport;
import io.starexport.api.Content;
import io.starexport.api.Item;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** With this module installed the engine resolves TikTok URLs with it, also in sandbox mode; every kind yields items. */
class SandboxExportTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "https://www.tiktok.com/@scout2015/video/6718335390845095173?is_from_webapp=1, COMMENTS",
            "https://www.tiktok.com/@scout2015/video/6718335390845095173, POSTS",
            "https://www.tiktok.com/@pattyjenks/photo/7162203925925039406, MEDIA",
            "https://m.tiktok.com/v/6718335390845095173.html, COMMENTS",
            "https://vm.tiktok.com/ZMeAbCdEf/, COMMENTS",
            "https://vt.tiktok.com/ZSjXyZ123/, COMMENTS",
            "https://www.tiktok.com/t/ZTRabc123/, COMMENTS",
            "https://www.tiktok.com/embed/v2/6718335390845095173, COMMENTS",
            "https://www.tiktok.com/@scout2015, POSTS",
            "https://www.tiktok.com/@scout2015, PROFILE",
            "https://www.tiktok.com/@scout2015, MEDIA",
            "https://www.tiktok.com/tag/funny, POSTS",
    })
    void everyKindOfUrlExportsInTheSandbox(String url, Content content) {
        try (StarExport star = StarExport.builder().sandbox(true).platform(new TikTokPlatform()).environment(Map.of()).build();
             Stream<Item> items = star.export(url).content(content).limit(5).stream()) {
            assertThat(items.toList()).isNotEmpty().allSatisfy(item -> {
                assertThat(item.platform()).isEqualTo("tiktok");
                assertThat(item.content()).isEqualTo(content);
            });
        }
    }
}
