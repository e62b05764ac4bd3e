package io.starexport.platform.instagram;

import com.fasterxml.jackson.databind.JsonNode;
import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.ExportException;
import io.starexport.api.Media;
import io.starexport.api.Post;
import io.starexport.api.Profile;
import io.starexport.api.Skipped;
import io.starexport.kit.Json;
import io.starexport.kit.Values;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;

/**
 * Reads Graph API bodies (reference Part 2; python-facebook recordings): {@code data[]} lists with
 * {@code paging.cursors.after}/{@code paging.next}, IG Comment, IG Media and business discovery.
 */
final class GraphParser {
    private static final String ID = InstagramPlatform.ID;

    private GraphParser() {
    }

    /** A page of {@code /{media}/comments}, replies from the nested {@code replies} field following their comment. */
    static Batch<Comment> comments(JsonNode root, String mediaId, boolean replies) {
        JsonNode data = list(root, "data");
        List<Comment> items = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<Cursor.Thread> threads = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            JsonNode node = data.get(i);
            Comment comment = comment(node, mediaId, null, "data[" + i + "]", skipped);
            if (comment == null) {
                continue;
            }
            items.add(comment);
            if (replies && node.path("replies").isObject()) {
                JsonNode nested = node.get("replies").path("data");
                for (int j = 0; j < nested.size(); j++) {
                    Comment reply = comment(nested.get(j), mediaId, comment.id(), "data[" + i + "].replies.data[" + j + "]",
                            skipped);
                    if (reply != null) {
                        items.add(reply);
                    }
                }
                Cursor.Next more = next(node.get("replies"));
                if (more != null) {
                    threads.add(new Cursor.Thread(comment.id(), more));
                }
            }
        }
        return new Batch<>(items, skipped, threads, next(root), null);
    }

    /** A page of {@code /{comment}/replies}; the batch's thread is the rest of it. */
    static Batch<Comment> replies(JsonNode root, String mediaId, String parentId) {
        JsonNode data = list(root, "data");
        List<Comment> items = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            Comment reply = comment(data.get(i), mediaId, parentId, "data[" + i + "]", skipped);
            if (reply != null) {
                items.add(reply);
            }
        }
        Cursor.Next more = next(root);
        return new Batch<>(items, skipped, more == null ? List.of() : List.of(new Cursor.Thread(parentId, more)), null,
                null);
    }

    /** An IG Comment; null (and a skip) without an id. */
    static Comment comment(JsonNode node, String mediaId, String parentId, String path, List<Skipped> skipped) {
        String id = Json.text(node.get("id"));
        if (id == null) {
            skipped.add(new Skipped(path + ".id", "comment without an id"));
            return null;
        }
        String parent = parentId != null ? parentId : Json.text(node.get("parent_id"));
        String username = Json.text(node.has("username") ? node.get("username") : node.path("from").get("username"));
        String authorId = Json.text(node.path("from").get("id"));
        if (authorId == null) {
            authorId = Json.text(node.path("user").get("id"));
        }
        Comment.Builder comment = Comment.builder().platform(ID).id(id).postId(mediaId)
                .text(node.path("text").asText(""))
                .likeCount(Json.count(node.get("like_count")))
                .extra("hidden", node.has("hidden") ? Json.flag(node.get("hidden")) : null);
        if (username != null || authorId != null) {
            comment.author(Author.builder().id(authorId).handle(username)
                    .url(username == null ? null : InstagramUrls.WEB + "/" + username + "/").build());
        }
        Instant created = Values.instant(Json.text(node.get("timestamp"))).orElse(null);
        if (created != null) {
            comment.createdAt(created);
        }
        if (parent != null) {
            comment.parentId(parent).depth(1);
        } else if (node.path("replies").isObject() && next(node.get("replies")) == null) {
            comment.replyCount((long) node.get("replies").path("data").size());
        }
        return comment.build();
    }

    /**
     * The next page of a Graph list: present only when {@code paging.next} is, continued with
     * {@code after} = {@code paging.cursors.after} (or the {@code after} parameter of the {@code next} URL).
     * The {@code next} URL itself is never kept: it carries the access token.
     */
    static Cursor.Next next(JsonNode root) {
        JsonNode paging = root.path("paging");
        String nextUrl = Json.text(paging.get("next"));
        if (nextUrl == null) {
            return null;
        }
        String after = Json.text(paging.path("cursors").get("after"));
        if (after == null) {
            after = queryParameter(nextUrl, "after");
        }
        return after == null ? null : new Cursor.Next("after", after);
    }

    private static String queryParameter(String url, String name) {
        try {
            String query = URI.create(url).getRawQuery();
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.startsWith(name + "=")) {
                        return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    /**
     * A list of IG Media ({@code /{user}/media}, {@code /{hashtag}/recent_media}, business discovery's
     * {@code media}). Business discovery's nested paging has no {@code next} URL, only
     * {@code cursors.after} (python-facebook {@code discovery/medias_p1.json}), so there a non-empty page
     * with an {@code after} cursor continues.
     */
    static Batch<Post> media(JsonNode root, String path, boolean discovery) {
        JsonNode data = list(root, "data");
        List<Post> posts = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            Post post = post(data.get(i), path + ".data[" + i + "]", skipped);
            if (post != null) {
                posts.add(post);
            }
        }
        Cursor.Next next = next(root);
        String after = Json.text(root.path("paging").path("cursors").get("after"));
        if (next == null && discovery && after != null && !data.isEmpty()) {
            next = new Cursor.Next("after", after);
        }
        return new Batch<>(posts, skipped, List.of(), next, null);
    }

    /** An IG Media; null (and a skip) without an id. */
    static Post post(JsonNode node, String path, List<Skipped> skipped) {
        String id = Json.text(node.get("id"));
        if (id == null) {
            skipped.add(new Skipped(path + ".id", "media without an id"));
            return null;
        }
        String username = Json.text(node.get("username"));
        String shortcode = Json.text(node.get("shortcode"));
        if (shortcode == null) {
            shortcode = shortcodeOf(Json.text(node.get("permalink")));
        }
        Post.Builder post = Post.builder().platform(ID).id(id).url(Json.text(node.get("permalink")))
                .text(Json.text(node.get("caption")))
                .likeCount(Json.count(node.get("like_count")))
                .commentCount(Json.count(node.get("comments_count")))
                .extra("shortcode", shortcode)
                .extra("media_type", type(node))
                .extra("media_product_type", Json.text(node.get("media_product_type")))
                .extra("thumbnail_url", Json.text(node.get("thumbnail_url")));
        if (username != null) {
            post.author(Author.builder().id(Json.text(node.path("owner").get("id"))).handle(username)
                    .url(InstagramUrls.WEB + "/" + username + "/").build());
        }
        Instant created = Values.instant(Json.text(node.get("timestamp"))).orElse(null);
        if (created != null) {
            post.createdAt(created);
        }
        JsonNode children = node.path("children").path("data");
        if ("CAROUSEL_ALBUM".equals(Json.text(node.get("media_type"))) && children.isArray() && !children.isEmpty()) {
            children.forEach(child -> mediaFile(child).ifPresent(post::media));
        } else {
            mediaFile(node).ifPresent(post::media);
        }
        return post.build();
    }

    private static String type(JsonNode node) {
        if ("REELS".equals(Json.text(node.get("media_product_type")))) {
            return "reel";
        }
        String type = Json.text(node.get("media_type"));
        if (type == null) {
            return null;
        }
        return type.equals("CAROUSEL_ALBUM") ? "carousel" : type.toLowerCase(Locale.ROOT);
    }

    /** The file of an IG Media or carousel child; the Graph API gives no dimensions. Videos withheld for licensed audio have no {@code media_url}. */
    private static Optional<Media> mediaFile(JsonNode node) {
        String url = Json.text(node.get("media_url"));
        if (url == null) {
            return Optional.empty();
        }
        return Optional.of(Media.of("VIDEO".equals(Json.text(node.get("media_type"))) ? Media.Type.VIDEO
                : Media.Type.IMAGE, url));
    }

    static String shortcodeOf(String permalink) {
        if (permalink == null) {
            return null;
        }
        String[] parts = permalink.split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equals("p") || parts[i].equals("reel") || parts[i].equals("tv")) {
                return parts[i + 1];
            }
        }
        return null;
    }

    /** Business discovery's account fields as a profile. */
    static Profile profile(JsonNode user, String username) {
        String id = Json.text(user.get("id"));
        if (id == null) {
            throw ExportException.platformChanged(ID, "business_discovery.id", "account without an id");
        }
        String handle = Json.text(user.get("username"));
        String name = handle == null ? username : handle;
        return Profile.builder().platform(ID).id(id).url(InstagramUrls.WEB + "/" + name + "/")
                .author(Author.builder().id(id).handle(name).displayName(Json.text(user.get("name")))
                        .url(InstagramUrls.WEB + "/" + name + "/").build())
                .bio(Json.text(user.get("biography")))
                .followerCount(Json.count(user.get("followers_count")))
                .followingCount(Json.count(user.get("follows_count")))
                .postCount(Json.count(user.get("media_count")))
                .extra("website", Json.text(user.get("website")))
                .extra("profile_pic_url", Json.text(user.get("profile_picture_url")))
                .build();
    }

    private static JsonNode list(JsonNode root, String field) {
        JsonNode data = root.path(field);
        if (!data.isArray()) {
            throw ExportException.platformChanged(ID, field, "found " + data.getNodeType());
        }
        return data;
    }
}
