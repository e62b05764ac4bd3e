package io.starexport.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.starexport.api.Content;
import io.starexport.platform.instagram.InstagramPlatform;
import io.starexport.platform.reddit.RedditPlatform;
import io.starexport.platform.tiktok.TikTokPlatform;
import io.starexport.platform.youtube.YouTubePlatform;
import io.starexport.spi.Credentials;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.HttpRequest;
import io.starexport.spi.Page;
import io.starexport.spi.PageRequest;
import io.starexport.spi.Platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * (1) Parsing: each platform's real extractor ({@link Platform#extractor}) turning a recorded comments page
 * into items, against a bare Jackson {@code readTree} of the same bytes. The extractor runs on a
 * {@link RecordedContext}, so every operation is: build the extractor, build the request, get the recorded
 * page back at once, parse it into {@code Comment}s, encode the next cursor. An operation must make exactly
 * one request (checked before measuring). Side by side in timed blocks, alternately, like the other figures.
 *
 * <p>The recorded pages, copied from the platform modules' test resources into
 * {@code src/main/resources/recordings/} with their licence or source files:
 * <ul>
 *   <li>YouTube Data API: {@code youtube/data-api/comment_threads_by_video_paged_1.json}, a
 *       {@code commentThreads.list} page from sns-sdks/python-youtube @ 1694c2c :
 *       {@code testdata/apidata/comment_threads/} (MIT, {@code LICENSE.python-youtube}).</li>
 *   <li>YouTube InnerTube: {@code youtube/innertube/02-next.response.json} (the watch page's {@code next},
 *       only to get the first cursor) and {@code 03-next.response.json}, a comments continuation page, from
 *       TeamNewPipe/NewPipeExtractor's mocks
 *       ({@code .../youtubecommentsextractor/pinned/generated_mock_{2,3}.json}, see {@code SOURCE.md}).</li>
 *   <li>Reddit: interaction 2 of {@code reddit/TestMore.test_comments.json}, the comment tree of 3hahrw
 *       (praw-dev/praw @ 7b69758 : {@code tests/integration/cassettes/}, BSD-2-Clause, {@code LICENSE.praw}).</li>
 *   <li>Instagram (web API): {@code instagram/web/media-comments.json}, a comments page from
 *       pgrimaud/instagram-user-feed @ 8e39f0f : {@code tests/fixtures/} (MIT, {@code LICENSE.instagram-user-feed}).</li>
 *   <li>TikTok (web API): {@code tiktok/web/comment-list.page1.json}, a real {@code /api/comment/list/} body of
 *       2026-02-05 from alingowangxr/ideasseek-ai : {@code douyin-app-doc/tiktok_video_comments.md} (no licence
 *       upstream; see {@code SOURCES.md}).</li>
 * </ul>
 */
final class ParseMeasurement implements Measurement {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The youtube InnerTube recordings' date, so relative times ("2 years ago") resolve as in the module's tests. */
    private static final Instant RECORDED = Instant.parse("2026-01-24T12:00:00Z");

    /**
     * One recorded page and how to reach it.
     *
     * @param key       the {@code parse.<key>} prefix in latest.json
     * @param name      the table's name
     * @param page      the recorded page measured, also the readTree baseline's input
     * @param atCursor  whether the measured request is the one at the first page's cursor (the first page needs
     *                  a request of its own) rather than the first request
     */
    record Case(String key, String name, Platform platform, Credentials credentials, String url,
                        boolean replies, byte[] page, boolean atCursor, Function<HttpRequest, byte[]> answers) {
    }

    @Override
    public String id() {
        return "parse";
    }

    @Override
    public List<Row> run(Settings settings) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (Case c : cases()) {
            try {
                rows.add(measure(c, settings));
            } catch (Exception e) {
                rows.add(Row.failed("Parsing: " + c.name(), "parse." + c.key(), e));
            }
        }
        return rows;
    }

    static List<Case> cases() {
        byte[] threads = resource("youtube/data-api/comment_threads_by_video_paged_1.json");
        byte[] watch = resource("youtube/innertube/02-next.response.json");
        byte[] continuation = resource("youtube/innertube/03-next.response.json");
        byte[] tree = cassetteBody(resource("reddit/TestMore.test_comments.json"), 2);
        byte[] instagram = resource("instagram/web/media-comments.json");
        byte[] tiktok = resource("tiktok/web/comment-list.page1.json");
        return List.of(
                // The platform counts quota units per key and stops at a day's budget; the benchmark spends
                // far more than 10,000 "units" on recorded answers, so the budget is lifted.
                new Case("youtube", "youtube (Data API, commentThreads page)",
                        YouTubePlatform.builder().dailyQuotaBudget(Long.MAX_VALUE).build(),
                        Credentials.of(Map.of("api_key", "bench-key")), "https://www.youtube.com/watch?v=F1UP7wRCPH8",
                        false, threads, false, only("/youtube/v3/commentThreads", threads)),
                new Case("youtube.innertube", "youtube (InnerTube, comments page)", new YouTubePlatform(),
                        Credentials.NONE, "https://www.youtube.com/watch?v=xaQJbozY_Is", false, continuation, true,
                        request -> new String(request.body(), StandardCharsets.UTF_8).contains("\"continuation\"")
                                ? continuation : watch),
                new Case("reddit", "reddit (comment tree page)", new RedditPlatform(), Credentials.NONE,
                        "https://www.reddit.com/r/funny/comments/3hahrw/ba_dum_tsss/", true, tree, false,
                        only("/comments/3hahrw", tree)),
                new Case("instagram", "instagram (web API, comments page)", new InstagramPlatform(),
                        Credentials.of(Map.of("sessionid", "bench-session")), "https://www.instagram.com/p/CAnqPB-Jzcj/",
                        false, instagram, false, only("/comments/", instagram)),
                new Case("tiktok", "tiktok (web API, comments page)", new TikTokPlatform(), Credentials.NONE,
                        "https://www.tiktok.com/@cate/video/7603296357641735445", false, tiktok, false,
                        only("/api/comment/list/", tiktok)));
    }

    /** Answers requests whose path contains {@code path}; any other request is a surprise worth failing on. */
    private static Function<HttpRequest, byte[]> only(String path, byte[] body) {
        return request -> {
            if (!request.url().getPath().contains(path)) {
                throw new IllegalStateException("unexpected request " + request.redactedUrl());
            }
            return body;
        };
    }

    /**
     * One operation of a case, checked: it makes exactly one request and gives items.
     *
     * @param run   builds the extractor and fetches the measured page
     * @param items the items one operation gives
     */
    record Operation(Runnable run, int items) {
    }

    static Operation prepare(Case c) {
        RecordedContext context = new RecordedContext(c.platform(), c.credentials(), RECORDED, c.answers());
        ExportQuery query = new ExportQuery(c.platform().resolve(URI.create(c.url())).orElseThrow(
                () -> new IllegalStateException(c.url() + " is not " + c.platform().id() + "'s")),
                Content.COMMENTS, c.replies(), Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty());
        PageRequest request = PageRequest.first();
        if (c.atCursor()) {
            Page<?> first = c.platform().extractor(query, context).fetch(PageRequest.first());
            request = PageRequest.at(first.nextCursor().orElseThrow(
                    () -> new IllegalStateException("the first recorded page has no next cursor")));
        }
        PageRequest measured = request;
        long before = context.requests();
        int items = c.platform().extractor(query, context).fetch(measured).items().size();
        if (context.requests() - before != 1 || items == 0) {
            throw new IllegalStateException("one operation made " + (context.requests() - before)
                    + " requests and gave " + items + " items; expected 1 request and some items");
        }
        return new Operation(() -> c.platform().extractor(query, context).fetch(measured), items);
    }

    private static Row measure(Case c, Settings settings) {
        Operation operation = prepare(c);
        int itemsPerPage = operation.items();
        Runnable extractor = operation.run();
        Runnable readTree = () -> readTree(c.page());
        long block = settings.pick(500L, 1_500L);
        for (int warm = 0; warm < settings.pick(1, 3); warm++) {
            pagesPerSecond(extractor, block);
            pagesPerSecond(readTree, block);
        }
        List<Double> plugin = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        for (int run = 0; run < settings.runs(); run++) {
            plugin.add(pagesPerSecond(extractor, block) * itemsPerPage);
            baseline.add(pagesPerSecond(readTree, block) * itemsPerPage);
        }
        Stats items = Stats.of(plugin);
        Stats ratio = Stats.ratios(plugin, baseline);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("parse." + c.key() + ".items_per_s", items.toJson());
        figures.put("parse." + c.key() + ".ratio_vs_readtree", ratio.toJson());
        return new Row("Parsing: " + c.name(), figures, items.format() + " items/s",
                "readTree of the same bytes: " + Stats.of(baseline).format() + " items/s",
                ratio.format(), "≥ 0.5 of readTree", Row.Met.of(ratio.median() >= 0.5),
                itemsPerPage + " items from " + Math.round(c.page().length / 1024.0) + " KB a page; "
                        + settings.runs() + " blocks of " + block + " ms per side after warm-up");
    }

    /** Runs {@code operation} for about {@code millis} and gives operations per second. */
    private static double pagesPerSecond(Runnable operation, long millis) {
        long start = System.nanoTime();
        long end = start + millis * 1_000_000;
        long count = 0;
        long now;
        do {
            operation.run();
            count++;
            now = System.nanoTime();
        } while (now < end);
        return count / ((now - start) / 1e9);
    }

    private static volatile int sink;

    private static void readTree(byte[] page) {
        try {
            JsonNode tree = JSON.readTree(page);
            sink += tree.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = ParseMeasurement.class.getResourceAsStream("/recordings/" + path)) {
            if (in == null) {
                throw new IllegalStateException("no recording " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw response body of one interaction of a betamax cassette (PRAW's recording format). */
    private static byte[] cassetteBody(byte[] cassette, int interaction) {
        try {
            return JSON.readTree(cassette).path("interactions").path(interaction).path("response").path("body")
                    .path("string").asText().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
