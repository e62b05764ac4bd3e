package io.starexport.core.internal.sandbox;

import io.starexport.api.Profile;
import io.starexport.spi.Extractor;
import io.starexport.spi.Page;
import io.starexport.spi.PageRequest;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The target's owner as one profile, on one page with no cursor. */
final class ProfileExtractor implements Extractor<Profile> {
    private final Scene scene;

    ProfileExtractor(Scene scene) {
        this.scene = scene;
    }

    @Override
    public Page<Profile> fetch(PageRequest request) {
        if (request.cursor().isPresent()) {
            throw Cursor.notOurs(request.cursor().get());
        }
        OptionalLong limit = scene.query.limit();
        List<Profile> items = limit.isPresent() && limit.getAsLong() <= 0 ? List.of() : List.of(scene.shape.profile());
        return new Page<>(items, Optional.empty(), OptionalLong.of(items.size()), Page.Order.UNORDERED, List.of());
    }
}
