package io.starexport.platform.instagram;

import com.fasterxml.jackson.databind.JsonNode;
import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Media;
import io.starexport.api.Post;
import io.starexport.api.Profile;
import io.starexport.api.Skipped;
import io.starexport.kit.Json;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the web API's bodies: the REST shapes of {@code /api/v1/…} (reference Part 3.3–3.4, pgrimaud
 * recordings) and the older GraphQL connection shapes ({@code edge_media_to_comment},
 * {@code edge_owner_to_timeline_media}) that the same data came in before.
 */
final class WebParser {
    private static final String ID = InstagramPlatform.ID;

    private WebParser() {
    }

    // ---- comments --------------------------------------------------------------------------------

    /** A page of top-level comments (REST {@code comments[]} or a GraphQL comment connection). */
    static Batch<Comment> comments(JsonNode root, String mediaId, String shortcode, boolean replies, Cursor.Next at) {
        if (root.path("comments").isArray()) {
            return restComments(root, mediaId, shortcode, replies, at);
        }
        JsonNode connection = commentConnection(root);
        if (connection == null) {
            throw ExportException.platformChanged(ID, "comments", "neither a comments list nor a comment connection");
        }
        return graphQlComments(connection, mediaId, shortcode, replies);
    }

    private static Batch<Comment> restComments(JsonNode root, String mediaId, String shortcode, boolean replies,
                                               Cursor.Next at) {
        JsonNode list = root.get("comments");
        if (list.isEmpty() && Json.flag(root.get("comments_disabled"))) {
            throw ExportException.of(ErrorCode.COMMENTS_DISABLED, "Comments are turned off on Instagram post "
                    + shortcode + ".");
        }
        List<Comment> items = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<Cursor.Thread> threads = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            Comment comment = comment(node, mediaId, shortcode, null, "comments[" + i + "]", skipped);
            if (comment == null) {
                continue;
            }
            items.add(comment);
            if (replies) {
                // Without child_comment_count (older bodies) the previews are all there is unless a flag says more.
                Long children = Json.count(node.get("child_comment_count"));
                JsonNode previews = node.path("preview_child_comments");
                boolean more = children != null ? previews.size() < children
                        : Json.flag(node.get("has_more_tail_child_comments")) || Json.flag(node.get("has_more_head_child_comments"));
                if (more || previews.size() > 0) {
                    if (!more) {
                        for (int j = 0; j < previews.size(); j++) {
                            Comment reply = comment(previews.get(j), mediaId, shortcode, comment.id(),
                                    "comments[" + i + "].preview_child_comments[" + j + "]", skipped);
                            if (reply != null) {
                                items.add(reply);
                            }
                        }
                    } else {
                        threads.add(new Cursor.Thread(comment.id(), null));
                    }
                }
            }
        }
        Cursor.Next head = direction(root, at, "min_id", "next_min_id", headMore(root));
        Cursor.Next tail = direction(root, at, "max_id", "next_max_id", tailMore(root));
        return new Batch<>(items, skipped, threads, head != null ? head : tail, Json.count(root.get("comment_count")),
                head != null ? tail : null);
    }

    /**
     * Whether {@code /comments/} has more towards the head ({@code min_id} from {@code next_min_id}, what
     * Instaloader follows): {@code has_more_headload_comments}; older bodies without that flag put their one
     * {@code next_min_id} direction under {@code has_more_comments}; with neither, a token means more.
     */
    private static boolean headMore(JsonNode root) {
        if (root.has("has_more_headload_comments")) {
            return Json.flag(root.get("has_more_headload_comments"));
        }
        if (root.has("has_more_comments") && token(root.get("next_max_id")) == null) {
            return Json.flag(root.get("has_more_comments"));
        }
        return true;
    }

    /** Whether {@code /comments/} has more towards the tail ({@code max_id} from {@code next_max_id}, instagrapi): {@code has_more_comments}. */
    private static boolean tailMore(JsonNode root) {
        return !root.has("has_more_comments") || Json.flag(root.get("has_more_comments"));
    }

    /**
     * The next page in one direction: only the direction the request was made in ({@code at}), or either on a
     * list's first page. The two directions are independent (a head flag of false does not end the tail), and a
     * token pointing back the other way is never followed, so the reading cannot loop.
     */
    private static Cursor.Next direction(JsonNode root, Cursor.Next at, String parameter, String field, boolean more) {
        String token = token(root.get(field));
        boolean ours = at == null || at.parameter().equals(parameter);
        return ours && more && token != null ? new Cursor.Next(parameter, token) : null;
    }

    private static JsonNode commentConnection(JsonNode root) {
        for (JsonNode media : List.of(root.path("data").path("shortcode_media"), root.path("graphql").path("shortcode_media"),
                root.path("data").path("xdt_shortcode_media"))) {
            for (String edge : List.of("edge_media_to_parent_comment", "edge_media_to_comment")) {
                if (media.path(edge).path("edges").isArray()) {
                    return media.get(edge);
                }
            }
        }
        JsonNode xdt = root.path("data").path("xdt_api__v1__media__media_id__comments__connection");
        return xdt.path("edges").isArray() ? xdt : null;
    }

    private static Batch<Comment> graphQlComments(JsonNode connection, String mediaId, String shortcode, boolean replies) {
        JsonNode edges = connection.get("edges");
        List<Comment> items = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<Cursor.Thread> threads = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            JsonNode node = edges.get(i).path("node");
            Comment comment = comment(node, mediaId, shortcode, null, "edges[" + i + "].node", skipped);
            if (comment == null) {
                continue;
            }
            items.add(comment);
            JsonNode threaded = node.path("edge_threaded_comments");
            Long children = Json.count(threaded.has("count") ? threaded.get("count") : node.get("child_comment_count"));
            if (replies && children != null && children > 0) {
                JsonNode childEdges = threaded.path("edges");
                if (childEdges.size() >= children) {
                    for (int j = 0; j < childEdges.size(); j++) {
                        Comment reply = comment(childEdges.get(j).path("node"), mediaId, shortcode, comment.id(),
                                "edges[" + i + "].node.edge_threaded_comments.edges[" + j + "].node", skipped);
                        if (reply != null) {
                            items.add(reply);
                        }
                    }
                } else {
                    threads.add(new Cursor.Thread(comment.id(), null));
                }
            }
        }
        JsonNode pageInfo = connection.path("page_info");
        String end = token(pageInfo.get("end_cursor"));
        Cursor.Next next = Json.flag(pageInfo.get("has_next_page")) && end != null ? new Cursor.Next("after", end) : null;
        return new Batch<>(items, skipped, threads, next, Json.count(connection.get("count")));
    }

    /**
     * A page of {@code /comments/{id}/child_comments/}: towards the tail with {@code max_id} from
     * {@code next_max_child_cursor} while {@code has_more_tail_child_comments}, towards the head with
     * {@code min_id} from {@code next_min_child_cursor} while {@code has_more_head_child_comments}. The
     * thread's first page may offer both (tail first, then head); later pages keep their direction.
     */
    static Batch<Comment> childComments(JsonNode root, String mediaId, String shortcode, String parentId, Cursor.Next at) {
        JsonNode list = root.path("child_comments");
        if (!list.isArray()) {
            throw ExportException.platformChanged(ID, "child_comments", "found " + list.getNodeType());
        }
        List<Comment> items = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Comment reply = comment(list.get(i), mediaId, shortcode, parentId, "child_comments[" + i + "]", skipped);
            if (reply != null) {
                items.add(reply);
            }
        }
        List<Cursor.Thread> rest = new ArrayList<>();
        Cursor.Next tail = direction(root, at, "max_id", "next_max_child_cursor",
                root.path("has_more_tail_child_comments").asBoolean(true));
        Cursor.Next head = direction(root, at, "min_id", "next_min_child_cursor",
                Json.flag(root.get("has_more_head_child_comments")));
        for (Cursor.Next next : new Cursor.Next[] {tail, head}) {
            if (next != null) {
                rest.add(new Cursor.Thread(parentId, next));
            }
        }
        return new Batch<>(items, skipped, rest, null, null);
    }

    /** One comment, REST ({@code pk}, {@code user}) or GraphQL ({@code id}, {@code owner}); null (and a skip) without an id. */
    static Comment comment(JsonNode node, String mediaId, String shortcode, String parentId, String path,
                           List<Skipped> skipped) {
        String id = Json.text(node.has("pk") ? node.get("pk") : node.get("id"));
        if (id == null) {
            skipped.add(new Skipped(path + ".pk", "comment without an id"));
            return null;
        }
        String parent = parentId != null ? parentId : Json.text(node.get("parent_comment_id"));
        JsonNode user = node.has("user") ? node.path("user") : node.path("owner");
        Comment.Builder comment = Comment.builder().platform(ID).id(id).postId(mediaId)
                .text(node.path("text").asText(""))
                .url(InstagramUrls.WEB + "/p/" + shortcode + "/c/" + (parent == null ? id : parent + "/r/" + id) + "/")
                .author(author(user, Json.text(node.get("user_id"))))
                .likeCount(Json.count(node.has("comment_like_count") ? node.get("comment_like_count")
                        : node.path("edge_liked_by").get("count")))
                .pinned(Json.flag(node.get("is_pinned")))
                .edited(Json.flag(node.get("is_edited")))
                .extra("status", Json.text(node.get("status")))
                .extra("has_translation", node.has("has_translation") ? Json.flag(node.get("has_translation")) : null)
                .extra("is_liked_by_media_owner", node.has("is_liked_by_media_owner")
                        ? Json.flag(node.get("is_liked_by_media_owner")) : null)
                .extra("author_profile_pic_url", Json.text(user.get("profile_pic_url")));
        if (parent != null) {
            comment.parentId(parent).depth(1);
        } else {
            comment.replyCount(Json.count(node.has("child_comment_count") ? node.get("child_comment_count")
                    : node.path("edge_threaded_comments").get("count")));
        }
        Instant created = Json.epochSeconds(node.has("created_at_utc") ? node.get("created_at_utc") : node.get("created_at"));
        if (created != null) {
            comment.createdAt(created);
        }
        return comment.build();
    }

    static Author author(JsonNode user, String fallbackId) {
        String id = Json.text(user.get("pk"));
        if (id == null) {
            id = Json.text(user.has("pk_id") ? user.get("pk_id") : user.get("id"));
        }
        String username = Json.text(user.get("username"));
        return Author.builder().id(id != null ? id : fallbackId).handle(username)
                .displayName(Json.text(user.get("full_name")))
                .url(username == null ? null : InstagramUrls.WEB + "/" + username + "/")
                .verified(Json.flag(user.get("is_verified"))).build();
    }

    // ---- posts -----------------------------------------------------------------------------------

    /** {@code /media/{pk}/info/}: the one item as a post. */
    static Post mediaInfo(JsonNode root) {
        JsonNode item = root.path("items").path(0);
        if (!item.isObject()) {
            JsonNode media = root.path("data").path("shortcode_media");
            if (media.isObject()) {
                return post(media, "data.shortcode_media", new ArrayList<>());
            }
            throw ExportException.platformChanged(ID, "items[0]", "no media item");
        }
        Post post = post(item, "items[0]", new ArrayList<>());
        if (post == null) {
            throw ExportException.platformChanged(ID, "items[0].pk", "media item without an id");
        }
        return post;
    }

    /** A page of a profile's posts: {@code /feed/user/{id}/} ({@code items}, {@code next_max_id}) or a GraphQL timeline. */
    static Batch<Post> feed(JsonNode root) {
        List<Post> posts = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        if (root.path("items").isArray()) {
            JsonNode items = root.get("items");
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i).has("media") ? items.get(i).get("media") : items.get(i);
                Post post = post(item, "items[" + i + "]", skipped);
                if (post != null) {
                    posts.add(post);
                }
            }
            String maxId = token(root.get("next_max_id"));
            boolean more = root.path("more_available").asBoolean(maxId != null);
            return new Batch<>(posts, skipped, List.of(), more && maxId != null ? new Cursor.Next("max_id", maxId) : null,
                    null);
        }
        JsonNode timeline = root.path("data").path("user").path("edge_owner_to_timeline_media");
        if (!timeline.path("edges").isArray()) {
            throw ExportException.platformChanged(ID, "items", "neither a feed nor a timeline connection");
        }
        JsonNode edges = timeline.get("edges");
        for (int i = 0; i < edges.size(); i++) {
            Post post = post(edges.get(i).path("node"), "data.user.edge_owner_to_timeline_media.edges[" + i + "].node",
                    skipped);
            if (post != null) {
                posts.add(post);
            }
        }
        JsonNode pageInfo = timeline.path("page_info");
        String end = token(pageInfo.get("end_cursor"));
        return new Batch<>(posts, skipped, List.of(), Json.flag(pageInfo.get("has_next_page")) && end != null
                ? new Cursor.Next("after", end) : null, Json.count(timeline.get("count")));
    }

    /** A REST media item ({@code pk}, {@code taken_at}) or a GraphQL media node ({@code shortcode}, {@code taken_at_timestamp}). */
    static Post post(JsonNode node, String path, List<Skipped> skipped) {
        boolean rest = node.has("taken_at") || node.has("code");
        String id = Json.text(rest ? (node.has("pk") ? node.get("pk") : node.get("id")) : node.get("id"));
        if (id == null) {
            skipped.add(new Skipped(path + ".pk", "media without an id"));
            return null;
        }
        id = Shortcodes.pkOf(id);
        String shortcode = Json.text(rest ? node.get("code") : node.get("shortcode"));
        Post.Builder post = Post.builder().platform(ID).id(id)
                .url(shortcode == null ? null : InstagramUrls.WEB + "/p/" + shortcode + "/")
                .extra("shortcode", shortcode)
                .extra("product_type", Json.text(node.get("product_type")));
        if (rest) {
            post.author(author(node.path("user"), null))
                    .text(Json.text(node.path("caption").get("text")))
                    .likeCount(Json.count(node.get("like_count")))
                    .commentCount(Json.count(node.get("comment_count")))
                    .viewCount(Json.count(node.has("play_count") ? node.get("play_count") : node.get("view_count")))
                    .extra("media_type", restType(node))
                    .extra("caption_is_edited", node.has("caption_is_edited") ? Json.flag(node.get("caption_is_edited")) : null);
            Instant created = Json.epochSeconds(node.get("taken_at"));
            if (created != null) {
                post.createdAt(created);
            }
            if (node.path("carousel_media").isArray() && !node.get("carousel_media").isEmpty()) {
                node.get("carousel_media").forEach(child -> restMedia(child).ifPresent(post::media));
            } else {
                restMedia(node).ifPresent(post::media);
            }
        } else {
            post.author(author(node.path("owner"), null))
                    .text(Json.text(node.path("edge_media_to_caption").path("edges").path(0).path("node").get("text")))
                    .likeCount(Json.count((node.has("edge_media_preview_like") ? node.path("edge_media_preview_like")
                            : node.path("edge_liked_by")).get("count")))
                    .commentCount(Json.count((node.has("edge_media_to_comment") ? node.path("edge_media_to_comment")
                            : node.path("edge_media_to_parent_comment")).get("count")))
                    .viewCount(Json.count(node.has("video_play_count") ? node.get("video_play_count")
                            : node.get("video_view_count")))
                    .extra("media_type", graphQlType(node));
            Instant created = Json.epochSeconds(node.get("taken_at_timestamp"));
            if (created != null) {
                post.createdAt(created);
            }
            JsonNode children = node.path("edge_sidecar_to_children").path("edges");
            if (children.isArray() && !children.isEmpty()) {
                children.forEach(child -> graphQlMedia(child.path("node")).ifPresent(post::media));
            } else {
                graphQlMedia(node).ifPresent(post::media);
            }
        }
        return post.build();
    }

    private static String restType(JsonNode node) {
        if ("clips".equals(Json.text(node.get("product_type")))) {
            return "reel";
        }
        return switch (node.path("media_type").asInt()) {
            case 1 -> "image";
            case 2 -> "video";
            case 8 -> "carousel";
            default -> null;
        };
    }

    private static String graphQlType(JsonNode node) {
        if ("clips".equals(Json.text(node.get("product_type")))) {
            return "reel";
        }
        return switch (node.path("__typename").asText("")) {
            case "GraphImage", "XDTGraphImage" -> "image";
            case "GraphVideo", "XDTGraphVideo" -> "video";
            case "GraphSidecar", "XDTGraphSidecar" -> "carousel";
            default -> Json.flag(node.get("is_video")) ? "video" : null;
        };
    }

    /** A REST media node's file: the first {@code video_versions} entry, else the first image candidate; the rest as variants. */
    static Optional<Media> restMedia(JsonNode node) {
        JsonNode videos = node.path("video_versions");
        if (videos.isArray() && !videos.isEmpty() && Json.text(videos.path(0).get("url")) != null) {
            Media media = sized(Media.of(Media.Type.VIDEO, videos.get(0).get("url").asText()), videos.get(0).path("width"),
                    videos.get(0).path("height")).withVariants(variants(videos, "url", "width", "height"));
            double seconds = node.path("video_duration").asDouble(0);
            return Optional.of(seconds > 0 ? media.withDuration(Duration.ofMillis(Math.round(seconds * 1000)))
                    : media);
        }
        JsonNode candidates = node.path("image_versions2").path("candidates");
        if (candidates.isArray() && !candidates.isEmpty() && Json.text(candidates.path(0).get("url")) != null) {
            return Optional.of(sized(Media.of(Media.Type.IMAGE, candidates.get(0).get("url").asText()),
                    candidates.get(0).path("width"), candidates.get(0).path("height"))
                    .withVariants(variants(candidates, "url", "width", "height")));
        }
        return Optional.empty();
    }

    /** A GraphQL media node's file: {@code video_url} for videos, else {@code display_url}; {@code display_resources} as variants. */
    static Optional<Media> graphQlMedia(JsonNode node) {
        JsonNode dimensions = node.path("dimensions");
        String video = Json.text(node.get("video_url"));
        if (video != null) {
            Media media = sized(Media.of(Media.Type.VIDEO, video), dimensions.path("width"), dimensions.path("height"));
            double seconds = node.path("video_duration").asDouble(0);
            return Optional.of(seconds > 0 ? media.withDuration(Duration.ofMillis(Math.round(seconds * 1000)))
                    : media);
        }
        String display = Json.text(node.get("display_url"));
        if (display == null) {
            return Optional.empty();
        }
        return Optional.of(sized(Media.of(Media.Type.IMAGE, display), dimensions.path("width"),
                dimensions.path("height")).withVariants(variants(node.path("display_resources"), "src", "config_width",
                "config_height")));
    }

    private static Media sized(Media media, JsonNode width, JsonNode height) {
        Integer w = size(width);
        Integer h = size(height);
        return w != null && h != null ? media.withSize(w, h) : media;
    }

    private static List<Media.Variant> variants(JsonNode list, String url, String width, String height) {
        List<Media.Variant> variants = new ArrayList<>();
        for (JsonNode node : list) {
            String link = Json.text(node.get(url));
            if (link != null) {
                Integer w = size(node.get(width));
                Integer h = size(node.get(height));
                variants.add(new Media.Variant(link, w == null ? OptionalInt.empty() : OptionalInt.of(w),
                        h == null ? OptionalInt.empty() : OptionalInt.of(h), Optional.empty()));
            }
        }
        return variants.size() > 1 ? variants : List.of();
    }

    // ---- profile ---------------------------------------------------------------------------------

    /** {@code web_profile_info} ({@code data.user}) or {@code /users/{pk}/info/} ({@code user}); NOT_FOUND when the user is null. */
    static Profile profile(JsonNode root, String username) {
        JsonNode user = root.path("data").has("user") ? root.path("data").get("user") : root.get("user");
        if (user == null || user.isNull()) {
            throw ExportException.of(ErrorCode.NOT_FOUND, "Instagram has no account named '" + username
                    + "' (it may have been renamed, deleted or banned).");
        }
        String id = Json.text(user.has("id") ? user.get("id") : user.get("pk"));
        if (id == null) {
            throw ExportException.platformChanged(ID, "data.user.id", "profile without an id");
        }
        String handle = Json.text(user.get("username"));
        return Profile.builder().platform(ID).id(id)
                .url(InstagramUrls.WEB + "/" + (handle == null ? username : handle) + "/")
                .author(author(user, id))
                .bio(Json.text(user.get("biography")))
                .followerCount(Json.count(user.has("edge_followed_by") ? user.path("edge_followed_by").get("count")
                        : user.get("follower_count")))
                .followingCount(Json.count(user.has("edge_follow") ? user.path("edge_follow").get("count")
                        : user.get("following_count")))
                .postCount(Json.count(user.has("edge_owner_to_timeline_media")
                        ? user.path("edge_owner_to_timeline_media").get("count") : user.get("media_count")))
                .extra("is_private", user.has("is_private") ? Json.flag(user.get("is_private")) : null)
                .extra("is_business_account", business(user))
                .extra("category_name", Json.text(user.get("category_name")))
                .extra("external_url", Json.text(user.get("external_url")))
                .extra("profile_pic_url", Json.text(user.has("profile_pic_url_hd") ? user.get("profile_pic_url_hd")
                        : user.get("profile_pic_url")))
                .extra("fbid", Json.text(user.get("fbid")))
                .build();
    }

    /** {@code web_profile_info} says {@code is_business_account}; {@code /users/{pk}/info/} says {@code is_business}. */
    private static Boolean business(JsonNode user) {
        JsonNode flag = user.has("is_business_account") ? user.get("is_business_account") : user.get("is_business");
        return flag == null ? null : Json.flag(flag);
    }

    /** A paging token as given: a string or number as text, an object (a JSON-encoded cursor) as its JSON. */
    private static String token(JsonNode node) {
        if (node != null && node.isContainerNode()) {
            return node.isEmpty() ? null : node.toString();
        }
        return Json.text(node);
    }

    /** A positive int, or null. */
    private static Integer size(JsonNode node) {
        Long value = Json.count(node);
        return value == null || value == 0 || value > Integer.MAX_VALUE ? null : value.intValue();
    }
}
