package io.starexport.platform.instagram;

import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Target;
import io.starexport.spi.Hosts;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Instagram URL forms. Posts: {@code /p/CODE/}, {@code /reel/CODE/}, {@code /reels/CODE/}, {@code /tv/CODE/} and
 * {@code /USER/p/CODE/} (canonical {@code https://www.instagram.com/p/CODE/}, with the media pk in the
 * {@code mediaId} attribute). Profiles: {@code /USER/}, its tabs and the app link {@code /_u/USER/}. Hashtags:
 * {@code /explore/tags/TAG/}. Hosts {@code instagram.com}, {@code www.}, {@code m.} and {@code instagr.am}; other
 * subdomains ({@code help.}, {@code about.}, {@code l.}…) are Instagram's but name no post or profile. Query
 * strings ({@code ?igsh=}, {@code ?utm_source=}, {@code ?img_index=}) and fragments are ignored.
 */
final class InstagramUrls {
    static final String WEB = "https://www.instagram.com";
    static final String SUPPORTED = "Supported Instagram URLs: /p/{shortcode}/, /reel/{shortcode}/, /reels/{shortcode}/,"
            + " /tv/{shortcode}/, /{username}/ (and its reels or tagged tabs) and /explore/tags/{tag}/.";
    private static final Pattern SHORTCODE = Pattern.compile("[A-Za-z0-9_-]{1,60}");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._]{1,30}");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_]{1,100}");
    private static final Set<String> POST_PATHS = Set.of("p", "reel", "reels", "tv");
    private static final Set<String> PROFILE_TABS = Set.of("reels", "tagged", "igtv", "guides", "followers",
            "following", "feed", "channel");
    /** First path segments that belong to Instagram itself, never to a user. */
    private static final Set<String> RESERVED = Set.of("explore", "accounts", "direct", "about", "developer", "legal",
            "web", "api", "graphql", "challenge", "emails", "privacy", "terms", "press", "session", "oauth", "login",
            "signup", "static", "s", "ar", "lite", "topics", "directory", "locations", "your_activity", "nametag",
            "invites", "help", "ads", "business", "download", "create", "reels_audio", "audio", "threads", "_u", "_n");

    private InstagramUrls() {
    }

    static boolean isInstagramHost(String host) {
        return Hosts.matches(host, "instagram.com") || Hosts.matches(host, "instagr.am");
    }

    /** The hosts that serve posts and profiles: the bare domains, {@code www.} and {@code m.}. */
    private static boolean isContentHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        for (String domain : List.of("instagram.com", "instagr.am")) {
            if (h.equals(domain) || h.equals("www." + domain) || h.equals("m." + domain)) {
                return true;
            }
        }
        return false;
    }

    /** The target of an Instagram URL; empty for other hosts; {@code INVALID_URL} or {@code UNSUPPORTED_CONTENT} for ours we cannot use. */
    static Optional<Target> resolve(URI url) {
        if (!isInstagramHost(url.getHost())) {
            return Optional.empty();
        }
        if (!isContentHost(url.getHost())) {
            throw invalid(url, url.getHost() + " serves no posts or profiles (use www.instagram.com)");
        }
        List<String> segments = segments(url);
        if (segments.size() >= 2 && segments.get(0).equals("_u")) {
            segments = segments.subList(1, segments.size()); // app link: /_u/USER/ opens USER's profile
        }
        if (segments.isEmpty()) {
            throw invalid(url, "it names no post or profile");
        }
        String first = segments.get(0).toLowerCase(Locale.ROOT);
        if (POST_PATHS.contains(first)) {
            if (segments.size() < 2) {
                throw invalid(url, "it has no post shortcode after /" + first + "/");
            }
            if (first.equals("reels") && segments.get(1).equalsIgnoreCase("audio")) {
                throw invalid(url, "/reels/audio/ pages list the reels using a sound, not one post");
            }
            return Optional.of(post(url, segments.get(1)));
        }
        if (first.equals("explore")) {
            if (segments.size() >= 3 && segments.get(1).equalsIgnoreCase("tags")) {
                if (!TAG.matcher(segments.get(2)).matches()) {
                    throw invalid(url, "'" + segments.get(2) + "' is not a hashtag");
                }
                String tag = segments.get(2).toLowerCase(Locale.ROOT);
                return Optional.of(Target.of(InstagramPlatform.ID, Target.Kind.HASHTAG, tag,
                        WEB + "/explore/tags/" + tag + "/"));
            }
            throw invalid(url, "Explore pages are a personalised feed, not a post or profile");
        }
        if (first.equals("stories")) {
            if (segments.size() >= 2) {
                throw ExportException.of(ErrorCode.UNSUPPORTED_CONTENT, "Instagram stories and highlights cannot be "
                        + "exported; they are not served by the Graph API's or the web API's comment and media endpoints "
                        + "Star Export uses. " + SUPPORTED);
            }
            throw invalid(url, "/stories/ names no account");
        }
        if (first.equals("share")) {
            // /share/… links carry a share token, not the post's shortcode; decoding it would name another post.
            throw invalid(url, "share links hide the post's address; open the link in a browser and export the "
                    + "/p/… or /reel/… URL it lands on");
        }
        if (RESERVED.contains(first)) {
            throw invalid(url, "/" + first + "/ is one of Instagram's own pages, not a profile");
        }
        String username = segments.get(0);
        if (!USERNAME.matcher(username).matches()) {
            throw invalid(url, "'" + username + "' is not a valid Instagram username");
        }
        if (segments.size() >= 3 && POST_PATHS.contains(segments.get(1).toLowerCase(Locale.ROOT))) {
            return Optional.of(post(url, segments.get(2)));
        }
        if (segments.size() == 1 || (segments.size() == 2 && PROFILE_TABS.contains(segments.get(1).toLowerCase(Locale.ROOT)))) {
            String handle = username.toLowerCase(Locale.ROOT);
            return Optional.of(Target.of(InstagramPlatform.ID, Target.Kind.PROFILE, handle, WEB + "/" + handle + "/"));
        }
        throw invalid(url, "/" + username + "/" + segments.get(1) + "/ is not a profile page or post");
    }

    private static Target post(URI url, String shortcode) {
        Optional<Long> mediaId = SHORTCODE.matcher(shortcode).matches() ? Shortcodes.toMediaId(shortcode) : Optional.empty();
        if (mediaId.isEmpty()) {
            throw invalid(url, "'" + shortcode + "' is not a valid post shortcode");
        }
        return Target.of(InstagramPlatform.ID, Target.Kind.POST, shortcode, WEB + "/p/" + shortcode + "/")
                .withAttribute("mediaId", Long.toString(mediaId.get()));
    }

    private static List<String> segments(URI url) {
        List<String> segments = new ArrayList<>();
        String path = url.getPath() == null ? "" : url.getPath();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    private static ExportException invalid(URI url, String why) {
        return ExportException.of(ErrorCode.INVALID_URL, "Cannot export " + url.getHost() + url.getRawPath() + ": " + why
                + ". " + SUPPORTED);
    }
}
