package io.starexport.platform.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.ExportException;
import io.starexport.api.Media;
import io.starexport.api.Post;
import io.starexport.api.Profile;
import io.starexport.kit.Json;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reddit things ({@code {"kind": "t1", "data": {...}}}) to items, after the field tables of
 * {@code reference/reddit-instagram.md} §1.9 and §1.10. Only the id is required; everything else is
 * optional and stays empty when absent.
 */
final class Things {
    private static final String WEB = RedditUrls.WEB;

    private Things() {
    }

    /** The id36 of a fullname ({@code t1_abc} → {@code abc}); the value itself when it has no prefix. */
    static String id36(String fullname) {
        int underscore = fullname.indexOf('_');
        return underscore == 2 && fullname.startsWith("t") ? fullname.substring(3) : fullname;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
    }

    private static Boolean flag(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isBoolean() ? value.asBoolean() : null;
    }

    /**
     * {@code score}, unless {@code hidden} (a comment's {@code score_hidden}) is true: Reddit then reports a
     * placeholder score of 1 while the subreddit hides the real one.
     */
    private static Long score(JsonNode data, String hidden) {
        return Boolean.TRUE.equals(flag(data, hidden)) ? null : Json.number(data, "score");
    }

    /**
     * A body Reddit replaced because the comment was removed: {@code [removed]} by moderators, or
     * {@code [ Removed by Reddit ]} and its longer forms ({@code [ Removed by Reddit in response to a
     * copyright notice. ]}) by Reddit itself.
     */
    private static boolean removed(String body) {
        return body.equals("[removed]") || (body.startsWith("[ Removed by Reddit") && body.endsWith("]"));
    }

    /**
     * A media URL. Without {@code raw_json=1} (which every request sends, but older answers and some
     * endpoints lack it) Reddit escapes {@code &} as {@code &amp;} in JSON strings, which breaks signed
     * preview URLs; a URL never holds a literal {@code &amp;}, so it is unescaped here.
     */
    static String link(JsonNode node, String field) {
        String url = text(node, field);
        return url == null ? null : url.replace("&amp;", "&");
    }

    /** {@code created_utc} (float epoch seconds), or {@code created}. */
    static Instant created(JsonNode data) {
        JsonNode value = data.get("created_utc");
        if (value == null || !value.isNumber()) {
            value = data.get("created");
        }
        return value != null && value.isNumber() ? epoch(value.asDouble()) : null;
    }

    private static Instant epoch(double seconds) {
        return Instant.ofEpochMilli(Math.round(seconds * 1000));
    }

    /** The item id, required: {@code data.id}. */
    static String requireId(JsonNode data, String path) {
        String id = text(data, "id");
        if (id == null || id.isEmpty()) {
            throw ExportException.platformChanged(RedditPlatform.ID, path + ".id", "no id");
        }
        return id;
    }

    private static Author author(JsonNode data) {
        String name = text(data, "author");
        if (name == null || name.equals("[deleted]")) {
            return null;
        }
        return Author.builder().handle(name).id(text(data, "author_fullname")).url(WEB + "/user/" + name + "/").build();
    }

    /**
     * A {@code t1}. {@code depth} and {@code parentId} come from the caller, which rebuilds the tree;
     * a reply's parent is the id36 of {@code parent_id}, a top-level comment has none.
     */
    static Comment comment(JsonNode data, String path, int depth) {
        String id = requireId(data, path);
        String parent = text(data, "parent_id");
        String link = text(data, "link_id");
        if (link == null) {
            throw ExportException.platformChanged(RedditPlatform.ID, path + ".link_id", "no post id");
        }
        String body = Optional.ofNullable(text(data, "body")).orElse("");
        JsonNode edited = data.get("edited");
        boolean wasEdited = edited != null && (edited.isNumber() || (edited.isBoolean() && edited.asBoolean()));
        Comment.Builder comment = Comment.builder().platform(RedditPlatform.ID).id(id).postId(id36(link))
                .depth(depth).text(body).author(author(data)).createdAt(created(data))
                .likeCount(score(data, "score_hidden")).pinned(Boolean.TRUE.equals(flag(data, "stickied"))).edited(wasEdited);
        if (parent != null && parent.startsWith("t1_")) {
            comment.parentId(id36(parent)).depth(depth);
        }
        String permalink = text(data, "permalink");
        comment.url(permalink == null ? WEB + "/comments/" + id36(link) + "/_/" + id + "/"
                : permalink.startsWith("http") ? permalink : WEB + permalink);
        boolean deleted = body.equals("[deleted]") && "[deleted]".equals(text(data, "author"));
        boolean removed = removed(body) || Boolean.TRUE.equals(flag(data, "removed"));
        comment.extra("fullname", text(data, "name"))
                .extra("parent_fullname", parent)
                .extra("controversiality", Json.number(data, "controversiality"))
                .extra("distinguished", text(data, "distinguished"))
                .extra("is_submitter", flag(data, "is_submitter"))
                .extra("score_hidden", flag(data, "score_hidden"))
                .extra("edited_at", edited != null && edited.isNumber() ? epoch(edited.asDouble()).toString() : null)
                .extra("subreddit", text(data, "subreddit"))
                .extra("locked", flag(data, "locked"))
                .extra("archived", flag(data, "archived"))
                .extra("collapsed_reason_code", text(data, "collapsed_reason_code"))
                .extra("link_title", text(data, "link_title"));
        if (deleted) {
            comment.extra("deleted", true);
        } else if (!removed && "[deleted]".equals(text(data, "author"))) {
            comment.extra("author_deleted", true);
        }
        if (removed) {
            comment.extra("removed", true);
        }
        return comment.build();
    }

    /** A {@code t3} submission with its media. */
    static Post post(JsonNode data, String path) {
        String id = requireId(data, path);
        Post.Builder post = Post.builder().platform(RedditPlatform.ID).id(id).title(text(data, "title"))
                .author(author(data)).createdAt(created(data)).likeCount(Json.number(data, "score"))
                .commentCount(Json.number(data, "num_comments")).viewCount(Json.number(data, "view_count"));
        String selftext = text(data, "selftext");
        if (selftext != null) {
            post.text(selftext);
        }
        String permalink = text(data, "permalink");
        post.url(permalink != null ? WEB + permalink : WEB + "/comments/" + id + "/");
        JsonNode edited = data.get("edited");
        post.extra("fullname", text(data, "name"))
                .extra("link_url", text(data, "url"))
                .extra("subreddit", text(data, "subreddit"))
                .extra("subreddit_id", text(data, "subreddit_id"))
                .extra("upvote_ratio", data.path("upvote_ratio").isNumber() ? data.get("upvote_ratio").asDouble() : null)
                .extra("flair", text(data, "link_flair_text"))
                .extra("author_flair", text(data, "author_flair_text"))
                .extra("nsfw", flag(data, "over_18"))
                .extra("spoiler", flag(data, "spoiler"))
                .extra("stickied", flag(data, "stickied"))
                .extra("locked", flag(data, "locked"))
                .extra("is_self", flag(data, "is_self"))
                .extra("domain", text(data, "domain"))
                .extra("post_hint", text(data, "post_hint"))
                .extra("distinguished", text(data, "distinguished"))
                .extra("edited_at", edited != null && edited.isNumber() ? epoch(edited.asDouble()).toString() : null)
                .extra("crosspost_parent", text(data, "crosspost_parent"))
                .extra("removed_by_category", text(data, "removed_by_category"));
        List<Media> media = media(data);
        JsonNode crossposts = data.path("crosspost_parent_list");
        if (media.isEmpty() && crossposts.isArray() && !crossposts.isEmpty()) {
            media = media(crossposts.get(0));
        }
        media.forEach(post::media);
        return post.build();
    }

    /**
     * Gallery items in order, else the images of a text post's body, else a Reddit-hosted video, else the
     * preview image.
     */
    static List<Media> media(JsonNode data) {
        List<Media> media = new ArrayList<>();
        JsonNode gallery = data.path("gallery_data").path("items");
        JsonNode metadata = data.path("media_metadata");
        if (gallery.isArray() && metadata.isObject()) {
            for (JsonNode item : gallery) {
                JsonNode meta = metadata.path(item.path("media_id").asText(""));
                galleryItem(meta).ifPresent(media::add);
            }
            return media;
        }
        if (metadata.isObject()) {
            // Images placed in a text post's body: media_metadata without gallery_data, in the body's order.
            // Emotes used in the text are there too, keyed emote|t5_2qh1i|1234 or emote|free_emotes_pack|…: not media.
            metadata.properties().forEach(entry -> {
                if (!entry.getKey().startsWith("emote|")) {
                    galleryItem(entry.getValue()).ifPresent(media::add);
                }
            });
            if (!media.isEmpty()) {
                return media;
            }
        }
        JsonNode video = data.path("secure_media").path("reddit_video");
        if (!video.isObject()) {
            video = data.path("media").path("reddit_video");
        }
        if (video.isObject() && link(video, "fallback_url") != null) {
            Media file = sized(Media.of(Media.Type.VIDEO, link(video, "fallback_url")), video, "width", "height")
                    .withMimeType("video/mp4");
            if (video.path("duration").isNumber()) {
                file = file.withDuration(Duration.ofSeconds(video.get("duration").asLong()));
            }
            List<Media.Variant> variants = new ArrayList<>();
            if (link(video, "hls_url") != null) {
                variants.add(new Media.Variant(link(video, "hls_url"), OptionalInt.empty(), OptionalInt.empty(),
                        Optional.of("application/vnd.apple.mpegurl")));
            }
            if (link(video, "dash_url") != null) {
                variants.add(new Media.Variant(link(video, "dash_url"), OptionalInt.empty(), OptionalInt.empty(),
                        Optional.of("application/dash+xml")));
            }
            media.add(file.withVariants(variants));
            return media;
        }
        JsonNode image = data.path("preview").path("images").path(0);
        JsonNode source = image.path("source");
        if (link(source, "url") != null) {
            String url = "image".equals(text(data, "post_hint")) && link(data, "url") != null
                    ? link(data, "url") : link(source, "url");
            List<Media.Variant> variants = new ArrayList<>();
            for (JsonNode resolution : image.path("resolutions")) {
                if (link(resolution, "url") != null) {
                    variants.add(variant(resolution, "url", "width", "height", null));
                }
            }
            if (!url.equals(link(source, "url"))) {
                variants.add(variant(source, "url", "width", "height", null));
            }
            media.add(sized(Media.of(Media.Type.IMAGE, url), source, "width", "height").withVariants(variants));
            return media;
        }
        // An image post whose answer carries no preview: the file itself.
        String url = link(data, "url");
        if (url != null && (url.startsWith("https://i.redd.it/") || url.startsWith("http://i.redd.it/"))) {
            media.add(Media.of(Media.Type.IMAGE, url));
        }
        return media;
    }

    /** One {@code media_metadata} entry: {@code e} Image or AnimatedImage, {@code s} the source, {@code p} previews. */
    private static Optional<Media> galleryItem(JsonNode meta) {
        if (!meta.isObject() || (meta.has("status") && !"valid".equals(text(meta, "status")))) {
            return Optional.empty();
        }
        JsonNode source = meta.path("s");
        String mime = text(meta, "m");
        Media file;
        if ("AnimatedImage".equals(text(meta, "e")) && link(source, "mp4") != null) {
            file = Media.of(Media.Type.VIDEO, link(source, "mp4")).withMimeType("video/mp4");
        } else if ("AnimatedImage".equals(text(meta, "e")) && link(source, "gif") != null) {
            file = Media.of(Media.Type.IMAGE, link(source, "gif")).withMimeType("image/gif");
        } else if (link(source, "u") != null) {
            file = Media.of(Media.Type.IMAGE, link(source, "u"));
            if (mime != null) {
                file = file.withMimeType(mime);
            }
        } else {
            return Optional.empty();
        }
        List<Media.Variant> variants = new ArrayList<>();
        if (file.type() == Media.Type.VIDEO && link(source, "gif") != null) {
            variants.add(variant(source, "gif", "x", "y", "image/gif"));
        }
        for (JsonNode preview : meta.path("p")) {
            if (link(preview, "u") != null) {
                variants.add(variant(preview, "u", "x", "y", null));
            }
        }
        return Optional.of(sized(file, source, "x", "y").withVariants(variants));
    }

    private static Media.Variant variant(JsonNode node, String url, String width, String height, String mime) {
        return new Media.Variant(link(node, url), dimension(node, width), dimension(node, height), Optional.ofNullable(mime));
    }

    private static OptionalInt dimension(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? OptionalInt.of(value.asInt()) : OptionalInt.empty();
    }

    private static Media sized(Media media, JsonNode node, String width, String height) {
        OptionalInt w = dimension(node, width);
        OptionalInt h = dimension(node, height);
        return w.isPresent() && h.isPresent() ? media.withSize(w.getAsInt(), h.getAsInt()) : media;
    }

    /** A {@code t2} account from {@code /user/NAME/about}. */
    static Profile user(JsonNode data, String path) {
        String name = text(data, "name");
        if (name == null) {
            throw ExportException.platformChanged(RedditPlatform.ID, path + ".name", "no user name");
        }
        JsonNode own = data.path("subreddit");
        Profile.Builder profile = Profile.builder().platform(RedditPlatform.ID)
                .id(Optional.ofNullable(text(data, "id")).orElse(name)).url(WEB + "/user/" + name + "/")
                .createdAt(created(data))
                .author(Author.builder().id(text(data, "id") == null ? null : "t2_" + text(data, "id")).handle(name)
                        .displayName(Optional.ofNullable(text(own, "title")).filter(t -> !t.isEmpty()).orElse(null))
                        .url(WEB + "/user/" + name + "/").build())
                .followerCount(Json.number(own, "subscribers"));
        String bio = text(own, "public_description");
        if (bio != null && !bio.isEmpty()) {
            profile.bio(bio);
        }
        return profile.extra("link_karma", Json.number(data, "link_karma"))
                .extra("comment_karma", Json.number(data, "comment_karma"))
                .extra("total_karma", Json.number(data, "total_karma"))
                .extra("is_suspended", flag(data, "is_suspended"))
                .extra("is_employee", flag(data, "is_employee"))
                .extra("is_mod", flag(data, "is_mod"))
                .extra("verified_email", flag(data, "has_verified_email"))
                .extra("icon_img", text(data, "icon_img"))
                .extra("nsfw", flag(own, "over_18"))
                .build();
    }

    /** A {@code t5} subreddit from {@code /r/SUB/about}. */
    static Profile subreddit(JsonNode data, String path) {
        String name = text(data, "display_name");
        if (name == null) {
            throw ExportException.platformChanged(RedditPlatform.ID, path + ".display_name", "no subreddit name");
        }
        String url = WEB + Optional.ofNullable(text(data, "url")).orElse("/r/" + name + "/");
        Profile.Builder profile = Profile.builder().platform(RedditPlatform.ID)
                .id(Optional.ofNullable(text(data, "id")).orElse(name)).url(url).createdAt(created(data))
                .author(Author.builder().id(text(data, "name")).handle(name).displayName(text(data, "title")).url(url).build())
                .followerCount(Json.number(data, "subscribers"));
        String bio = Optional.ofNullable(text(data, "public_description")).filter(s -> !s.isEmpty())
                .orElse(text(data, "description"));
        if (bio != null && !bio.isEmpty()) {
            profile.bio(bio);
        }
        return profile.extra("subreddit_type", text(data, "subreddit_type"))
                .extra("nsfw", flag(data, "over18"))
                .extra("active_user_count", Json.number(data, "active_user_count"))
                .extra("quarantine", flag(data, "quarantine"))
                .extra("lang", text(data, "lang"))
                .extra("icon_img", text(data, "icon_img"))
                .build();
    }
}
