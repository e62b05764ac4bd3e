package io.starexport.platform.instagram;

import com.fasterxml.jackson.databind.JsonNode;
import io.starexport.api.Comment;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Item;
import io.starexport.api.MediaItem;
import io.starexport.api.Post;
import io.starexport.api.Target;
import io.starexport.spi.Credentials;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.HttpRequest;
import io.starexport.spi.HttpResponse;
import io.starexport.spi.PlatformContext;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The web API of instagram.com with a logged-in session cookie, as the web app (and gallery-dl, yt-dlp,
 * Instaloader) call it: {@code /api/v1/media/{pk}/comments/}, {@code …/child_comments/},
 * {@code /api/v1/media/{pk}/info/}, {@code /api/v1/users/web_profile_info/} and
 * {@code /api/v1/feed/user/{id}/} (reference Part 3).
 */
final class WebBackend {
    /** The web app's id (gallery-dl, yt-dlp {@code _APP_IDS['web']}). */
    static final String WEB_APP_ID = "936619743392459";
    private static final String ASBD_ID = "129477";
    /** How long a throttle answer pauses every export using the session. */
    static final Duration THROTTLE_PAUSE = Duration.ofMinutes(5);
    /** The feed page size gallery-dl asks for; larger pages are not what the web app sends. */
    private static final int FEED_MAX = 30;

    private final InstagramPlatform.Settings settings;
    private final ExportQuery query;
    private final PlatformContext context;
    private final Credentials credentials;

    WebBackend(InstagramPlatform.Settings settings, ExportQuery query, PlatformContext context) {
        this.settings = settings;
        this.query = query;
        this.context = context;
        this.credentials = context.credentials();
    }

    Extractor<? extends Item> extractor() {
        Target target = query.target();
        return switch (target.kind()) {
            case POST -> switch (query.content()) {
                case COMMENTS -> new Pager<>(comments());
                case POSTS -> Pager.single(() -> List.of(mediaInfo()));
                case MEDIA -> Pager.single(() -> MediaItems.of(mediaInfo()));
                default -> throw unsupported("");
            };
            case PROFILE -> switch (query.content()) {
                case PROFILE -> Pager.single(() -> List.of(WebParser.profile(profileInfo(), target.id())));
                case POSTS -> new Pager<>(feed());
                case MEDIA -> new Pager<>(feedMedia());
                default -> throw unsupported("");
            };
            case HASHTAG -> throw unsupported(" Hashtag feeds are available through the Graph API backend "
                    + "(access_token and ig_user_id).");
            default -> throw unsupported("");
        };
    }

    private ExportException unsupported(String hint) {
        return ExportException.of(ErrorCode.UNSUPPORTED_CONTENT, "The Instagram web backend cannot export "
                + query.content() + " from a " + query.target().kind().name().toLowerCase(Locale.ROOT) + "." + hint);
    }

    private String mediaPk() {
        String pk = query.target().attributes().get("mediaId");
        return pk != null ? pk : Shortcodes.toMediaId(query.target().id()).map(String::valueOf).orElseThrow(() ->
                ExportException.of(ErrorCode.INVALID_URL, "'" + query.target().id() + "' is not a valid post shortcode."));
    }

    // ---- comments --------------------------------------------------------------------------------

    private Pager.Source<Comment> comments() {
        String shortcode = query.target().id();
        return new Pager.Source<>() {
            @Override
            public String listId() {
                return mediaPk();
            }

            @Override
            public Batch<Comment> page(String pk, Cursor.Next next) {
                HttpRequest.Builder request = get("/api/v1/media/" + pk + "/comments/")
                        .query("can_support_threading", "true").query("permalink_enabled", "false");
                JsonNode root = send(at(request, next), "the comments of post " + shortcode);
                return WebParser.comments(root, pk, shortcode, query.replies(), next);
            }

            @Override
            public Batch<Comment> thread(String pk, Cursor.Thread thread) {
                HttpRequest.Builder request = get("/api/v1/media/" + pk + "/comments/" + thread.commentId()
                        + "/child_comments/");
                JsonNode root = send(at(request, thread.next()), "the replies to comment " + thread.commentId());
                return WebParser.childComments(root, pk, shortcode, thread.commentId(), thread.next());
            }
        };
    }

    // ---- media, profile, feed --------------------------------------------------------------------

    private Post mediaInfo() {
        return WebParser.mediaInfo(send(get("/api/v1/media/" + mediaPk() + "/info/"), "post " + query.target().id()));
    }

    private JsonNode profileInfo() {
        String username = query.target().id();
        return send(get("/api/v1/users/web_profile_info/").query("username", username), "profile @" + username);
    }

    /** The user id of the target's username, through {@code web_profile_info}, cached for a day. */
    private String userId() {
        String username = query.target().id();
        return context.<String, String>cache("web-user-ids", Duration.ofDays(1), 10_000)
                .get(username, name -> WebParser.profile(profileInfo(), name).id());
    }

    private Pager.Source<Post> feed() {
        String username = query.target().id();
        return new Pager.Source<>() {
            @Override
            public String listId() {
                return userId();
            }

            @Override
            public Batch<Post> page(String userId, Cursor.Next next) {
                HttpRequest.Builder request = get("/api/v1/feed/user/" + userId + "/").query("count", Math.min(settings.pageSize(), FEED_MAX));
                return WebParser.feed(send(at(request, next), "the posts of @" + username));
            }
        };
    }

    private Pager.Source<MediaItem> feedMedia() {
        Pager.Source<Post> posts = feed();
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
        };
    }

    // ---- requests and errors ---------------------------------------------------------------------

    /** A GET with the headers the web app sends and the session cookies (values never logged by the engine). */
    private HttpRequest.Builder get(String path) {
        HttpRequest.Builder request = HttpRequest.get(context.endpoint("web").resolve(path))
                .header("User-Agent", settings.userAgent())
                .header("Accept", "*/*")
                .header("Accept-Language", "en-US,en;q=0.9")
                .header("X-IG-App-ID", WEB_APP_ID)
                .header("X-ASBD-ID", ASBD_ID)
                .header("X-IG-WWW-Claim", "0")
                .header("X-Requested-With", "XMLHttpRequest")
                .header("Referer", InstagramUrls.WEB + "/");
        StringJoiner cookie = new StringJoiner("; ");
        for (String name : List.of("sessionid", "csrftoken", "ds_user_id")) {
            credentials.get(name).ifPresent(value -> cookie.add(name + "=" + value));
        }
        request.header("Cookie", cookie.toString());
        credentials.get("csrftoken").ifPresent(token -> request.header("X-CSRFToken", token));
        return request;
    }

    private static HttpRequest.Builder at(HttpRequest.Builder request, Cursor.Next next) {
        return next == null ? request : request.query(next.parameter(), next.token());
    }

    private JsonNode send(HttpRequest.Builder request, String what) {
        HttpResponse response = context.http().send(request.build());
        return WebErrors.check(response, what, context);
    }
}
