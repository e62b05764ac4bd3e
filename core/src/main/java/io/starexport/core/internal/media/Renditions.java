package io.starexport.core.internal.media;

import io.starexport.api.Media;
import io.starexport.media.Quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Picks the rendition of a media file that a {@link Quality} asks for. */
final class Renditions {
    private Renditions() {
    }

    /** The chosen rendition's URL and MIME type (when known). */
    record Choice(String url, Optional<String> mimeType) {
    }

    /**
     * Ranks the default rendition and the variants by height, then width. Renditions of unknown size are
     * chosen only when none has a known size; then the default one is taken.
     */
    static Choice choose(Media media, Quality quality) {
        Choice fallback = new Choice(media.url(), media.mimeType());
        List<Media.Variant> sized = new ArrayList<>();
        Media.Variant main = new Media.Variant(media.url(), media.width(), media.height(), media.mimeType());
        for (Media.Variant candidate : withMain(main, media.variants())) {
            if (candidate.height().isPresent() || candidate.width().isPresent()) {
                sized.add(candidate);
            }
        }
        if (sized.isEmpty()) {
            return fallback;
        }
        Comparator<Media.Variant> bySize = Comparator.comparingInt((Media.Variant v) -> value(v.height()))
                .thenComparingInt(v -> value(v.width()));
        Media.Variant chosen;
        if (quality.equals(Quality.WORST)) {
            chosen = sized.stream().min(bySize).orElseThrow();
        } else if (quality.maxHeight().isPresent()) {
            int limit = quality.maxHeight().getAsInt();
            chosen = sized.stream().filter(v -> value(v.height()) <= limit).max(bySize)
                    .orElseGet(() -> sized.stream().min(bySize).orElseThrow());
        } else {
            chosen = sized.stream().max(bySize).orElseThrow();
        }
        // The variant may not repeat the MIME type; the default rendition's is the best guess then.
        return new Choice(chosen.url(), chosen.mimeType().or(media::mimeType));
    }

    /** Stable order: the default rendition first, so ties keep the platform's choice. */
    private static List<Media.Variant> withMain(Media.Variant main, List<Media.Variant> variants) {
        List<Media.Variant> all = new ArrayList<>();
        all.add(main);
        all.addAll(variants);
        return all;
    }

    private static int value(OptionalInt size) {
        return size.orElse(0);
    }
}
