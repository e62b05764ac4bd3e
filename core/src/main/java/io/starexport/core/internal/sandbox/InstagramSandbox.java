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
 * Instagram URLs: {@code /p/CODE}, {@code /reel/CODE}, {@code /reels/CODE}, {@code /tv/CODE} and
 * {@code /USERNAME/p/CODE} are posts (canonical {@code /p/CODE/}); {@code /explore/tags/NAME} is a
 * hashtag; {@code /USERNAME} (and its reels or tagged tabs) is a profile, unless the name is one of
 * Instagram's own paths (explore, accounts, stories, direct…).
 */
final class InstagramSandbox extends SandboxPlatform {
    private static final Pattern SHORTCODE = Pattern.compile("[A-Za-z0-9_-]{5,60}");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._]{1,30}");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_]{1,100}");
    private static final Set<String> POST_PATHS = Set.of("p", "reel", "reels", "tv");
    private static final Set<String> PROFILE_TABS = Set.of("reels", "tagged", "igtv", "guides", "followers", "following");
    private static final Set<String> RESERVED = Set.of("explore", "accounts", "stories", "direct", "about", "developer",
            "legal", "p", "reel", "reels", "tv", "web", "api", "graphql", "challenge", "emails", "privacy", "terms",
            "press", "session", "oauth", "login", "signup", "static", "s", "ar", "lite", "topics", "directory",
            "locations", "your_activity", "nametag", "invites", "help");
    private static final String WEB = "https://www.instagram.com";

    InstagramSandbox() {
        super("instagram", "Instagram",
                List.of(Endpoint.of("graph", "https://graph.facebook.com", "Instagram Graph API (business and creator accounts)"),
                        Endpoint.of("web", WEB, "instagram.com web API (session cookie)")),
                List.of("access_token", "sessionid"));
    }

    @Override
    Optional<Target> resolveWeb(URI url) {
        if (!Hosts.matches(url.getHost(), "instagram.com") && !Hosts.matches(url.getHost(), "instagr.am")) {
            return Optional.empty();
        }
        List<String> segments = Urls.segments(url);
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        String first = segments.get(0);
        if (POST_PATHS.contains(first)) {
            return segments.size() >= 2 ? post(segments.get(1)) : Optional.empty();
        }
        if (first.equals("explore")) {
            if (segments.size() >= 3 && segments.get(1).equals("tags") && TAG.matcher(segments.get(2)).matches()) {
                String tag = segments.get(2).toLowerCase(Locale.ROOT);
                return Optional.of(target(Target.Kind.HASHTAG, tag, WEB + "/explore/tags/" + tag + "/"));
            }
            return Optional.empty();
        }
        if (!USERNAME.matcher(first).matches() || RESERVED.contains(first.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        if (segments.size() >= 3 && POST_PATHS.contains(segments.get(1))) {
            return post(segments.get(2));
        }
        if (segments.size() == 1 || (segments.size() == 2 && PROFILE_TABS.contains(segments.get(1)))) {
            String username = first.toLowerCase(Locale.ROOT);
            return Optional.of(target(Target.Kind.PROFILE, username, WEB + "/" + username + "/"));
        }
        return Optional.empty();
    }

    private Optional<Target> post(String shortcode) {
        return SHORTCODE.matcher(shortcode).matches()
                ? Optional.of(target(Target.Kind.POST, shortcode, WEB + "/p/" + shortcode + "/"))
                : Optional.empty();
    }
}
