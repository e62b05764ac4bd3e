package io.starexport.core.internal.sandbox;

import io.starexport.api.Target;
import io.starexport.spi.Endpoint;
import io.starexport.spi.Hosts;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * YouTube URLs: {@code watch?v=} (www, m, music), {@code youtu.be/}, {@code /shorts/}, {@code /live/},
 * {@code /embed/} and {@code /v/} are videos; {@code watch?v=…&lc=…} is one comment; {@code /@handle},
 * {@code /channel/UC…}, {@code /c/name} and {@code /user/name} are profiles; {@code /playlist?list=} is
 * a playlist. Video ids must be 11 characters of {@code [A-Za-z0-9_-]}.
 */
final class YouTubeSandbox extends SandboxPlatform {
    private static final Pattern VIDEO_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Pattern COMMENT_ID = Pattern.compile("[A-Za-z0-9_.-]{20,80}");
    private static final Pattern CHANNEL_ID = Pattern.compile("UC[A-Za-z0-9_-]{22}");
    private static final Pattern HANDLE = Pattern.compile("@[\\p{L}\\p{N}._·-]{3,30}");
    private static final Pattern LEGACY_NAME = Pattern.compile("[\\p{L}\\p{N}._-]{1,100}");
    private static final Pattern PLAYLIST_ID = Pattern.compile("[A-Za-z0-9_-]{2,64}");
    private static final Set<String> VIDEO_PATHS = Set.of("shorts", "live", "embed", "v", "e");
    private static final String WEB = "https://www.youtube.com";

    YouTubeSandbox() {
        super("youtube", "YouTube",
                List.of(Endpoint.of("api", "https://www.googleapis.com/youtube/v3", "YouTube Data API v3"),
                        Endpoint.of("web", WEB, "youtube.com pages and the InnerTube API")),
                List.of("api_key"));
    }

    @Override
    Optional<Target> resolveWeb(URI url) {
        String host = url.getHost();
        List<String> segments = Urls.segments(url);
        if (Hosts.matches(host, "youtu.be")) {
            return segments.isEmpty() ? Optional.empty() : video(segments.get(0));
        }
        if (!Hosts.matches(host, "youtube.com") && !Hosts.matches(host, "youtube-nocookie.com")) {
            return Optional.empty();
        }
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        String first = segments.get(0);
        if (first.equals("watch")) {
            Map<String, String> query = Urls.query(url);
            Optional<Target> video = video(query.getOrDefault("v", ""));
            String comment = query.getOrDefault("lc", "");
            if (video.isPresent() && COMMENT_ID.matcher(comment).matches()) {
                String videoId = video.get().id();
                return Optional.of(target(Target.Kind.COMMENT, comment, WEB + "/watch?v=" + videoId + "&lc=" + comment)
                        .withAttribute("videoId", videoId));
            }
            return video;
        }
        if (VIDEO_PATHS.contains(first)) {
            return segments.size() < 2 ? Optional.empty() : video(segments.get(1));
        }
        if (first.equals("playlist")) {
            String list = Urls.query(url).getOrDefault("list", "");
            return PLAYLIST_ID.matcher(list).matches()
                    ? Optional.of(target(Target.Kind.PLAYLIST, list, WEB + "/playlist?list=" + list))
                    : Optional.empty();
        }
        if (first.equals("channel") && segments.size() >= 2 && CHANNEL_ID.matcher(segments.get(1)).matches()) {
            return Optional.of(target(Target.Kind.PROFILE, segments.get(1), WEB + "/channel/" + segments.get(1)));
        }
        if ((first.equals("c") || first.equals("user")) && segments.size() >= 2
                && LEGACY_NAME.matcher(segments.get(1)).matches()) {
            return Optional.of(target(Target.Kind.PROFILE, segments.get(1), WEB + "/" + first + "/" + segments.get(1)));
        }
        if (HANDLE.matcher(first).matches()) {
            return Optional.of(target(Target.Kind.PROFILE, first, WEB + "/" + first));
        }
        return Optional.empty();
    }

    private Optional<Target> video(String id) {
        return VIDEO_ID.matcher(id).matches()
                ? Optional.of(target(Target.Kind.VIDEO, id, WEB + "/watch?v=" + id))
                : Optional.empty();
    }
}
