package io.starexport.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One media file of a post, exported as its own row (MEDIA content).
 *
 * @param postId id of the post the file belongs to
 * @param index  position of the file within the post, from 0 (carousels have several)
 * @param media  the file's metadata
 */
public record MediaItem(String platform, String id, Optional<String> url, Optional<Instant> createdAt,
                        boolean createdAtApproximate, Optional<Author> author, Optional<String> postId, int index,
                        Media media, Map<String, Object> extras,
                        Enrichments enrichments) implements Item {

    public MediaItem {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(media, "media");
        url = Values.orEmpty(url);
        createdAt = Values.orEmpty(createdAt);
        author = Values.orEmpty(author);
        postId = Values.orEmpty(postId);
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0 but was " + index);
        }
        extras = Values.extras(extras);
        enrichments = enrichments == null ? Enrichments.NONE : enrichments;
    }

    @Override
    public Content content() {
        return Content.MEDIA;
    }

    /** A copy carrying these enrichments, replacing the ones it had. */
    @Override
    public MediaItem withEnrichments(Enrichments enrichments) {
        return new MediaItem(platform, id, url, createdAt, createdAtApproximate, author, postId, index, media,
                extras, Objects.requireNonNull(enrichments, "enrichments"));
    }

    /** A builder; platform, id and media are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link MediaItem}. */
    public static final class Builder extends ItemBuilder<Builder, MediaItem> {
        private String postId;
        private int index;
        private Media media;

        private Builder() {
        }

        public Builder postId(String postId) {
            this.postId = postId;
            return this;
        }

        public Builder index(int index) {
            this.index = index;
            return this;
        }

        public Builder media(Media media) {
            this.media = media;
            return this;
        }

        @Override
        public MediaItem build() {
            return new MediaItem(platform, id, urlValue(), createdAtValue(), createdAtApproximate, authorValue(),
                    Optional.ofNullable(postId), index, media, extras, enrichments);
        }
    }
}
