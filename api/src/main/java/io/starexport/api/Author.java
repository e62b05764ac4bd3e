package io.starexport.api;

import java.util.Optional;

/**
 * Who wrote an item, as far as the platform says.
 *
 * @param id          the platform's stable account id
 * @param handle      the public handle or user name, without a leading {@code @}
 * @param displayName the name shown to people
 * @param url         the profile URL
 * @param verified    whether the platform marks the account as verified
 */
public record Author(Optional<String> id, Optional<String> handle, Optional<String> displayName,
                     Optional<String> url, boolean verified) {

    public Author {
        id = Values.orEmpty(id);
        handle = Values.orEmpty(handle);
        displayName = Values.orEmpty(displayName);
        url = Values.orEmpty(url);
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link Author}; unset values stay absent. */
    public static final class Builder {
        private String id;
        private String handle;
        private String displayName;
        private String url;
        private boolean verified;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder handle(String handle) {
            this.handle = handle;
            return this;
        }

        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder verified(boolean verified) {
            this.verified = verified;
            return this;
        }

        public Author build() {
            return new Author(Optional.ofNullable(id), Optional.ofNullable(handle), Optional.ofNullable(displayName),
                    Optional.ofNullable(url), verified);
        }
    }
}
