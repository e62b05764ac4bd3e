package io.starexport.core.internal.sandbox;

import io.starexport.api.Author;
import io.starexport.api.Post;
import io.starexport.api.Target;
import io.starexport.spi.Extractor;
import io.starexport.spi.Page;
import io.starexport.spi.PageRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Sample posts of a profile, playlist, community or hashtag, newest first. Post {@code i} is a function
 * of the seed, {@code i} and the number of posts (which spreads the dates over two years), so a page
 * is computed from its cursor alone.
 */
final class PostExtractor implements Extractor<Post> {
    private final Scene scene;

    PostExtractor(Scene scene) {
        this.scene = scene;
    }

    /**
     * How many posts an export has: 150 to 600 drawn from the seed (a profile's post count), or the limit
     * when it is larger, so any count can be had.
     */
    static long size(Scene scene, OptionalLong limit) {
        long natural = 150 + Math.floorMod(scene.derived(Scene.Salt.POST_SIZE), 451L);
        return limit.isPresent() ? Math.max(natural, limit.getAsLong()) : natural;
    }

    /** The author of every post when the target is one account, or null when posts come from many. */
    static Author fixedAuthor(Scene scene) {
        return scene.target.kind() == Target.Kind.PROFILE ? scene.shape.owner() : null;
    }

    /** Post {@code index} (0 is the newest) of a list of {@code count} posts spread over two years. */
    static Post postAt(Scene scene, long index, long count, Author fixedAuthor) {
        Rng rng = scene.rng(Scene.Salt.POST, index);
        var createdAt = Scene.before((index + 0.02 + 0.96 * rng.nextDouble()) / Math.max(1, count));
        long person = rng.nextLong(Scene.PEOPLE);
        Author author = fixedAuthor != null ? fixedAuthor : scene.shape.person(person);
        return scene.shape.post(scene.shape.postId(index), createdAt, author, rng, false);
    }

    @Override
    public Page<Post> fetch(PageRequest request) {
        Cursor at = Cursor.start(scene, request.cursor(), () -> size(scene, scene.query.limit()), units -> units);
        if (at.total() != at.units() || at.sub() != 0 || (at.emitted() < at.total() && at.position() != at.emitted())) {
            throw Cursor.notOurs(at.encode());
        }
        Author author = fixedAuthor(scene);
        int pageSize = Sandbox.pageSize(request);
        List<Post> items = new ArrayList<>();
        long position = at.position();
        while (items.size() < pageSize && position < at.total()) {
            items.add(postAt(scene, position, at.units(), author));
            position++;
        }
        Cursor next = at.next(position, 0, position);
        return new Page<>(items, Optional.ofNullable(next).map(Cursor::encode), OptionalLong.of(at.total()),
                Page.Order.NEWEST_FIRST, List.of());
    }
}
