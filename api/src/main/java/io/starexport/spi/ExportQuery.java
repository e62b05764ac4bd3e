package io.starexport.spi;

import io.starexport.api.Content;
import io.starexport.api.Sort;
import io.starexport.api.Target;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the host asked a platform for. The engine enforces limit and dates itself; an extractor may
 * use them to ask the platform for less (server-side date filters, smaller pages).
 *
 * @param target  what to export from
 * @param content what to export
 * @param replies whether replies to comments are wanted
 * @param sort    the requested order, when one was requested
 * @param limit   the most items the host wants
 * @param since   the oldest creation time wanted
 * @param until   the newest creation time wanted
 */
public record ExportQuery(Target target, Content content, boolean replies, Optional<Sort> sort, OptionalLong limit,
                          Optional<Instant> since, Optional<Instant> until) {
    public ExportQuery {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(content, "content");
        sort = sort == null ? Optional.empty() : sort;
        limit = limit == null ? OptionalLong.empty() : limit;
        since = since == null ? Optional.empty() : since;
        until = until == null ? Optional.empty() : until;
    }
}
