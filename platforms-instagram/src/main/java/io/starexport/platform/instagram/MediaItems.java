package io.starexport.platform.instagram;

import io.starexport.api.Media;
import io.starexport.api.MediaItem;
import io.starexport.api.Post;

import java.util.ArrayList;
import java.util.List;

/** A post's files as MEDIA items: id {@code <post id>:<index>}, in the post's order (carousel order). */
final class MediaItems {
    private MediaItems() {
    }

    static List<MediaItem> of(Post post) {
        List<MediaItem> items = new ArrayList<>();
        for (int i = 0; i < post.media().size(); i++) {
            Media media = post.media().get(i);
            MediaItem.Builder item = MediaItem.builder().platform(post.platform()).id(post.id() + ":" + i)
                    .postId(post.id()).index(i).media(media)
                    .extra("shortcode", post.extras().get("shortcode"));
            post.url().ifPresent(item::url);
            post.createdAt().ifPresent(item::createdAt);
            post.author().ifPresent(item::author);
            items.add(item.build());
        }
        return items;
    }

    static List<MediaItem> of(List<Post> posts) {
        List<MediaItem> items = new ArrayList<>();
        posts.forEach(post -> items.addAll(of(post)));
        return items;
    }
}
