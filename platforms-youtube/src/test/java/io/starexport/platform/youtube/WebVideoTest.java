package io.starexport.platform.youtube;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.RetryPolicy;
import io.starexport.StarExport;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Media;
import io.starexport.api.MediaItem;
import io.starexport.api.Post;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Keyless video metadata and formats from {@code POST /youtubei/v1/player}. Synthetic bodies with the
 * field names of real player responses: {@code playabilityStatus}, {@code videoDetails},
 * {@code microformat.playerMicroformatRenderer} and {@code streamingData.formats[]/adaptiveFormats[]}
 * ({@code itag}, {@code url} or {@code signatureCipher}, {@code mimeType}, {@code bitrate},
 * {@code contentLength} and {@code approxDurationMs} as strings), as read by yt-dlp
 * ({@code _extract_formats_and_subtitles}) and seen in a recorded response pasted into
 * SMDevJi/ChromeTube-Downloader {@code js/popup.js}.
 */
class WebVideoTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PLAYER = "{\"responseContext\":{},"
            + "\"playabilityStatus\":{\"status\":\"OK\",\"playableInEmbed\":true},"
            + "\"streamingData\":{\"expiresInSeconds\":\"21540\",\"formats\":[{\"itag\":18,"
            + "\"url\":\"https://rr6---sn-gwpa-qxae7.googlevideo.com/videoplayback?expire=1737383861&itag=18&source=youtube\","
            + "\"mimeType\":\"video/mp4; codecs=\\\"avc1.42001E, mp4a.40.2\\\"\",\"bitrate\":503574,\"width\":640,\"height\":360,"
            + "\"lastModified\":\"1705966800000000\",\"contentLength\":\"13307466\",\"quality\":\"medium\",\"fps\":25,"
            + "\"qualityLabel\":\"360p\",\"projectionType\":\"RECTANGULAR\",\"averageBitrate\":503419,"
            + "\"audioQuality\":\"AUDIO_QUALITY_LOW\",\"approxDurationMs\":\"212091\",\"audioSampleRate\":\"44100\","
            + "\"audioChannels\":2}],"
            + "\"adaptiveFormats\":[{\"itag\":140,\"signatureCipher\":\"s=AOq0QJ8w&sp=sig&url=https%3A%2F%2Frr6---sn.googlevideo.com%2Fvideoplayback\","
            + "\"mimeType\":\"audio/mp4; codecs=\\\"mp4a.40.2\\\"\",\"bitrate\":130685,\"contentLength\":\"3433514\","
            + "\"quality\":\"tiny\",\"averageBitrate\":129478,\"audioQuality\":\"AUDIO_QUALITY_MEDIUM\","
            + "\"approxDurationMs\":\"212091\",\"audioSampleRate\":\"44100\",\"audioChannels\":2}]},"
            + "\"videoDetails\":{\"videoId\":\"dQw4w9WgXcQ\",\"title\":\"Rick Astley - Never Gonna Give You Up\","
            + "\"lengthSeconds\":\"212\",\"keywords\":[\"rick astley\",\"never gonna give you up\"],"
            + "\"channelId\":\"UCuAXFkgsw1L7xaCfnd5JJOw\",\"isOwnerViewing\":false,\"shortDescription\":\"The official video\","
            + "\"isCrawlable\":true,\"thumbnail\":{\"thumbnails\":["
            + "{\"url\":\"https://i.ytimg.com/vi/dQw4w9WgXcQ/default.jpg\",\"width\":120,\"height\":90},"
            + "{\"url\":\"https://i.ytimg.com/vi/dQw4w9WgXcQ/maxresdefault.jpg\",\"width\":1920,\"height\":1080}]},"
            + "\"allowRatings\":true,\"viewCount\":\"1612345678\",\"author\":\"Rick Astley\",\"isPrivate\":false,"
            + "\"isLiveContent\":false},"
            + "\"microformat\":{\"playerMicroformatRenderer\":{\"category\":\"Music\",\"publishDate\":\"2009-10-24T23:57:33-07:00\","
            + "\"uploadDate\":\"2009-10-24T23:57:33-07:00\",\"isFamilySafe\":true}}}";

    private static StarExport engine() {
        return YouTubeTests.engine(server, new YouTubePlatform(), null, RetryPolicy.none()).build();
    }

    @Test
    void exportsTheVideoAndItsFormats() {
        server.stubFor(post(urlPathEqualTo("/youtubei/v1/player")).willReturn(okJson(PLAYER)));
        List<MediaItem> media;
        List<Post> posts;
        try (StarExport star = engine()) {
            media = star.export("https://youtu.be/dQw4w9WgXcQ").media().stream().toList();
            posts = star.export("https://youtu.be/dQw4w9WgXcQ").posts().stream().toList();
        }
        assertThat(media).extracting(MediaItem::id).containsExactly("dQw4w9WgXcQ:thumbnail", "dQw4w9WgXcQ:video",
                "dQw4w9WgXcQ:18", "dQw4w9WgXcQ:140");
        assertThat(media.get(0).media().url()).isEqualTo("https://i.ytimg.com/vi/dQw4w9WgXcQ/maxresdefault.jpg");
        assertThat(media.get(0).media().variants()).hasSize(2);
        assertThat(media.get(1).media().duration()).hasValue(Duration.ofSeconds(212));
        // Only the format with a direct URL is a downloadable rendition of the video.
        assertThat(media.get(1).media().variants()).extracting(Media.Variant::url)
                .containsExactly("https://rr6---sn-gwpa-qxae7.googlevideo.com/videoplayback?expire=1737383861&itag=18&source=youtube");
        MediaItem muxed = media.get(2);
        assertThat(muxed.media().type()).isEqualTo(Media.Type.VIDEO);
        assertThat(muxed.media().url()).startsWith("https://rr6---sn-gwpa-qxae7.googlevideo.com/videoplayback");
        assertThat(muxed.media().width()).hasValue(640);
        assertThat(muxed.media().mimeType()).hasValue("video/mp4; codecs=\"avc1.42001E, mp4a.40.2\"");
        assertThat(muxed.media().duration()).hasValue(Duration.ofMillis(212_091));
        assertThat(muxed.extras()).containsEntry("itag", 18L).containsEntry("quality_label", "360p")
                .containsEntry("bitrate", 503_574L).containsEntry("content_length", 13_307_466L)
                .containsEntry("direct_url", true).containsEntry("adaptive", false);
        MediaItem audio = media.get(3);
        assertThat(audio.media().type()).isEqualTo(Media.Type.AUDIO);
        assertThat(audio.media().url()).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        assertThat(audio.extras()).containsEntry("direct_url", false).containsEntry("signature_ciphered", true)
                .containsEntry("audio_sample_rate", 44_100L).containsEntry("adaptive", true);

        Post post = posts.get(0);
        assertThat(post.title()).hasValue("Rick Astley - Never Gonna Give You Up");
        assertThat(post.viewCount()).hasValue(1_612_345_678L);
        assertThat(post.likeCount()).isEmpty();
        assertThat(post.createdAt()).hasValue(Instant.parse("2009-10-25T06:57:33Z"));
        assertThat(post.author().orElseThrow().id()).hasValue("UCuAXFkgsw1L7xaCfnd5JJOw");
        assertThat(post.extras()).containsEntry("category", "Music").containsEntry("duration", "PT3M32S");
        server.verify(postRequestedFor(urlPathEqualTo("/youtubei/v1/player"))
                .withRequestBody(matchingJsonPath("$.videoId", equalTo("dQw4w9WgXcQ"))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            LOGIN_REQUIRED | Sign in to confirm your age     | AUTH_REQUIRED
            LOGIN_REQUIRED | This video is private           | PRIVATE_CONTENT
            ERROR          | This video is unavailable       | NOT_FOUND
            UNPLAYABLE     | Video unavailable               | NOT_FOUND
            LOGIN_REQUIRED | Sign in to confirm you're not a bot | RATE_LIMITED
            """)
    void mapsPlayability(String status, String reason, ErrorCode code) {
        server.stubFor(post(urlPathEqualTo("/youtubei/v1/player")).willReturn(okJson(
                "{\"responseContext\":{},\"playabilityStatus\":{\"status\":\"" + status + "\",\"reason\":\"" + reason + "\"}}")));
        try (StarExport star = engine()) {
            assertThatThrownBy(() -> star.export("https://youtu.be/dQw4w9WgXcQ").media().stream().count())
                    .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.code()).isEqualTo(code));
        }
    }
}
