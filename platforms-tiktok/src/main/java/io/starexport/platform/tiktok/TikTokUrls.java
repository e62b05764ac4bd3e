package io.starexport.platform.tiktok;

import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Target;
import io.starexport.spi.Hosts;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TikTok URL forms, on any tiktok.com host. Videos: {@code /@user/video/ID}, {@code /@user/photo/ID} (also
 * with an empty user), {@code /video/ID}, {@code /photo/ID}, {@code m.tiktok.com/v/ID.html}, {@code /embed/ID},
 * {@code /embed/v2/ID}, {@code /player/v1/ID}, {@code /share/video/ID}. Short links {@code vm.tiktok.com/CODE}, {@code vt.tiktok.com/CODE} and
 * {@code /t/CODE} give a video target whose id is the code, with {@code short=true}; the extractor follows
 * the redirect. Profiles {@code /@user}; hashtags {@code /tag/NAME}. Query strings are ignored.
 */
final class TikTokUrls {
    static final String WEB = "https://www.tiktok.com";
    static final String SUPPORTED = "Supported TikTok URLs: https://www.tiktok.com/@user/video/ID, /@user/photo/ID, /video/ID, "
            + "https://m.tiktok.com/v/ID.html, /embed/v2/ID, /player/v1/ID, /t/CODE, https://vm.tiktok.com/CODE, "
            + "https://vt.tiktok.com/CODE, profiles /@user and hashtags /tag/NAME.";

    private static final Pattern VIDEO_ID = Pattern.compile("[0-9]{15,20}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_.-]{1,30}");
    private static final Pattern SHORT_CODE = Pattern.compile("[A-Za-z0-9_-]{5,16}");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{M}\\p{N}_]{1,100}");
    private static final Pattern MOBILE_VIDEO = Pattern.compile("([0-9]+)(?:\\.html)?");

    private TikTokUrls() {
    }

    /** Whether a host is TikTok's own (the only hosts short links may lead to). */
    static boolean isTikTokHost(String host) {
        return Hosts.matches(host, "tiktok.com");
    }

    /**
     * The target of a TikTok URL; empty for other sites.
     *
     * @throws ExportException INVALID_URL for a TikTok URL that is malformed or of a form not supported
     */
    static Optional<Target> resolve(URI url) {
        String host = url.getHost();
        if (!isTikTokHost(host)) {
            return Optional.empty();
        }
        List<String> segments = segments(url);
        if (Hosts.matches(host, "vm.tiktok.com") || Hosts.matches(host, "vt.tiktok.com")) {
            String canonicalHost = Hosts.matches(host, "vm.tiktok.com") ? "vm.tiktok.com" : "vt.tiktok.com";
            if (segments.size() == 1) {
                return Optional.of(shortLink(segments.get(0), "https://" + canonicalHost + "/" + segments.get(0) + "/"));
            }
            throw invalid(url, "a short link has one code after the host");
        }
        if (segments.isEmpty()) {
            throw invalid(url, "it names no video, profile or hashtag");
        }
        String first = segments.get(0);
        if (first.startsWith("@")) {
            return Optional.of(user(url, first.substring(1), segments));
        }
        return Optional.of(switch (first) {
            case "t" -> {
                if (segments.size() != 2) {
                    throw invalid(url, "a short link has one code after /t/");
                }
                yield shortLink(segments.get(1), WEB + "/t/" + segments.get(1) + "/");
            }
            case "v" -> {
                Matcher mobile = segments.size() == 2 ? MOBILE_VIDEO.matcher(segments.get(1)) : null;
                if (mobile == null || !mobile.matches()) {
                    throw invalid(url, "expected /v/ID.html");
                }
                yield video(url, mobile.group(1), null, false);
            }
            case "video", "photo" -> {
                if (segments.size() != 2) {
                    throw invalid(url, "expected /" + first + "/ID");
                }
                yield video(url, segments.get(1), null, first.equals("photo"));
            }
            case "embed", "player", "share" -> {
                String id = segments.get(segments.size() - 1);
                if (segments.size() < 2 || segments.size() > 3 || (first.equals("share") && segments.size() == 3
                        && !segments.get(1).equals("video"))) {
                    throw invalid(url, "expected a video id at the end");
                }
                yield video(url, id, null, false);
            }
            case "tag" -> {
                if (segments.size() != 2 || !TAG.matcher(segments.get(1)).matches()) {
                    throw invalid(url, "expected /tag/NAME");
                }
                yield Target.of(TikTokPlatform.ID, Target.Kind.HASHTAG, segments.get(1), WEB + "/tag/" + segments.get(1));
            }
            default -> throw invalid(url, "'/" + first + "' pages are not supported");
        });
    }

    private static Target user(URI url, String user, List<String> segments) {
        if (segments.size() == 1) {
            if (!USER.matcher(user).matches()) {
                throw invalid(url, "'" + user + "' is not a TikTok user name");
            }
            return Target.of(TikTokPlatform.ID, Target.Kind.PROFILE, user, WEB + "/@" + user);
        }
        String type = segments.get(1);
        if ((type.equals("video") || type.equals("photo")) && segments.size() == 3) {
            if (!user.isEmpty() && !USER.matcher(user).matches()) {
                throw invalid(url, "'" + user + "' is not a TikTok user name");
            }
            return video(url, segments.get(2), user.isEmpty() ? null : user, type.equals("photo"));
        }
        if (segments.size() == 2 && (type.equals("video") || type.equals("photo"))) {
            throw invalid(url, "the " + type + " id is missing");
        }
        throw invalid(url, "'/@" + user + "/" + type + "' pages are not supported");
    }

    private static Target video(URI url, String id, String author, boolean photo) {
        if (!VIDEO_ID.matcher(id).matches()) {
            throw invalid(url, "'" + id + "' is not a TikTok video id (15 to 20 digits)");
        }
        Target target = Target.of(TikTokPlatform.ID, Target.Kind.VIDEO, id, canonicalVideoUrl(author, id, photo));
        if (author != null) {
            target = target.withAttribute("author", author);
        }
        return photo ? target.withAttribute("type", "photo") : target;
    }

    /** The page of a video; TikTok serves it under any user name, so {@code _} stands in for an unknown one. */
    static String canonicalVideoUrl(String author, String id, boolean photo) {
        return WEB + "/@" + (author == null ? "_" : author) + (photo ? "/photo/" : "/video/") + id;
    }

    private static Target shortLink(String code, String canonical) {
        if (!SHORT_CODE.matcher(code).matches()) {
            throw ExportException.of(ErrorCode.INVALID_URL, "'" + code + "' is not a TikTok short-link code. "
                    + SUPPORTED);
        }
        return Target.of(TikTokPlatform.ID, Target.Kind.VIDEO, code, canonical).withAttribute("short", "true");
    }

    private static ExportException invalid(URI url, String why) {
        return ExportException.of(ErrorCode.INVALID_URL, "Cannot export " + url.getScheme() + "://" + url.getHost()
                + url.getRawPath() + ": " + why + ". " + SUPPORTED);
    }

    private static List<String> segments(URI url) {
        List<String> segments = new ArrayList<>();
        String path = url.getRawPath();
        if (path != null) {
            for (String segment : path.split("/")) {
                if (!segment.isEmpty()) {
                    segments.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
                }
            }
        }
        return segments;
    }
}
