package io.starexport.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A post, video, reel or submission.
 *
 * @param title        the title, where the platform has one (YouTube, Reddit)
 * @param text         the caption, description or self text
 * @param likeCount    likes or score
 * @param commentCount comments the platform reports
 * @param viewCount    views or plays
 * @param shareCount   shares
 * @param media        the media files the post carries, in order
 */
public record Post(String platform, String id, Optional<String> url, Optional<Instant> createdAt,
                   boolean createdAtApproximate, Optional<Author> author, Optional<String> title, Optional<String> text,
                   OptionalLong likeCount, OptionalLong commentCount, OptionalLong viewCount, OptionalLong shareCount,
                   List<Media> media, Map<String, Object> extras,
                   Enrichments enrichments) implements Item {

    public Post {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(id, "id");
        url = Values.orEmpty(url);
        createdAt = Values.orEmpty(createdAt);
        author = Values.orEmpty(author);
        title = Values.orEmpty(title);
        text = Values.orEmpty(text);
        likeCount = Values.orEmpty(likeCount);
        commentCount = Values.orEmpty(commentCount);
        viewCount = Values.orEmpty(viewCount);
        shareCount = Values.orEmpty(shareCount);
        media = Values.list(media);
        extras = Values.extras(extras);
        enrichments = enrichments == null ? Enrichments.NONE : enrichments;
    }

    @Override
    public Content content() {
        return Content.POSTS;
    }

    /** A copy carrying these enrichments, replacing the ones it had. */
    @Override
    public Post withEnrichments(Enrichments enrichments) {
        return new Post(platform, id, url, createdAt, createdAtApproximate, author, title, text, likeCount,
                commentCount, viewCount, shareCount, media, extras, Objects.requireNonNull(enrichments,
                "enrichments"));
    }

    /** A builder; platform and id are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Post}. */
    public static final class Builder extends ItemBuilder<Builder, Post> {
        private String title;
        private String text;
        private Long likeCount;
        private Long commentCount;
        private Long viewCount;
        private Long shareCount;
        private final List<Media> media = new ArrayList<>();

        private Builder() {
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder likeCount(Long likeCount) {
            this.likeCount = likeCount;
            return this;
        }

        public Builder commentCount(Long commentCount) {
            this.commentCount = commentCount;
            return this;
        }

        public Builder viewCount(Long viewCount) {
            this.viewCount = viewCount;
            return this;
        }

        public Builder shareCount(Long shareCount) {
            this.shareCount = shareCount;
            return this;
        }

        /** Adds one media file. */
        public Builder media(Media media) {
            this.media.add(Objects.requireNonNull(media, "media"));
            return this;
        }

        @Override
        public Post build() {
            return new Post(platform, id, urlValue(), createdAtValue(), createdAtApproximate, authorValue(),
                    Optional.ofNullable(title), Optional.ofNullable(text), Values.count(likeCount),
                    Values.count(commentCount), Values.count(viewCount), Values.count(shareCount), media, extras, enrichments);
        }
    }
}
