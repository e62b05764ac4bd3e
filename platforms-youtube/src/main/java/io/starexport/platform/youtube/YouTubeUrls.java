package io.starexport.platform.youtube;

import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Target;
import io.starexport.spi.Hosts;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises every YouTube URL form people paste. Ids follow the forms yt-dlp's {@code YoutubeIE},
 * {@code YoutubeTabIE} and NewPipe's link handlers accept: 11-character video ids, {@code UC} + 22
 * character channel ids, handles of 3 to 30 characters.
 */
final class YouTubeUrls {
    static final String PLATFORM = "youtube";
    static final String WEB = "https://www.youtube.com";
    /** Attribute of PROFILE targets: how the channel is named ({@code id}, {@code handle}, {@code custom}, {@code user}). */
    static final String CHANNEL_BY = "channel_by";
    /** Attribute of COMMENT targets: the video the comment is on. */
    static final String VIDEO_ID = "videoId";

    /**
     * An id, and what a paste may glue to it as yt-dlp tolerates: {@code /v/ID&hl=en&fs=1} (old Flash embeds),
     * {@code youtu.be/ID&t=10}, {@code watch?v=ID?t=10}.
     */
    private static final Pattern VIDEO = Pattern.compile("([A-Za-z0-9_-]{11})(?:[?&#;].*)?", Pattern.DOTALL);
    private static final Pattern COMMENT = Pattern.compile("[A-Za-z0-9_-]{20,40}(\\.[A-Za-z0-9_-]{10,40})?");
    private static final Pattern CHANNEL = Pattern.compile("UC[A-Za-z0-9_-]{22}");
    private static final Pattern HANDLE = Pattern.compile("@[\\p{L}\\p{M}\\p{N}._·-]{3,30}");
    private static final Pattern LEGACY_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{N}._-]{1,100}");
    private static final Pattern PLAYLIST = Pattern.compile("[A-Za-z0-9_-]{2,64}");
    private static final Set<String> VIDEO_PATHS = Set.of("shorts", "live", "embed", "v", "e");
    private static final String SUPPORTED = "Supported YouTube URLs: videos (watch?v=…, youtu.be/…, /shorts/…, /live/…, "
            + "/embed/…, /v/…), one comment (watch?v=…&lc=…), channels (/@handle, /channel/UC…, /c/…, /user/…) and "
            + "playlists (/playlist?list=…).";

    private YouTubeUrls() {
    }

    /**
     * The target of a YouTube URL; empty when the host is not YouTube's.
     *
     * @throws ExportException {@code INVALID_URL} for a YouTube URL with a malformed id or a page that
     *                         cannot be exported
     */
    static Optional<Target> resolve(URI url) {
        String host = url.getHost();
        if (host == null) {
            return Optional.empty();
        }
        List<String> segments = segments(url);
        if (Hosts.matches(host, "youtu.be")) {
            if (segments.isEmpty()) {
                throw invalid(url, "a youtu.be link needs a video id after the slash");
            }
            return Optional.of(video(url, segments.get(0)));
        }
        if (!Hosts.matches(host, "youtube.com") && !Hosts.matches(host, "youtube-nocookie.com")) {
            return Optional.empty();
        }
        Map<String, String> query = query(url);
        String first = segments.isEmpty() ? "" : segments.get(0);
        if (first.equals("attribution_link")) {
            // Share links of old: the page is the u= parameter, a path on www.youtube.com.
            String target = query.get("u");
            if (target == null || !target.startsWith("/") || target.startsWith("//")) {
                throw invalid(url, "the attribution link has no u=/watch?v=… target");
            }
            try {
                return resolve(URI.create(WEB + target));
            } catch (IllegalArgumentException e) {
                throw invalid(url, "the attribution link's u= target is not a URL");
            }
        }
        if (first.equals("watch") || first.equals("watch_popup") || first.isEmpty() && query.containsKey("v")) {
            String v = query.get("v");
            if (v == null) {
                if (query.containsKey("list")) {
                    return Optional.of(playlist(url, query.get("list")));
                }
                throw invalid(url, "the watch link has no v= video id");
            }
            Target video = video(url, v);
            String comment = query.get("lc");
            if (comment != null) {
                if (!COMMENT.matcher(comment).matches()) {
                    throw invalid(url, "'" + comment + "' is not a YouTube comment id");
                }
                return Optional.of(Target.of(PLATFORM, Target.Kind.COMMENT, comment,
                        WEB + "/watch?v=" + video.id() + "&lc=" + comment).withAttribute(VIDEO_ID, video.id()));
            }
            return Optional.of(video);
        }
        if (VIDEO_PATHS.contains(first)) {
            if (segments.size() < 2) {
                throw invalid(url, "the /" + first + "/ link needs a video id");
            }
            if (first.equals("embed") && segments.get(1).equals("videoseries") && query.containsKey("list")) {
                return Optional.of(playlist(url, query.get("list")));
            }
            return Optional.of(video(url, segments.get(1)));
        }
        if (first.equals("playlist")) {
            String list = query.get("list");
            if (list == null) {
                throw invalid(url, "the playlist link has no list= id");
            }
            return Optional.of(playlist(url, list));
        }
        if (first.equals("channel")) {
            if (segments.size() < 2 || !CHANNEL.matcher(segments.get(1)).matches()) {
                throw invalid(url, "a channel id is 'UC' followed by 22 letters, digits, '-' or '_'");
            }
            return Optional.of(profile(segments.get(1), "/channel/" + segments.get(1), "id"));
        }
        if (first.equals("c") || first.equals("user")) {
            if (segments.size() < 2 || !LEGACY_NAME.matcher(segments.get(1)).matches()) {
                throw invalid(url, "the /" + first + "/ link needs a channel name");
            }
            return Optional.of(profile(segments.get(1), "/" + first + "/" + segments.get(1),
                    first.equals("c") ? "custom" : "user"));
        }
        if (first.startsWith("@")) {
            if (!HANDLE.matcher(first).matches()) {
                throw invalid(url, "'" + first + "' is not a YouTube handle (@ and 3 to 30 letters, digits, '.', '-' or '_')");
            }
            return Optional.of(profile(first, "/" + first, "handle"));
        }
        throw invalid(url, "this page cannot be exported");
    }

    private static Target video(URI url, String text) {
        Matcher id = VIDEO.matcher(text);
        if (!id.matches()) {
            throw invalid(url, "'" + text + "' is not a YouTube video id (11 letters, digits, '-' or '_')");
        }
        return Target.of(PLATFORM, Target.Kind.VIDEO, id.group(1), WEB + "/watch?v=" + id.group(1));
    }

    private static Target playlist(URI url, String id) {
        if (!PLAYLIST.matcher(id).matches()) {
            throw invalid(url, "'" + id + "' is not a YouTube playlist id");
        }
        return Target.of(PLATFORM, Target.Kind.PLAYLIST, id, WEB + "/playlist?list=" + id);
    }

    private static Target profile(String id, String path, String by) {
        return Target.of(PLATFORM, Target.Kind.PROFILE, id, WEB + path).withAttribute(CHANNEL_BY, by);
    }

    private static ExportException invalid(URI url, String why) {
        return ExportException.of(ErrorCode.INVALID_URL, "Not a usable YouTube URL (" + url.getHost() + url.getRawPath()
                + "): " + why + ". " + SUPPORTED);
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

    private static Map<String, String> query(URI url) {
        Map<String, String> values = new LinkedHashMap<>();
        String raw = url.getRawQuery();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            values.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return values;
    }

    /** A percent-decoded URL part; the text itself when it is not validly encoded. */
    static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
