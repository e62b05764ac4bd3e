package io.starexport.core.internal.sandbox;

import io.starexport.api.Target;
import io.starexport.spi.Endpoint;
import io.starexport.spi.Hosts;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TikTok URLs: {@code /@user/video/ID} and {@code /@user/photo/ID} are videos (19-digit ids, with the
 * {@code author} attribute; photo posts also {@code type=photo}), as are {@code /embed/v2/ID} and
 * {@code m.tiktok.com/v/ID.html}; {@code /@user} is a profile; {@code /tag/NAME} a hashtag.
 *
 * <p>Short links ({@code vm.tiktok.com/CODE}, {@code vt.tiktok.com/CODE}, {@code tiktok.com/t/CODE})
 * become a video target whose id is the code, with {@code short=true}: finding the video they stand for
 * takes an HTTP redirect, which is the TikTok module's job. The sandbox just uses the code as a seed.
 */
final class TikTokSandbox extends SandboxPlatform {
    private static final Pattern VIDEO_ID = Pattern.compile("[0-9]{15,20}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_.]{2,24}");
    private static final Pattern SHORT_CODE = Pattern.compile("[A-Za-z0-9]{5,16}");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_]{1,100}");
    private static final Pattern MOBILE_VIDEO = Pattern.compile("([0-9]{15,20})\\.html");
    private static final String WEB = "https://www.tiktok.com";

    TikTokSandbox() {
        super("tiktok", "TikTok",
                List.of(Endpoint.of("research", "https://open.tiktokapis.com", "TikTok Research API"),
                        Endpoint.of("web", WEB, "tiktok.com web API")),
                List.of("client_key", "client_secret"));
    }

    @Override
    Optional<Target> resolveWeb(URI url) {
        String host = url.getHost();
        List<String> segments = Urls.segments(url);
        if (Hosts.matches(host, "vm.tiktok.com") || Hosts.matches(host, "vt.tiktok.com")) {
            return segments.size() == 1 ? shortLink(segments.get(0), "https://" + host + "/" + segments.get(0) + "/")
                    : Optional.empty();
        }
        if (!Hosts.matches(host, "tiktok.com") || segments.isEmpty()) {
            return Optional.empty();
        }
        String first = segments.get(0);
        if (first.startsWith("@")) {
            String user = first.substring(1);
            if (!USER.matcher(user).matches()) {
                return Optional.empty();
            }
            if (segments.size() == 1) {
                return Optional.of(target(Target.Kind.PROFILE, user, WEB + "/@" + user));
            }
            String type = segments.get(1);
            if (segments.size() >= 3 && (type.equals("video") || type.equals("photo"))
                    && VIDEO_ID.matcher(segments.get(2)).matches()) {
                String id = segments.get(2);
                Target video = target(Target.Kind.VIDEO, id, WEB + "/@" + user + "/" + type + "/" + id)
                        .withAttribute("author", user);
                return Optional.of(type.equals("photo") ? video.withAttribute("type", "photo") : video);
            }
            return Optional.empty();
        }
        if (first.equals("t") && segments.size() == 2) {
            return shortLink(segments.get(1), WEB + "/t/" + segments.get(1) + "/");
        }
        if (first.equals("tag") && segments.size() >= 2 && TAG.matcher(segments.get(1)).matches()) {
            return Optional.of(target(Target.Kind.HASHTAG, segments.get(1), WEB + "/tag/" + segments.get(1)));
        }
        if (first.equals("embed")) {
            String id = segments.get(segments.size() - 1);
            return VIDEO_ID.matcher(id).matches() ? Optional.of(video(id)) : Optional.empty();
        }
        if (first.equals("v") && segments.size() == 2) {
            Matcher mobile = MOBILE_VIDEO.matcher(segments.get(1));
            return mobile.matches() ? Optional.of(video(mobile.group(1))) : Optional.empty();
        }
        return Optional.empty();
    }

    /** A video known only by id; TikTok redirects {@code m.tiktok.com/v/ID.html} to its page. */
    private Target video(String id) {
        return target(Target.Kind.VIDEO, id, "https://m.tiktok.com/v/" + id + ".html");
    }

    private Optional<Target> shortLink(String code, String canonical) {
        return SHORT_CODE.matcher(code).matches()
                ? Optional.of(target(Target.Kind.VIDEO, code, canonical).withAttribute("short", "true"))
                : Optional.empty();
    }
}
