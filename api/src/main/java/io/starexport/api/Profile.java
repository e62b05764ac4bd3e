package io.starexport.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A user, channel or account. {@link #author()} holds the account's own identity (handle, display
 * name, verified); {@code createdAt} is when the account was created, where the platform says.
 *
 * @param bio            the profile text
 * @param followerCount  followers or subscribers
 * @param followingCount accounts followed
 * @param postCount      posts or videos published
 */
public record Profile(String platform, String id, Optional<String> url, Optional<Instant> createdAt,
                      boolean createdAtApproximate, Optional<Author> author, Optional<String> bio,
                      OptionalLong followerCount, OptionalLong followingCount, OptionalLong postCount,
                      Map<String, Object> extras,
                      Enrichments enrichments) implements Item {

    public Profile {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(id, "id");
        url = Values.orEmpty(url);
        createdAt = Values.orEmpty(createdAt);
        author = Values.orEmpty(author);
        bio = Values.orEmpty(bio);
        followerCount = Values.orEmpty(followerCount);
        followingCount = Values.orEmpty(followingCount);
        postCount = Values.orEmpty(postCount);
        extras = Values.extras(extras);
        enrichments = enrichments == null ? Enrichments.NONE : enrichments;
    }

    @Override
    public Content content() {
        return Content.PROFILE;
    }

    /** A copy carrying these enrichments, replacing the ones it had. */
    @Override
    public Profile withEnrichments(Enrichments enrichments) {
        return new Profile(platform, id, url, createdAt, createdAtApproximate, author, bio, followerCount,
                followingCount, postCount, extras, Objects.requireNonNull(enrichments, "enrichments"));
    }

    /** A builder; platform and id are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Profile}. */
    public static final class Builder extends ItemBuilder<Builder, Profile> {
        private String bio;
        private Long followerCount;
        private Long followingCount;
        private Long postCount;

        private Builder() {
        }

        public Builder bio(String bio) {
            this.bio = bio;
            return this;
        }

        public Builder followerCount(Long followerCount) {
            this.followerCount = followerCount;
            return this;
        }

        public Builder followingCount(Long followingCount) {
            this.followingCount = followingCount;
            return this;
        }

        public Builder postCount(Long postCount) {
            this.postCount = postCount;
            return this;
        }

        @Override
        public Profile build() {
            return new Profile(platform, id, urlValue(), createdAtValue(), createdAtApproximate, authorValue(),
                    Optional.ofNullable(bio), Values.count(followerCount), Values.count(followingCount),
                    Values.count(postCount), extras, enrichments);
        }
    }
}
