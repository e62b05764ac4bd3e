package io.starexport.api;

/** What an export collects from a {@link Target}. Each content yields one item type. */
public enum Content {
    /** Comments, and their replies when asked for: yields {@link Comment}. */
    COMMENTS(Comment.class),
    /** Posts, videos or submissions of a profile, playlist or community: yields {@link Post}. */
    POSTS(Post.class),
    /** The profile itself: yields {@link Profile}. */
    PROFILE(Profile.class),
    /** Media files referenced by posts (metadata only): yields {@link MediaItem}. */
    MEDIA(MediaItem.class);

    private final Class<? extends Item> itemType;

    Content(Class<? extends Item> itemType) {
        this.itemType = itemType;
    }

    /** The record type every item of this content has. */
    public Class<? extends Item> itemType() {
        return itemType;
    }
}
