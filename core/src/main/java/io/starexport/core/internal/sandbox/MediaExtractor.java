package io.starexport.core.internal.sandbox;

import io.starexport.api.Author;
import io.starexport.api.Media;
import io.starexport.api.MediaItem;
import io.starexport.api.Post;
import io.starexport.api.Target;
import io.starexport.spi.Extractor;
import io.starexport.spi.Page;
import io.starexport.spi.PageRequest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Media rows. For a video or post: the files of that post. For a profile, playlist, community or
 * hashtag: the files of its posts, newest post first, exactly as {@link PostExtractor} lists them. The
 * cursor holds the post and the file within it.
 */
final class MediaExtractor implements Extractor<MediaItem> {
    private static final Set<Target.Kind> LISTS = EnumSet.of(Target.Kind.PROFILE, Target.Kind.PLAYLIST,
            Target.Kind.COMMUNITY, Target.Kind.HASHTAG);

    private final Scene scene;
    private final boolean list;

    MediaExtractor(Scene scene) {
        this.scene = scene;
        this.list = LISTS.contains(scene.target.kind());
    }

    @Override
    public Page<MediaItem> fetch(PageRequest request) {
        OptionalLong limit = scene.query.limit();
        Cursor at = list
                ? Cursor.start(scene, request.cursor(), this::postsOfList, posts -> listTotal(posts, limit))
                : Cursor.start(scene, request.cursor(), () -> targetPost().media().size(),
                        files -> limit.isPresent() ? Math.max(0, Math.min(files, limit.getAsLong())) : files);
        int pageSize = Sandbox.pageSize(request);
        Author author = PostExtractor.fixedAuthor(scene);
        List<MediaItem> items = new ArrayList<>();
        long position = at.position();
        long index = at.sub();
        long emitted = at.emitted();
        Post post = null;
        while (items.size() < pageSize && emitted < at.total()) {
            if (post == null) {
                post = list ? PostExtractor.postAt(scene, position, at.units(), author) : targetPost();
                if (index > post.media().size()) {
                    throw Cursor.notOurs(at.encode());
                }
            }
            if (index < post.media().size()) {
                items.add(item(post, (int) index));
                emitted++;
                index++;
            } else if (list) {
                position++;
                index = 0;
                post = null;
            } else {
                throw Cursor.notOurs(at.encode());
            }
        }
        Cursor next = at.next(position, index, emitted);
        return new Page<>(items, Optional.ofNullable(next).map(Cursor::encode), OptionalLong.of(at.total()),
                list ? Page.Order.NEWEST_FIRST : Page.Order.UNORDERED, List.of());
    }

    /**
     * How many posts a list's dates are spread over: the list's own post count, or enough posts for
     * the limit (most posts carry at least one file; the rows run on into older posts if not).
     */
    private long postsOfList() {
        long posts = PostExtractor.size(scene, OptionalLong.empty());
        OptionalLong limit = scene.query.limit();
        return limit.isPresent() ? Math.max(posts, 2 * limit.getAsLong()) : posts;
    }

    private long listTotal(long posts, OptionalLong limit) {
        if (limit.isPresent()) {
            return Math.max(0, limit.getAsLong());
        }
        Author author = PostExtractor.fixedAuthor(scene);
        long files = 0;
        for (long index = 0; index < posts; index++) {
            files += PostExtractor.postAt(scene, index, posts, author).media().size();
        }
        return files;
    }

    /** The post the target names, published just before the earliest of its comments. */
    private Post targetPost() {
        Rng rng = scene.rng(Scene.Salt.TARGET_POST, 0);
        var createdAt = Scene.before(Scene.TARGET_POST_AGE + 0.01 * rng.nextDouble());
        return scene.shape.post(scene.postId(), createdAt, scene.shape.owner(), rng, true);
    }

    private MediaItem item(Post post, int index) {
        Media media = post.media().get(index);
        MediaItem.Builder builder = MediaItem.builder().platform(scene.platform).id(post.id() + "_" + index)
                .postId(post.id()).index(index).media(media);
        post.url().ifPresent(builder::url);
        post.createdAt().ifPresent(builder::createdAt);
        post.author().ifPresent(builder::author);
        return builder.extra("sandbox", true).build();
    }
}
