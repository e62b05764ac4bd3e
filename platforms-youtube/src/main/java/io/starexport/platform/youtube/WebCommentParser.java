package io.starexport.platform.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.Skipped;
import io.starexport.kit.Json;
import io.starexport.kit.Values;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * Reads one InnerTube comments or replies page, in both shapes YouTube serves:
 * <ul>
 *   <li>the entity shape (2024 on): {@code commentThreadRenderer.commentViewModel.commentViewModel} or a
 *       bare {@code commentViewModel}, whose {@code commentKey} names a
 *       {@code frameworkUpdates.entityBatchUpdate.mutations[].payload.commentEntityPayload} and whose
 *       {@code toolbarStateKey} names the {@code engagementToolbarStateEntityPayload} (heart state)
 *       [NPX-CE, NPX-VM; reference §1.8];</li>
 *   <li>the legacy shape: {@code commentThreadRenderer.comment.commentRenderer} or a bare
 *       {@code commentRenderer} [NPX-LEG, YTDLP-V {@code _extract_comment_old}; reference §1.8].</li>
 * </ul>
 * A thread's replies are either a continuation to fetch or, in some pages, inline items.
 */
final class WebCommentParser {

    /** A parsed page: the comments in order, threads whose replies are still to fetch, the next token. */
    record Result(List<Comment> comments, List<Skipped> skipped, List<Replies> pendingReplies, String next,
                  Long total, String newestToken, boolean hadContinuationItems) {
    }

    /** Replies of a thread, to fetch with a continuation token. */
    record Replies(String parentId, String token) {
    }

    private final String videoId;
    private final Instant now;
    private final boolean wantReplies;
    private final Map<String, JsonNode> entities = new HashMap<>();
    private final List<Comment> comments = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private final List<Replies> pending = new ArrayList<>();
    private String next;
    private Long total;
    private String newestToken;

    private WebCommentParser(String videoId, Instant now, boolean wantReplies) {
        this.videoId = videoId;
        this.now = now;
        this.wantReplies = wantReplies;
    }

    /**
     * Parses a {@code /next} continuation response.
     *
     * @param parentId the thread whose replies this page holds, or null for a threads page
     */
    static Result parse(JsonNode response, String videoId, String parentId, Instant now, boolean wantReplies) {
        WebCommentParser parser = new WebCommentParser(videoId, now, wantReplies);
        return parser.read(response, parentId);
    }

    private Result read(JsonNode response, String parentId) {
        for (JsonNode mutation : response.path("frameworkUpdates").path("entityBatchUpdate").path("mutations")) {
            String key = Json.text(mutation.path("entityKey"));
            JsonNode payload = mutation.path("payload");
            if (key != null && payload.isObject()) {
                entities.put(key, payload);
            }
        }
        JsonNode endpoints = response.path("onResponseReceivedEndpoints");
        boolean found = false;
        for (int e = 0; e < endpoints.size(); e++) {
            JsonNode endpoint = endpoints.get(e);
            for (String action : new String[]{"reloadContinuationItemsCommand", "appendContinuationItemsAction"}) {
                JsonNode items = endpoint.path(action).path("continuationItems");
                if (items.isArray()) {
                    found = true;
                    String path = "onResponseReceivedEndpoints[" + e + "]." + action + ".continuationItems";
                    for (int i = 0; i < items.size(); i++) {
                        item(items.get(i), path + "[" + i + "]", parentId);
                    }
                }
            }
        }
        return new Result(comments, skipped, pending, next, total, newestToken, found);
    }

    private void item(JsonNode item, String path, String parentId) {
        if (item.has("commentThreadRenderer")) {
            thread(item.path("commentThreadRenderer"), path + ".commentThreadRenderer");
        } else if (item.has("commentViewModel")) {
            add(() -> viewModel(item.path("commentViewModel"), parentId, false, null), path + ".commentViewModel");
        } else if (item.has("commentRenderer")) {
            add(() -> legacy(item.path("commentRenderer"), parentId, null), path + ".commentRenderer");
        } else if (item.has("commentsHeaderRenderer")) {
            header(item.path("commentsHeaderRenderer"));
        } else if (item.has("continuationItemRenderer")) {
            next = token(item.path("continuationItemRenderer"));
        }
    }

    private void thread(JsonNode thread, String path) {
        boolean pinnedPriority = "RENDERING_PRIORITY_PINNED_COMMENT".equals(thread.path("renderingPriority").asText());
        JsonNode replies = thread.path("replies").path("commentRepliesRenderer");
        // The page shows the creator's avatar on "1 reply" when the channel replied [NPX-VM hasCreatorReply].
        boolean creatorReplied = replies.has("viewRepliesCreatorThumbnail");
        Comment top;
        if (thread.has("commentViewModel")) {
            top = add(() -> viewModel(thread.path("commentViewModel").path("commentViewModel"), null, pinnedPriority,
                    creatorReplied), path + ".commentViewModel.commentViewModel");
        } else {
            top = add(() -> legacy(thread.path("comment").path("commentRenderer"), null, creatorReplied),
                    path + ".comment.commentRenderer");
        }
        if (top == null || !wantReplies) {
            return;
        }
        // The oldest shape names the replies continuation in continuations[].nextContinuationData [YTDLP-B
        // _extract_continuation].
        for (JsonNode continuation : replies.path("continuations")) {
            String token = Json.text(continuation.path("nextContinuationData").path("continuation"));
            if (token != null) {
                pending.add(new Replies(top.id(), token));
            }
        }
        for (String list : new String[]{"contents", "subThreads"}) {
            JsonNode entries = replies.path(list);
            for (int i = 0; i < entries.size(); i++) {
                JsonNode entry = entries.get(i);
                String entryPath = path + ".replies.commentRepliesRenderer." + list + "[" + i + "]";
                if (entry.has("continuationItemRenderer")) {
                    String token = token(entry.path("continuationItemRenderer"));
                    if (token != null) {
                        pending.add(new Replies(top.id(), token));
                    }
                } else if (entry.has("commentViewModel")) {
                    add(() -> viewModel(entry.path("commentViewModel"), top.id(), false, null), entryPath);
                } else if (entry.has("commentRenderer")) {
                    add(() -> legacy(entry.path("commentRenderer"), top.id(), null), entryPath);
                }
            }
        }
    }

    private void header(JsonNode header) {
        // "5,145 Comments", or abbreviated for large counts ("1.2K Comments").
        Values.count(FormattedText.of(header.path("countText"))).ifPresent(count -> total = count.value());
        JsonNode items = header.path("sortMenu").path("sortFilterSubMenuRenderer").path("subMenuItems");
        if (items.size() > 1) {
            newestToken = Json.text(items.get(1).path("serviceEndpoint").path("continuationCommand").path("token"));
        }
    }

    /** The token of a {@code continuationItemRenderer}: a continuation endpoint or a "Show more replies" button. */
    static String token(JsonNode renderer) {
        String token = Json.text(renderer.path("continuationEndpoint").path("continuationCommand").path("token"));
        return token != null ? token
                : Json.text(renderer.path("button").path("buttonRenderer").path("command").path("continuationCommand")
                .path("token"));
    }

    private interface Parse {
        Comment run();
    }

    private Comment add(Parse parse, String path) {
        try {
            Comment comment = parse.run();
            comments.add(comment);
            return comment;
        } catch (IllegalArgumentException e) {
            skipped.add(new Skipped(path, e.getMessage()));
            return null;
        }
    }

    /** {@code creatorReplied}: whether the channel replied to this thread; null for a comment that is not a thread's top. */
    private Comment viewModel(JsonNode model, String parentId, boolean pinnedPriority, Boolean creatorReplied) {
        String key = Json.text(model.path("commentKey"));
        JsonNode entity = key == null ? null : entities.get(key);
        JsonNode payload = entity == null ? null : entity.path("commentEntityPayload");
        if (payload == null || !payload.isObject()) {
            throw new IllegalArgumentException("no commentEntityPayload mutation for commentKey " + key);
        }
        JsonNode properties = payload.path("properties");
        String id = Json.text(properties.path("commentId"));
        if (id == null) {
            id = Json.text(model.path("commentId"));
        }
        if (id == null) {
            throw new IllegalArgumentException("no properties.commentId");
        }
        JsonNode author = payload.path("author");
        JsonNode browse = author.path("channelCommand").path("innertubeCommand").path("browseEndpoint");
        String channelId = Json.text(author.path("channelId"));
        Author.Builder who = author(channelId != null ? channelId : Json.text(browse.path("browseId")),
                Json.text(author.path("displayName")), Json.text(browse.path("canonicalBaseUrl")));
        JsonNode toolbar = payload.path("toolbar");
        String stateKey = Json.text(model.path("toolbarStateKey"));
        if (stateKey == null) {
            stateKey = Json.text(properties.path("toolbarStateKey"));
        }
        JsonNode state = stateKey == null ? null : entities.get(stateKey);
        boolean hearted = state != null && "TOOLBAR_HEART_STATE_HEARTED"
                .equals(state.path("engagementToolbarStateEntityPayload").path("heartState").asText());
        String likes = toolbar.has("likeCountNotliked") ? toolbar.path("likeCountNotliked").asText()
                : Json.text(toolbar.path("likeCountA11y"));
        String replies = toolbar.path("replyCount").asText(null);
        int level = properties.path("replyLevel").asInt(parentId == null ? 0 : 1);
        String text = properties.path("content").path("content").asText("");
        return build(id, parentId, level, text, Json.text(properties.path("publishedTime")), likes, replies,
                model.hasNonNull("pinnedText") || pinnedPriority, hearted,
                who.verified(author.path("isVerified").asBoolean(false) || author.path("isArtist").asBoolean(false)),
                author.path("isCreator").asBoolean(false), Json.text(author.path("avatarThumbnailUrl")), creatorReplied);
    }

    private Comment legacy(JsonNode renderer, String parentId, Boolean creatorReplied) {
        String id = Json.text(renderer.path("commentId"));
        if (id == null) {
            throw new IllegalArgumentException("no commentRenderer.commentId");
        }
        JsonNode browse = renderer.path("authorEndpoint").path("browseEndpoint");
        Author.Builder who = author(Json.text(browse.path("browseId")), FormattedText.of(renderer.path("authorText")),
                Json.text(browse.path("canonicalBaseUrl")));
        String likes = renderer.has("voteCount") ? FormattedText.of(renderer.path("voteCount")) : "";
        // Legacy threads leave replyCount out when there are none [NPX-LEG].
        String replies = renderer.has("replyCount") ? renderer.path("replyCount").asText() : "";
        String avatar = null;
        JsonNode thumbnails = renderer.path("authorThumbnail").path("thumbnails");
        if (thumbnails.size() > 0) {
            avatar = Json.text(thumbnails.get(thumbnails.size() - 1).path("url"));
        }
        // yt-dlp takes the presence of creatorHeart as the heart; NewPipe also reads its isHearted flag.
        JsonNode heart = renderer.path("actionButtons").path("commentActionButtonsRenderer").path("creatorHeart");
        boolean hearted = heart.isObject() && heart.path("creatorHeartRenderer").path("isHearted").asBoolean(true);
        return build(id, parentId, parentId == null ? 0 : 1, FormattedText.of(renderer.path("contentText")),
                FormattedText.of(renderer.path("publishedTimeText")), likes == null ? "" : likes, replies,
                renderer.has("pinnedCommentBadge"), hearted, who.verified(renderer.has("authorCommentBadge")),
                renderer.path("authorIsChannelOwner").asBoolean(false), avatar, creatorReplied);
    }

    private static Author.Builder author(String channelId, String name, String canonicalPath) {
        String handle = name != null && name.startsWith("@") ? name.substring(1) : null;
        if (handle == null && canonicalPath != null && canonicalPath.startsWith("/@")) {
            // Non-ASCII handles come percent-encoded in channel paths.
            handle = YouTubeUrls.decode(canonicalPath.substring(2));
        }
        String url = canonicalPath != null ? YouTubeUrls.WEB + canonicalPath
                : channelId != null ? YouTubeUrls.WEB + "/channel/" + channelId : null;
        return Author.builder().id(channelId).displayName(name).handle(handle).url(url);
    }

    private Comment build(String id, String parentId, int level, String text, String published, String likes,
                          String replies, boolean pinned, boolean hearted, Author.Builder author, boolean byOwner,
                          String avatar, Boolean creatorReplied) {
        String parent = parentId;
        if (parent == null && id.contains(".")) {
            parent = id.substring(0, id.indexOf('.'));
        }
        Comment.Builder builder = Comment.builder().platform(YouTubeUrls.PLATFORM).id(id).postId(videoId)
                .url(YouTubeUrls.WEB + "/watch?v=" + videoId + "&lc=" + id)
                .text(text == null ? "" : text).author(author.build()).pinned(pinned)
                .edited(published != null && published.contains("(")) // "3 days ago (edited)"
                .extra("hearted_by_creator", hearted)
                .extra("author_is_channel_owner", byOwner)
                .extra("author_avatar_url", avatar)
                .extra("creator_replied", creatorReplied);
        if (parent != null) {
            builder.parentId(parent).depth(Math.max(level, 1));
        }
        count(likes).ifPresent(likeCount -> {
            builder.likeCount(likeCount.value());
            if (likeCount.approximate()) {
                builder.extra("like_count_text", likeCount.text()).extra("like_count_approximate", true);
            }
        });
        if (parent == null) {
            count(replies).ifPresent(replyCount -> builder.replyCount(replyCount.value()));
        }
        Values.ago(published, now).ifPresent(created -> builder.createdAtApproximately(created, published));
        return builder.extra("published_time_text", published).build();
    }

    /** A count from its display text; a blank text is zero, which is how the web client shows no likes. */
    private static Optional<Values.Count> count(String text) {
        return text != null && text.isBlank() ? Optional.of(new Values.Count(0, false, "")) : Values.count(text);
    }
}
