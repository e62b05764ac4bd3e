package io.starexport.platform.instagram;

import com.fasterxml.jackson.databind.JsonNode;
import io.starexport.api.Comment;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Item;
import io.starexport.api.MediaItem;
import io.starexport.api.Post;
import io.starexport.api.Profile;
import io.starexport.api.Skipped;
import io.starexport.api.Target;
import io.starexport.kit.Json;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.HttpRequest;
import io.starexport.spi.HttpResponse;
import io.starexport.spi.PlatformContext;
import io.starexport.spi.PluginCache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Instagram Graph API ({@code graph.facebook.com/<version>/…}, access token): comments and replies
 * of the token's own media, business discovery for other professional accounts' profiles and media,
 * and hashtag search (reference Part 2).
 */
final class GraphBackend {
    private static final String REPLY_FIELDS = "id,text,timestamp,username,like_count,from{id,username},parent_id";
    private static final String COMMENT_FIELDS = REPLY_FIELDS + ",hidden";
    private static final String CHILD_FIELDS = "id,media_type,media_url,thumbnail_url,permalink,shortcode,timestamp";
    private static final String MEDIA_FIELDS = "id,caption,media_type,media_product_type,media_url,thumbnail_url,"
            + "permalink,shortcode,timestamp,username,like_count,comments_count,children{" + CHILD_FIELDS + "}";
    /**
     * The fields hashtag media may return (IG Hashtag Recent Media, "Returnable fields"): no {@code username},
     * {@code shortcode}, {@code thumbnail_url} or {@code media_product_type}.
     */
    private static final String HASHTAG_FIELDS = "id,caption,media_type,media_url,permalink,timestamp,like_count,"
            + "comments_count,children{id,media_type,media_url,permalink}";
    /** Hashtag media pages hold at most 50. */
    private static final int HASHTAG_MAX = 50;
    private static final String PROFILE_FIELDS = "id,username,name,biography,website,profile_picture_url,"
            + "followers_count,follows_count,media_count";
    /** Pages of the account's own media searched for a shortcode (the Graph API has no lookup by shortcode). */
    private static final int LOOKUP_PAGES = 40;

    private final InstagramPlatform.Settings settings;
    private final ExportQuery query;
    private final PlatformContext context;
    private final String token;

    GraphBackend(InstagramPlatform.Settings settings, ExportQuery query, PlatformContext context) {
        this.settings = settings;
        this.query = query;
        this.context = context;
        this.token = context.credentials().get("access_token").orElseThrow();
    }

    Extractor<? extends Item> extractor() {
        Target target = query.target();
        return switch (target.kind()) {
            case POST -> switch (query.content()) {
                case COMMENTS -> new Pager<>(comments());
                case POSTS -> Pager.single(() -> List.of(mediaPost()));
                case MEDIA -> Pager.single(() -> MediaItems.of(mediaPost()));
                default -> throw unsupported();
            };
            case PROFILE -> switch (query.content()) {
                case PROFILE -> Pager.single(() -> List.of(profile()));
                case POSTS -> new Pager<>(discoveryMedia());
                case MEDIA -> new Pager<>(asMedia(discoveryMedia()));
                default -> throw unsupported();
            };
            case HASHTAG -> switch (query.content()) {
                case POSTS -> new Pager<>(hashtagMedia());
                case MEDIA -> new Pager<>(asMedia(hashtagMedia()));
                default -> throw unsupported();
            };
            default -> throw unsupported();
        };
    }

    private ExportException unsupported() {
        return ExportException.of(ErrorCode.UNSUPPORTED_CONTENT, "The Instagram Graph API backend cannot export "
                + query.content() + " from a " + query.target().kind().name().toLowerCase() + ".");
    }

    // ---- comments --------------------------------------------------------------------------------

    private Pager.Source<Comment> comments() {
        return new Pager.Source<>() {
            @Override
            public String listId() {
                return mediaId();
            }

            @Override
            public Batch<Comment> page(String mediaId, Cursor.Next next) {
                String fields = query.replies() ? COMMENT_FIELDS + ",replies{" + REPLY_FIELDS + "}" : COMMENT_FIELDS;
                HttpRequest.Builder request = get(mediaId + "/comments").query("fields", fields)
                        .query("limit", settings.pageSize());
                return GraphParser.comments(send(at(request, next)), mediaId, query.replies());
            }

            @Override
            public Batch<Comment> thread(String mediaId, Cursor.Thread thread) {
                HttpRequest.Builder request = get(thread.commentId() + "/replies").query("fields", REPLY_FIELDS)
                        .query("limit", settings.pageSize());
                return GraphParser.replies(send(at(request, thread.next())), mediaId, thread.commentId());
            }
        };
    }

    /**
     * The Graph media id of the target's shortcode. The Graph id is not the web pk, and the API has no
     * lookup by shortcode, so the account's own media ({@code /{ig_user_id}/media}) are searched and the
     * answer cached.
     */
    private String mediaId() {
        String shortcode = query.target().id();
        String userId = igUserId("find the post " + shortcode + " among your account's media");
        PluginCache<String, String> cache = context.cache("graph-media-ids", Duration.ofDays(1), 10_000);
        String key = userId + "/" + shortcode;
        Optional<String> cached = cache.get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        Cursor.Next next = null;
        for (int page = 0; page < LOOKUP_PAGES; page++) {
            JsonNode root = send(at(get(userId + "/media").query("fields", "id,shortcode,permalink").query("limit", 100), next));
            for (JsonNode media : root.path("data")) {
                String code = Json.text(media.get("shortcode"));
                if (code == null) {
                    code = GraphParser.shortcodeOf(Json.text(media.get("permalink")));
                }
                if (shortcode.equals(code) && Json.text(media.get("id")) != null) {
                    cache.put(key, media.get("id").asText());
                    return media.get("id").asText();
                }
            }
            next = GraphParser.next(root);
            if (next == null) {
                break;
            }
        }
        throw ExportException.of(ErrorCode.NOT_FOUND, "Post " + shortcode + " is not among the media of the Instagram "
                + "account ig_user_id " + userId + ". The Graph API reads comments only on your own account's media; "
                + "for other posts use the web backend with a sessionid cookie.");
    }

    private Post mediaPost() {
        String id = mediaId();
        List<Skipped> skipped = new ArrayList<>();
        Post post = GraphParser.post(send(get(id).query("fields", MEDIA_FIELDS)), "$", skipped);
        if (post == null) {
            throw ExportException.platformChanged(InstagramPlatform.ID, "id", "media without an id");
        }
        return post;
    }

    // ---- business discovery ----------------------------------------------------------------------

    private Profile profile() {
        String username = query.target().id();
        JsonNode root = send(get(igUserId("look up @" + username)).query("fields",
                "business_discovery.username(" + username + "){" + PROFILE_FIELDS + "}"));
        return GraphParser.profile(discovery(root), username);
    }

    private Pager.Source<Post> discoveryMedia() {
        String username = query.target().id();
        return new Pager.Source<>() {
            @Override
            public String listId() {
                return igUserId("read @" + username + "'s media through business discovery");
            }

            @Override
            public Batch<Post> page(String userId, Cursor.Next next) {
                String media = "media.limit(" + settings.pageSize() + ")"
                        + (next == null ? "" : ".after(" + next.token() + ")") + "{" + MEDIA_FIELDS + "}";
                JsonNode root = send(get(userId).query("fields", "business_discovery.username(" + username + "){"
                        + media + "}"));
                JsonNode list = discovery(root).path("media");
                return list.isMissingNode() ? new Batch<>(List.of(), List.of(), List.of(), null, null)
                        : GraphParser.media(list, "business_discovery.media", true);
            }
        };
    }

    private JsonNode discovery(JsonNode root) {
        JsonNode account = root.path("business_discovery");
        if (!account.isObject()) {
            throw ExportException.platformChanged(InstagramPlatform.ID, "business_discovery", "found "
                    + account.getNodeType());
        }
        return account;
    }

    // ---- hashtags --------------------------------------------------------------------------------

    private Pager.Source<Post> hashtagMedia() {
        String tag = query.target().id();
        return new Pager.Source<>() {
            @Override
            public String listId() {
                String userId = igUserId("search hashtags");
                JsonNode found = send(get("ig_hashtag_search").query("user_id", userId).query("q", tag));
                String id = Json.text(found.path("data").path(0).get("id"));
                if (id == null) {
                    throw ExportException.of(ErrorCode.NOT_FOUND, "The Graph API knows no hashtag #" + tag + ".");
                }
                return id;
            }

            @Override
            public Batch<Post> page(String hashtagId, Cursor.Next next) {
                String userId = igUserId("search hashtags");
                HttpRequest.Builder request = get(hashtagId + "/recent_media").query("user_id", userId)
                        .query("fields", HASHTAG_FIELDS).query("limit", Math.min(settings.pageSize(), HASHTAG_MAX));
                return GraphParser.media(send(at(request, next)), "$", false);
            }

            @Override
            public boolean repeatsTokens() {
                return true;
            }
        };
    }

    // ---- plumbing --------------------------------------------------------------------------------

    private static Pager.Source<MediaItem> asMedia(Pager.Source<Post> posts) {
        return new Pager.Source<>() {
            @Override
            public String listId() {
                return posts.listId();
            }

            @Override
            public Batch<MediaItem> page(String listId, Cursor.Next next) {
                Batch<Post> batch = posts.page(listId, next);
                return new Batch<>(MediaItems.of(batch.items()), batch.skipped(), List.of(), batch.next(), null);
            }

            @Override
            public boolean repeatsTokens() {
                return posts.repeatsTokens();
            }
        };
    }

    private String igUserId(String purpose) {
        return context.credentials().get("ig_user_id").orElseThrow(() -> ExportException.of(ErrorCode.AUTH_REQUIRED,
                "The Instagram Graph API needs your professional account's id to " + purpose + ": set the credential "
                        + "instagram.ig_user_id (STAREXPORT_INSTAGRAM_IG_USER_ID). Find it with "
                        + "GET /me/accounts?fields=instagram_business_account."));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.get(context.endpoint("graph").resolve("/" + settings.graphVersion() + "/" + path))
                .header("Accept", "application/json");
    }

    private static HttpRequest.Builder at(HttpRequest.Builder request, Cursor.Next next) {
        return next == null ? request : request.query(next.parameter(), next.token());
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpResponse response = context.http().send(request.query("access_token", token).build());
        JsonNode body = Json.parseOrNull(response.body());
        if (response.isSuccessful() && body != null && body.isObject() && !body.has("error")) {
            return body;
        }
        throw GraphErrors.map(response, body, context);
    }
}
