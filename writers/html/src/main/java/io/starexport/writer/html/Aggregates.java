package io.starexport.writer.html;

import io.starexport.api.Comment;
import io.starexport.api.Item;
import io.starexport.api.MediaItem;
import io.starexport.api.Post;
import io.starexport.api.Profile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the summary and charts need, in bounded memory: counts, the date range, items per day, the
 * most-liked {@value #TOP_LIKED}, and author counts kept exactly up to {@value #AUTHOR_CAPACITY} distinct
 * authors and estimated past that (Misra–Gries: counts are then lower bounds, off by at most
 * items / {@value #AUTHOR_CAPACITY}).
 */
final class Aggregates {
    static final int TOP_LIKED = 10;
    static final int AUTHOR_CAPACITY = 10_000;
    private static final int SHOWN_TARGETS = 3;
    private static final int LIKED_TEXT_CHARS = 500;

    /** One of the most-liked items, its text already cut. */
    record Liked(long likes, long order, String author, String text, boolean markdown, Optional<Instant> createdAt,
                 Optional<String> url) {
    }

    /** An author and how many items they wrote. */
    record AuthorCount(String label, long count) {
    }

    long items;
    long replies;
    long approximateDates;
    Instant first;
    Instant last;
    final Set<String> platforms = new LinkedHashSet<>();
    final Set<String> targets = new LinkedHashSet<>();
    long moreTargets;
    final TreeMap<LocalDate, Long> perDay = new TreeMap<>();
    private final Map<String, long[]> authorCounts = new HashMap<>();
    private final Map<String, String> authorLabels = new HashMap<>();
    boolean authorsEstimated;
    private final PriorityQueue<Liked> liked = new PriorityQueue<>(
            Comparator.comparingLong(Liked::likes).thenComparing(Comparator.comparingLong(Liked::order).reversed()));

    void add(Item item) {
        items++;
        platforms.add(item.platform());
        target(item).ifPresent(this::addTarget);
        if (item instanceof Comment comment && comment.depth() > 0) {
            replies++;
        }
        if (item.createdAtApproximate()) {
            approximateDates++;
        }
        item.createdAt().ifPresent(at -> {
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
            perDay.merge(LocalDate.ofInstant(at, ZoneOffset.UTC), 1L, Long::sum);
        });
        item.author().ifPresent(author -> author.id().or(author::handle).or(author::displayName)
                .ifPresent(key -> countAuthor(key, TableColumns.authorLabel(item.author()))));
        likes(item).ifPresent(likes -> addLiked(item, likes));
    }

    private static Optional<String> target(Item item) {
        if (item instanceof Comment comment) {
            return Optional.of("post " + comment.postId());
        }
        if (item instanceof MediaItem media) {
            return media.postId().map(id -> "post " + id);
        }
        if (item instanceof Post || item instanceof Profile) {
            return item.author().flatMap(a -> a.handle().or(a::displayName).or(a::id)).map(name -> "profile " + name);
        }
        return Optional.empty();
    }

    private void addTarget(String target) {
        if (targets.contains(target)) {
            return;
        }
        if (targets.size() < SHOWN_TARGETS) {
            targets.add(target);
        } else {
            // Counts items of other targets, not distinct targets: telling them apart would need unbounded memory.
            moreTargets++;
        }
    }

    private void countAuthor(String key, String label) {
        long[] count = authorCounts.get(key);
        if (count != null) {
            count[0]++;
            return;
        }
        if (authorCounts.size() < AUTHOR_CAPACITY) {
            authorCounts.put(key, new long[] {1});
            authorLabels.put(key, label);
            return;
        }
        // Misra–Gries: a new author when the table is full lowers every count by one instead.
        authorsEstimated = true;
        Iterator<Map.Entry<String, long[]>> entries = authorCounts.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, long[]> entry = entries.next();
            if (--entry.getValue()[0] == 0) {
                authorLabels.remove(entry.getKey());
                entries.remove();
            }
        }
    }

    /** The distinct authors, exact unless {@link #authorsEstimated}. */
    int authors() {
        return authorCounts.size();
    }

    List<AuthorCount> topAuthors(int limit) {
        return authorCounts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> e.getValue()[0]).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(limit)
                .map(e -> new AuthorCount(authorLabels.get(e.getKey()), e.getValue()[0]))
                .toList();
    }

    private static OptionalLong likes(Item item) {
        if (item instanceof Comment comment) {
            return comment.likeCount();
        }
        if (item instanceof Post post) {
            return post.likeCount();
        }
        return OptionalLong.empty();
    }

    private void addLiked(Item item, long likes) {
        if (liked.size() == TOP_LIKED && liked.peek().likes() >= likes) {
            return;
        }
        String text = item instanceof Comment comment ? comment.text()
                : ((Post) item).title().or(((Post) item)::text).orElse("");
        liked.add(new Liked(likes, items, TableColumns.authorLabel(item.author()), cut(text), TableColumns.markdown(item),
                item.createdAt(),
                item.url().filter(Html::isWebLink)));
        if (liked.size() > TOP_LIKED) {
            liked.poll();
        }
    }

    /** The most-liked items, most likes first; among equals, the earlier item first. */
    List<Liked> mostLiked() {
        List<Liked> sorted = new ArrayList<>(liked);
        sorted.sort(Comparator.comparingLong(Liked::likes).reversed().thenComparingLong(Liked::order));
        return sorted;
    }

    private static String cut(String text) {
        if (text.length() <= LIKED_TEXT_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(LIKED_TEXT_CHARS - 1)) ? LIKED_TEXT_CHARS - 1 : LIKED_TEXT_CHARS;
        return text.substring(0, end) + "…";
    }
}
