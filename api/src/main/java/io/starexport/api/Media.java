package io.starexport.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One media file a post references (metadata only; nothing is downloaded).
 *
 * @param type     image, video or audio
 * @param url      where the file is served; for media the platform offers in several renditions, the one
 *                 it shows by default
 * @param width    pixel width, when known
 * @param height   pixel height, when known
 * @param duration play time of a video or audio file, when known
 * @param mimeType MIME type, when known
 * @param variants other renditions of the same file (sizes, bit rates), in the platform's order; empty
 *                 when the platform offers one
 */
public record Media(Type type, String url, OptionalInt width, OptionalInt height, Optional<Duration> duration,
                    Optional<String> mimeType, List<Variant> variants) {

    /** Kind of media file. */
    public enum Type {
        IMAGE, VIDEO, AUDIO
    }

    /**
     * Another rendition of a media file.
     *
     * @param url      where this rendition is served
     * @param width    pixel width, when known
     * @param height   pixel height, when known
     * @param mimeType MIME type, when known
     */
    public record Variant(String url, OptionalInt width, OptionalInt height, Optional<String> mimeType) {

        public Variant {
            Objects.requireNonNull(url, "url");
            width = Values.orEmpty(width);
            height = Values.orEmpty(height);
            mimeType = Values.orEmpty(mimeType);
        }

        /** A rendition with pixel dimensions and no known MIME type. */
        public static Variant of(String url, int width, int height) {
            return new Variant(url, OptionalInt.of(width), OptionalInt.of(height), Optional.empty());
        }
    }

    public Media {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        width = Values.orEmpty(width);
        height = Values.orEmpty(height);
        duration = Values.orEmpty(duration);
        mimeType = Values.orEmpty(mimeType);
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    /** A media file of which only the type and URL are known. */
    public static Media of(Type type, String url) {
        return new Media(type, url, OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(),
                List.of());
    }

    /** A copy with pixel dimensions. */
    public Media withSize(int width, int height) {
        return new Media(type, url, OptionalInt.of(width), OptionalInt.of(height), duration, mimeType, variants);
    }

    /** A copy with a play time. */
    public Media withDuration(Duration duration) {
        return new Media(type, url, width, height, Optional.of(duration), mimeType, variants);
    }

    /** A copy with a MIME type. */
    public Media withMimeType(String mimeType) {
        return new Media(type, url, width, height, duration, Optional.of(mimeType), variants);
    }

    /** A copy with other renditions of the same file. */
    public Media withVariants(List<Variant> variants) {
        return new Media(type, url, width, height, duration, mimeType, variants);
    }
}
