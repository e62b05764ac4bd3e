package io.starexport.platform.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.Comment;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Skipped;
import io.starexport.api.Sort;
import io.starexport.kit.CursorCodec;
import io.starexport.kit.Json;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.Page;
import io.starexport.spi.PageRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A video's comments through the keyless web client, as NewPipe's {@code YoutubeCommentsExtractor} reads
 * them (reference §1.8): {@code /next} with the video id gives the watch data, whose comments section
 * holds the first continuation token (Top) and whose comments engagement panel holds the sort menu
 * (Newest); each {@code /next} with a token gives 20 threads and the next token. A thread's replies are a
 * continuation of their own, 10 replies a page with a "Show more replies" token.
 *
 * <p>The cursor holds the next threads token and the threads whose replies are still to read, so
 * replies follow their threads page.
 */
final class WebComments implements Extractor<Comment> {
    private static final CursorCodec CURSOR = CursorCodec.of(YouTubeUrls.PLATFORM, "web-comments", 1);

    private final WebClient client;
    private final ExportQuery query;
    private final Clock clock;

    WebComments(WebClient client, ExportQuery query, Clock clock) {
        this.client = client;
        this.query = query;
        this.clock = clock;
    }

    @Override
    public Page<Comment> fetch(PageRequest request) {
        ObjectNode state = request.cursor().map(CURSOR::decode).orElseGet(() -> CURSOR.newState().put("next", ""));
        ArrayNode queue = state.withArray("queue");
        String videoId = query.target().id();
        Instant now = clock.instant();
        List<Comment> items = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        if (!queue.isEmpty()) {
            ObjectNode head = (ObjectNode) queue.get(0);
            String parent = head.path("parent").asText();
            WebCommentParser.Result result = WebCommentParser.parse(
                    page(client.nextContinuation(head.path("token").asText(), "replies of comment " + parent)),
                    videoId, parent, now, true);
            items.addAll(result.comments());
            skipped.addAll(result.skipped());
            // YouTube sometimes answers a continuation with itself (yt-dlp issue 6290); that is the end too.
            if (result.next() == null || result.next().equals(head.path("token").asText())) {
                queue.remove(0);
            } else {
                head.put("token", result.next());
            }
        } else {
            String token = state.path("next").asText();
            WebCommentParser.Result result;
            if (token.isEmpty()) {
                JsonNode watch = client.nextForVideo(videoId);
                boolean newest = query.sort().orElse(Sort.TOP) == Sort.NEWEST;
                String newestToken = newest ? newestToken(watch) : null;
                result = threads(newestToken != null ? newestToken : firstToken(watch, videoId), now);
                if (newest && newestToken == null && result.newestToken() != null) {
                    // No sort menu in the watch data: the first (Top) page's header has it.
                    result = threads(result.newestToken(), now);
                }
            } else {
                result = threads(token, now);
            }
            if (result.total() != null && query.replies()) {
                // The header's count includes replies, so it is the export's total only with replies.
                state.put("total", result.total());
            }
            items.addAll(result.comments());
            skipped.addAll(result.skipped());
            for (WebCommentParser.Replies replies : result.pendingReplies()) {
                queue.addObject().put("parent", replies.parentId()).put("token", replies.token());
            }
            state.put("next", result.next() == null || result.next().equals(token) ? null : result.next());
        }
        boolean more = !queue.isEmpty() || state.hasNonNull("next");
        Page<Comment> page = Page.of(items, more ? CURSOR.encode(state) : null).withSkipped(skipped);
        return state.hasNonNull("total") ? page.withTotal(state.path("total").asLong()) : page;
    }

    private WebCommentParser.Result threads(String token, Instant now) {
        return WebCommentParser.parse(page(client.nextContinuation(token, "comments of video " + query.target().id())),
                query.target().id(), null, now, query.replies());
    }

    private static JsonNode page(JsonNode response) {
        if (!response.has("onResponseReceivedEndpoints")) {
            if (response.has("responseContext") && !response.has("contents")) {
                // An exhausted continuation answers with the context only (NPX-CE treats it as the end).
                return response;
            }
            throw ExportException.platformChanged(YouTubeUrls.PLATFORM, "onResponseReceivedEndpoints",
                    "a comments page without continuation items");
        }
        return response;
    }

    /** The Top comments token of the watch data's comments section [NPX-CE {@code findInitialCommentsToken}]. */
    static String firstToken(JsonNode watch, String videoId) {
        JsonNode contents = watch.path("contents").path("twoColumnWatchNextResults").path("results").path("results")
                .path("contents");
        if (!contents.isArray()) {
            throw unavailable(watch, videoId);
        }
        boolean hasVideo = false;
        for (JsonNode content : contents) {
            hasVideo |= content.has("videoPrimaryInfoRenderer");
            JsonNode section = content.path("itemSectionRenderer");
            if (!"comments-section".equals(section.path("targetId").asText())
                    && !"comment-item-section".equals(section.path("sectionIdentifier").asText())) {
                continue;
            }
            String message = null;
            for (JsonNode entry : section.path("contents")) {
                if (entry.has("continuationItemRenderer")) {
                    String token = WebCommentParser.token(entry.path("continuationItemRenderer"));
                    if (token != null) {
                        return token;
                    }
                }
                if (entry.has("messageRenderer")) {
                    message = FormattedText.of(entry.path("messageRenderer").path("text"));
                }
            }
            throw disabled(videoId, message);
        }
        if (hasVideo) {
            throw disabled(videoId, null);
        }
        throw unavailable(watch, videoId);
    }

    /** The Newest token of the comments panel's sort menu, or null [NPX-MOCK {@code pinned/generated_mock_2.json}]. */
    static String newestToken(JsonNode watch) {
        for (JsonNode panel : watch.path("engagementPanels")) {
            JsonNode renderer = panel.path("engagementPanelSectionListRenderer");
            if (!"engagement-panel-comments-section".equals(renderer.path("panelIdentifier").asText())) {
                continue;
            }
            JsonNode items = renderer.path("header").path("engagementPanelTitleHeaderRenderer").path("menu")
                    .path("sortFilterSubMenuRenderer").path("subMenuItems");
            if (items.size() > 1) {
                return Json.text(items.get(1).path("serviceEndpoint").path("continuationCommand").path("token"));
            }
        }
        return null;
    }

    private static ExportException disabled(String videoId, String message) {
        return ExportException.of(ErrorCode.COMMENTS_DISABLED, "Comments are turned off for video " + videoId
                + (message == null ? "." : ": " + message));
    }

    /** The error for watch data without a video: private, age-restricted or unavailable. */
    static ExportException unavailable(JsonNode watch, String videoId) {
        String reason = null;
        for (JsonNode alert : watch.path("alerts")) {
            for (String type : new String[]{"alertRenderer", "alertWithButtonRenderer"}) {
                String text = FormattedText.of(alert.path(type).path("text"));
                if (text != null) {
                    reason = text;
                }
            }
        }
        if (reason == null) {
            JsonNode status = watch.path("playabilityStatus");
            reason = Json.text(status.path("reason"));
        }
        String lower = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        String said = reason == null ? "" : ": " + reason;
        if (lower.contains("private")) {
            return ExportException.of(ErrorCode.PRIVATE_CONTENT, "Video " + videoId + " is private" + said);
        }
        if (lower.contains("confirm your age") || lower.contains("age-restricted") || lower.contains("inappropriate")) {
            return ExportException.of(ErrorCode.AUTH_REQUIRED, "Video " + videoId + " is age-restricted" + said
                    + ". The keyless client cannot sign in; configure an api_key to use the Data API.");
        }
        if (reason == null && !watch.has("contents")) {
            return ExportException.platformChanged(YouTubeUrls.PLATFORM,
                    "contents.twoColumnWatchNextResults.results.results.contents", "no watch contents and no alert");
        }
        return ExportException.of(ErrorCode.NOT_FOUND, "Video " + videoId + " is unavailable" + said
                + (reason == null ? " (deleted, never existed, or blocked in this region)." : ""));
    }
}
