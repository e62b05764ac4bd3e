package io.starexport.cli;

import io.starexport.api.Content;

/** What the items of a content are called in messages: "1 comment", "500 comments". */
final class Nouns {
    private Nouns() {
    }

    static String of(Content content, long count) {
        if (content == null) {
            return count == 1 ? "item" : "items";
        }
        String singular = switch (content) {
            case COMMENTS -> "comment";
            case POSTS -> "post";
            case PROFILE -> "profile";
            case MEDIA -> "media item";
        };
        return count == 1 ? singular : singular + "s";
    }
}
