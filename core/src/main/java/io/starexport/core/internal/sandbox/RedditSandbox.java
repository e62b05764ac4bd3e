package io.starexport.core.internal.sandbox;

import io.starexport.api.Target;
import io.starexport.spi.Endpoint;
import io.starexport.spi.Hosts;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reddit URLs on reddit.com (www, old, new, np, …) and redd.it: {@code /r/SUB/comments/ID[/slug]},
 * {@code /comments/ID} and {@code redd.it/ID} are posts; a comment id after the slug makes a COMMENT
 * target with a {@code postId} attribute; {@code /r/SUB} is a community; {@code /user/NAME} and
 * {@code /u/NAME} are profiles. A share link ({@code /r/SUB/s/CODE}, from the apps) becomes a post
 * target whose id is the code, with {@code short=true}: finding the post it stands for needs an HTTP
 * redirect, which belongs to the Reddit module.
 */
final class RedditSandbox extends SandboxPlatform {
    private static final Pattern ID = Pattern.compile("[a-z0-9]{1,13}");
    private static final Pattern SUBREDDIT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_]{1,20}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_-]{3,20}");
    private static final Pattern SHARE_CODE = Pattern.compile("[A-Za-z0-9]{6,16}");
    private static final Set<String> LISTINGS = Set.of("hot", "new", "top", "rising", "controversial", "best");
    private static final String WEB = "https://www.reddit.com";

    RedditSandbox() {
        super("reddit", "Reddit",
                List.of(Endpoint.of("oauth", "https://oauth.reddit.com", "Reddit API with an OAuth token"),
                        Endpoint.of("www", WEB, "public JSON listings and token endpoint")),
                List.of("client_id", "client_secret", "username", "password"));
    }

    @Override
    Optional<Target> resolveWeb(URI url) {
        String host = url.getHost();
        List<String> segments = Urls.segments(url);
        if (host.equals("redd.it") || host.equals("www.redd.it")) {
            return segments.size() == 1 ? post(null, segments) : Optional.empty();
        }
        if (!Hosts.matches(host, "reddit.com") || segments.isEmpty()) {
            return Optional.empty();
        }
        String first = segments.get(0);
        if (first.equals("r") && segments.size() >= 2 && SUBREDDIT.matcher(segments.get(1)).matches()) {
            String subreddit = segments.get(1);
            if (segments.size() == 2 || (segments.size() == 3 && LISTINGS.contains(segments.get(2)))) {
                return Optional.of(target(Target.Kind.COMMUNITY, subreddit, WEB + "/r/" + subreddit + "/"));
            }
            if (segments.get(2).equals("comments") && segments.size() >= 4) {
                return post(subreddit, segments.subList(3, segments.size()));
            }
            if (segments.get(2).equals("s") && segments.size() == 4 && SHARE_CODE.matcher(segments.get(3)).matches()) {
                String code = segments.get(3);
                return Optional.of(target(Target.Kind.POST, code, WEB + "/r/" + subreddit + "/s/" + code)
                        .withAttribute("subreddit", subreddit).withAttribute("short", "true"));
            }
            return Optional.empty();
        }
        if (first.equals("comments") && segments.size() >= 2) {
            return post(null, segments.subList(1, segments.size()));
        }
        if ((first.equals("user") || first.equals("u")) && segments.size() >= 2
                && USER.matcher(segments.get(1)).matches()) {
            return Optional.of(target(Target.Kind.PROFILE, segments.get(1), WEB + "/user/" + segments.get(1) + "/"));
        }
        return Optional.empty();
    }

    /** {@code ID[/slug[/COMMENT_ID]]}, with the subreddit when the URL named it. */
    private Optional<Target> post(String subreddit, List<String> rest) {
        String postId = rest.get(0).toLowerCase(Locale.ROOT);
        if (!ID.matcher(postId).matches()) {
            return Optional.empty();
        }
        if (rest.size() >= 3) {
            String commentId = rest.get(2).toLowerCase(Locale.ROOT);
            if (!ID.matcher(commentId).matches()) {
                return Optional.empty();
            }
            String base = subreddit == null ? WEB : WEB + "/r/" + subreddit;
            Target comment = target(Target.Kind.COMMENT, commentId, base + "/comments/" + postId + "/_/" + commentId + "/")
                    .withAttribute("postId", postId);
            return Optional.of(subreddit == null ? comment : comment.withAttribute("subreddit", subreddit));
        }
        Target post = target(Target.Kind.POST, postId, WEB + "/comments/" + postId);
        return Optional.of(subreddit == null ? post : post.withAttribute("subreddit", subreddit));
    }
}
