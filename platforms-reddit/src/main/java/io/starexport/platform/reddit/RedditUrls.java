package io.starexport.platform.reddit;

import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Target;
import io.starexport.spi.Hosts;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reddit URL forms, on reddit.com and every subdomain ({@code www}, {@code old}, {@code new}, {@code np},
 * {@code m}, {@code i}…) and on redd.it:
 * <ul>
 *   <li>{@code [/r/SUB]/comments/ID[/slug[/COMMENT]]}, {@code /r/SUB/comments/ID/comment/COMMENT},
 *       {@code redd.it/ID}, {@code /gallery/ID}: a POST, or a COMMENT (with a {@code postId} attribute)
 *       when a comment id follows; a {@code sort} query parameter becomes the {@code sort} attribute;</li>
 *   <li>{@code /r/SUB/s/CODE}, {@code /u/NAME/s/CODE}: app share links, a POST whose id is the code with
 *       {@code short=true}, resolved by the extractor;</li>
 *   <li>{@code /r/SUB[/hot|new|top|rising|controversial|best][?t=week]}: a COMMUNITY with {@code listing}
 *       and {@code t} attributes; {@code /r/SUB/search?q=…} a COMMUNITY with {@code search};</li>
 *   <li>{@code /r/SUB/comments}: a COMMUNITY whose {@code content} attribute is {@code COMMENTS};</li>
 *   <li>{@code /user/NAME}, {@code /u/NAME} (and anything below them): a PROFILE; {@code /user/NAME/comments}
 *       with the {@code content} attribute {@code COMMENTS}.</li>
 * </ul>
 */
final class RedditUrls {
    static final String WEB = "https://www.reddit.com";
    private static final Pattern ID = Pattern.compile("[a-z0-9]{1,13}");
    private static final Pattern SUBREDDIT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_]{1,20}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_-]{3,20}");
    private static final Pattern SHARE_CODE = Pattern.compile("[A-Za-z0-9]{6,16}");
    static final Set<String> LISTINGS = Set.of("hot", "new", "top", "rising", "controversial", "best");
    static final Set<String> PERIODS = Set.of("hour", "day", "week", "month", "year", "all");
    private static final String SUPPORTED = "Supported Reddit URLs: a post (/r/SUB/comments/ID/…, redd.it/ID), "
            + "a comment (/r/SUB/comments/ID/slug/COMMENT_ID), a share link (/r/SUB/s/CODE), a subreddit "
            + "(/r/SUB, /r/SUB/top/?t=week, /r/SUB/search?q=…, /r/SUB/comments) and a user (/user/NAME, /u/NAME, "
            + "/user/NAME/comments).";

    private RedditUrls() {
    }

    /** The target a URL names; empty when the host is not Reddit's; INVALID_URL for Reddit URLs we cannot export. */
    static Optional<Target> resolve(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        List<String> segments = segments(url);
        Map<String, String> query = query(url);
        if (host.equals("redd.it") || host.equals("www.redd.it")) {
            if (segments.size() == 1) {
                return Optional.of(post(null, segments, query, url));
            }
            throw invalid(url, "a redd.it link holds one post id");
        }
        if (Hosts.matches(host, "redd.it")) {
            throw invalid(url, "it is a media file on Reddit's CDN, not a post; give the post's URL");
        }
        if (!Hosts.matches(host, "reddit.com")) {
            return Optional.empty();
        }
        if (segments.isEmpty()) {
            throw invalid(url, "it names no post, subreddit or user");
        }
        String first = segments.get(0).toLowerCase(Locale.ROOT);
        switch (first) {
            case "r" -> {
                return Optional.of(subreddit(segments, query, url));
            }
            case "comments", "gallery" -> {
                return Optional.of(post(null, segments.subList(1, segments.size()), query, url));
            }
            case "user", "u" -> {
                if (segments.size() < 2 || !USER.matcher(segments.get(1)).matches()) {
                    throw invalid(url, "the user name is missing or malformed");
                }
                String name = segments.get(1);
                if (segments.size() == 4 && segments.get(2).equals("s")) {
                    return Optional.of(share(segments.get(3), null, url));
                }
                if (segments.size() >= 4 && segments.get(2).equals("comments")) {
                    return Optional.of(post(null, segments.subList(3, segments.size()), query, url));
                }
                if (segments.size() == 3 && segments.get(2).equalsIgnoreCase("comments")) {
                    return Optional.of(Target.of(RedditPlatform.ID, Target.Kind.PROFILE, name,
                            WEB + "/user/" + name + "/comments/").withAttribute("content", Content.COMMENTS.name()));
                }
                return Optional.of(Target.of(RedditPlatform.ID, Target.Kind.PROFILE, name, WEB + "/user/" + name + "/"));
            }
            default -> throw invalid(url, "this kind of Reddit page cannot be exported");
        }
    }

    private static Target subreddit(List<String> segments, Map<String, String> query, URI url) {
        if (segments.size() < 2 || !SUBREDDIT.matcher(segments.get(1)).matches()) {
            throw invalid(url, "the subreddit name is missing or malformed");
        }
        String sub = segments.get(1);
        String base = WEB + "/r/" + sub + "/";
        if (segments.size() == 2) {
            return community(sub, base);
        }
        String third = segments.get(2).toLowerCase(Locale.ROOT);
        List<String> rest = segments.subList(3, segments.size());
        if (third.equals("comments") && !rest.isEmpty()) {
            return post(sub, rest, query, url);
        }
        if (third.equals("s") && rest.size() == 1) {
            return share(rest.get(0), sub, url);
        }
        if (rest.isEmpty() && LISTINGS.contains(third)) {
            Target target = community(sub, base + third + "/").withAttribute("listing", third);
            String period = query.get("t");
            if (period != null && (third.equals("top") || third.equals("controversial"))) {
                if (!PERIODS.contains(period.toLowerCase(Locale.ROOT))) {
                    throw invalid(url, "t must be one of " + PERIODS);
                }
                target = new Target(target.platform(), target.kind(), target.id(),
                        target.url() + "?t=" + period.toLowerCase(Locale.ROOT), target.attributes())
                        .withAttribute("t", period.toLowerCase(Locale.ROOT));
            }
            return target;
        }
        if (rest.isEmpty() && third.equals("comments")) {
            return community(sub, base + "comments/").withAttribute("content", Content.COMMENTS.name());
        }
        if (rest.isEmpty() && third.equals("about")) {
            return community(sub, base);
        }
        if (rest.isEmpty() && third.equals("search")) {
            String q = query.get("q");
            if (q == null || q.isBlank()) {
                throw invalid(url, "a subreddit search needs a q parameter");
            }
            Target target = Target.of(RedditPlatform.ID, Target.Kind.COMMUNITY, sub, base + "search/?q="
                    + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&restrict_sr=1").withAttribute("search", q);
            if (query.containsKey("sort")) {
                target = target.withAttribute("sort", query.get("sort").toLowerCase(Locale.ROOT));
            }
            if (query.containsKey("t") && PERIODS.contains(query.get("t").toLowerCase(Locale.ROOT))) {
                target = target.withAttribute("t", query.get("t").toLowerCase(Locale.ROOT));
            }
            return target;
        }
        throw invalid(url, "this subreddit page cannot be exported");
    }

    private static Target community(String sub, String url) {
        return Target.of(RedditPlatform.ID, Target.Kind.COMMUNITY, sub, url);
    }

    private static Target share(String code, String sub, URI url) {
        if (!SHARE_CODE.matcher(code).matches()) {
            throw invalid(url, "the share code is malformed");
        }
        Target target = Target.of(RedditPlatform.ID, Target.Kind.POST, code,
                WEB + (sub == null ? "" : "/r/" + sub) + "/s/" + code).withAttribute("short", "true")
                .withAttribute("shareUrl", url.toString());
        return sub == null ? target : target.withAttribute("subreddit", sub);
    }

    /** {@code ID[/slug[/COMMENT]]} or {@code ID/comment/COMMENT}, with the subreddit when the URL named it. */
    private static Target post(String sub, List<String> rest, Map<String, String> query, URI url) {
        if (rest.isEmpty()) {
            throw invalid(url, "the post id is missing");
        }
        String postId = rest.get(0).toLowerCase(Locale.ROOT);
        if (!ID.matcher(postId).matches()) {
            throw invalid(url, "'" + rest.get(0) + "' is not a Reddit post id");
        }
        String base = sub == null ? WEB : WEB + "/r/" + sub;
        Target target;
        if (rest.size() >= 3) {
            String commentId = rest.get(2).toLowerCase(Locale.ROOT);
            if (!ID.matcher(commentId).matches()) {
                throw invalid(url, "'" + rest.get(2) + "' is not a Reddit comment id");
            }
            target = Target.of(RedditPlatform.ID, Target.Kind.COMMENT, commentId,
                    base + "/comments/" + postId + "/_/" + commentId + "/").withAttribute("postId", postId);
        } else {
            target = Target.of(RedditPlatform.ID, Target.Kind.POST, postId, base + "/comments/" + postId + "/");
        }
        if (sub != null) {
            target = target.withAttribute("subreddit", sub);
        }
        String sort = query.get("sort");
        if (sort != null && RedditPlatform.COMMENT_SORTS.contains(sort.toLowerCase(Locale.ROOT))) {
            target = target.withAttribute("sort", sort.toLowerCase(Locale.ROOT));
        }
        return target;
    }

    private static List<String> segments(URI url) {
        List<String> segments = new ArrayList<>();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
            }
        }
        // The JSON view of any page (/r/pics/top.json, /comments/ID.json) names the same thing.
        int last = segments.size() - 1;
        if (last >= 0 && segments.get(last).endsWith(".json")) {
            String stripped = segments.get(last).substring(0, segments.get(last).length() - ".json".length());
            if (stripped.isEmpty()) {
                segments.remove(last);
            } else {
                segments.set(last, stripped);
            }
        }
        return segments;
    }

    private static Map<String, String> query(URI url) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = url.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static ExportException invalid(URI url, String why) {
        return ExportException.of(ErrorCode.INVALID_URL, "Cannot export " + url + ": " + why + ". " + SUPPORTED);
    }
}
