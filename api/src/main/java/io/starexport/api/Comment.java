package io.starexport.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A comment or reply. Top-level comments have depth 0 and no parent; a reply names its parent.
 *
 * @param postId     id of the post or video the comment is on
 * @param parentId   id of the comment this one replies to
 * @param depth      0 for a top-level comment, 1 for a reply to it, and so on
 * @param text       the comment text as plain text (may be empty, never null)
 * @param likeCount  likes or score, when the platform reports it
 * @param replyCount direct replies the platform reports, which may differ from the replies exported
 * @param pinned     pinned or stickied by the post's owner
 * @param edited     edited after posting
 */
public record Comment(String platform, String id, Optional<String> url, Optional<Instant> createdAt,
                      boolean createdAtApproximate, Optional<Author> author, String postId,
                      Optional<String> parentId, int depth, String text, OptionalLong likeCount,
                      OptionalLong replyCount, boolean pinned, boolean edited, Map<String, Object> extras,
                      Enrichments enrichments)
        implements Item {

    public Comment {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(text, "text");
        url = Values.orEmpty(url);
        createdAt = Values.orEmpty(createdAt);
        author = Values.orEmpty(author);
        parentId = Values.orEmpty(parentId);
        likeCount = Values.orEmpty(likeCount);
        replyCount = Values.orEmpty(replyCount);
        if (depth < 0) {
            throw new IllegalArgumentException("depth must be >= 0 but was " + depth);
        }
        extras = Values.extras(extras);
        enrichments = enrichments == null ? Enrichments.NONE : enrichments;
    }

    @Override
    public Content content() {
        return Content.COMMENTS;
    }

    /** A copy carrying these enrichments, replacing the ones it had. */
    @Override
    public Comment withEnrichments(Enrichments enrichments) {
        return new Comment(platform, id, url, createdAt, createdAtApproximate, author, postId, parentId, depth, text,
                likeCount, replyCount, pinned, edited, extras, Objects.requireNonNull(enrichments, "enrichments"));
    }

    /** A builder; platform, id, postId and text are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Comment}. */
    public static final class Builder extends ItemBuilder<Builder, Comment> {
        private String postId;
        private String parentId;
        private int depth;
        private String text;
        private Long likeCount;
        private Long replyCount;
        private boolean pinned;
        private boolean edited;

        private Builder() {
        }

        public Builder postId(String postId) {
            this.postId = postId;
            return this;
        }

        /** The comment replied to; also sets depth to 1 unless {@link #depth(int)} says otherwise. */
        public Builder parentId(String parentId) {
            this.parentId = parentId;
            if (parentId != null && depth == 0) {
                depth = 1;
            }
            return this;
        }

        public Builder depth(int depth) {
            this.depth = depth;
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

        public Builder replyCount(Long replyCount) {
            this.replyCount = replyCount;
            return this;
        }

        public Builder pinned(boolean pinned) {
            this.pinned = pinned;
            return this;
        }

        public Builder edited(boolean edited) {
            this.edited = edited;
            return this;
        }

        @Override
        public Comment build() {
            return new Comment(platform, id, urlValue(), createdAtValue(), createdAtApproximate, authorValue(), postId,
                    Optional.ofNullable(parentId), depth, text, Values.count(likeCount), Values.count(replyCount),
                    pinned, edited, extras, enrichments);
        }
    }
}
