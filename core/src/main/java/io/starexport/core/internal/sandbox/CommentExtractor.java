package io.starexport.core.internal.sandbox;

import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.Sort;
import io.starexport.api.Target;
import io.starexport.spi.Extractor;
import io.starexport.spi.Page;
import io.starexport.spi.PageRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Sample comment threads, laid out so that any position can be computed on its own.
 *
 * <p>Threads come in blocks of 8 that hold 16 replies between them (0 to 6 per thread), so the item
 * offset of a thread, and the number of threads that fit in a budget of items, are closed formulas.
 * The budget (the limit, or a size of 150 to 600 drawn from the seed) ends with the thread it falls in,
 * whose replies are cut to fit, so every top-level {@code replyCount} matches the replies produced.
 * Threads are numbered newest first; the requested sort only changes the order they are visited in
 * (reversed for oldest first, a keyed shuffle that is also the like ranking for top), so every order
 * shows the same comments.
 *
 * <p>A COMMENT target is one thread: the comment, then its replies (a limit sets how many).
 */
final class CommentExtractor implements Extractor<Comment> {
    private static final int BLOCK_THREADS = 8;
    private static final int BLOCK_REPLIES = 16;
    private static final int BLOCK_ITEMS = BLOCK_THREADS + BLOCK_REPLIES;
    private static final int MAX_REPLIES = 6;
    private static final int CHAIN_BLOCK = 6;
    /** Ways to split 6 consecutive replies into chains of 1 to 3 (a reply, a reply to it, and one more). */
    private static final List<int[]> CHAINS = chains(CHAIN_BLOCK, 3);

    private final Scene scene;
    private final Shape shape;
    private final boolean replies;
    private final boolean single;
    private final Sort sort;
    private final double popularity;
    private final boolean hasPinned;
    private final Author owner;
    private long cachedBlock = -1;
    private int[] cachedCounts;

    CommentExtractor(Scene scene) {
        this.scene = scene;
        this.shape = scene.shape;
        this.replies = scene.query.replies();
        this.single = scene.target.kind() == Target.Kind.COMMENT;
        this.sort = scene.query.sort().orElse(Sort.TOP);
        this.popularity = Math.pow(10, 1.5 + 3 * new Rng(scene.derived(Scene.Salt.POPULARITY)).nextDouble());
        this.hasPinned = (scene.derived(Scene.Salt.PINNED) & 1) == 0;
        this.owner = shape.owner();
    }

    @Override
    public Page<Comment> fetch(PageRequest request) {
        Cursor at = Cursor.start(scene, request.cursor(), this::initialBudget, this::total);
        Layout layout = new Layout(at.units());
        if (layout.total != at.total() || (at.emitted() < at.total() && !layout.isPosition(at.position(), at.sub()))) {
            throw Cursor.notOurs(at.encode());
        }
        int pageSize = Sandbox.pageSize(request);
        List<Comment> items = new ArrayList<>((int) Math.min(pageSize, at.total() - at.emitted()));
        long position = at.position();
        long reply = at.sub();
        long emitted = at.emitted();
        CommentThread thread = null;
        while (items.size() < pageSize && emitted < at.total()) {
            if (thread == null || thread.position != position) {
                thread = thread(layout, position);
            }
            items.add(reply == 0 ? top(thread) : reply(thread, reply - 1));
            emitted++;
            if (replies && reply < thread.replies) {
                reply++;
            } else {
                position++;
                reply = 0;
            }
        }
        Cursor next = at.next(position, reply, emitted);
        return new Page<>(items, Optional.ofNullable(next).map(Cursor::encode), OptionalLong.of(at.total()), order(),
                List.of());
    }

    private Page.Order order() {
        if (single) {
            return Page.Order.UNORDERED;
        }
        return switch (sort) {
            case NEWEST -> Page.Order.NEWEST_FIRST;
            case OLDEST -> Page.Order.OLDEST_FIRST;
            case TOP -> Page.Order.UNORDERED;
        };
    }

    /** The comment budget of a new export: the layout is a function of it alone. */
    private long initialBudget() {
        OptionalLong limit = scene.query.limit();
        if (limit.isPresent() && limit.getAsLong() <= 0) {
            return 0;
        }
        if (single) {
            // A reply named as thread + separator + id cannot have replies of its own: such threads are flat.
            if (shape.replyTargetThread().isPresent()) {
                return 1;
            }
            if (limit.isPresent() && replies) {
                return limit.getAsLong();
            }
            return 1 + Math.floorMod(scene.derived(Scene.Salt.SIZE), MAX_REPLIES + 1L);
        }
        long natural = 150 + Math.floorMod(scene.derived(Scene.Salt.SIZE), 451L);
        if (limit.isPresent()) {
            // A limit above the target's own size grows it, so any count can be had. Without replies the
            // limit counts threads; the budget that ends exactly after thread L is its offset.
            return Math.max(natural, replies ? limit.getAsLong() : offset(limit.getAsLong()));
        }
        return natural;
    }

    private long total(long budget) {
        return new Layout(budget).total;
    }

    /** Reply counts of the 8 threads of a block: 16 replies given out by skewed weights, at most 6 each. */
    private int[] block(long block) {
        if (block != cachedBlock) {
            Rng rng = scene.rng(Scene.Salt.BLOCK, block);
            double[] weights = new double[BLOCK_THREADS];
            double sum = 0;
            for (int i = 0; i < BLOCK_THREADS; i++) {
                weights[i] = Math.pow(rng.nextDouble(), 3);
                sum += weights[i];
            }
            int[] counts = new int[BLOCK_THREADS];
            for (int given = 0; given < BLOCK_REPLIES; given++) {
                double roll = rng.nextDouble() * sum;
                int slot = 0;
                while (slot < BLOCK_THREADS - 1 && roll >= weights[slot]) {
                    roll -= weights[slot];
                    slot++;
                }
                while (counts[slot] == MAX_REPLIES) {
                    slot = (slot + 1) % BLOCK_THREADS;
                }
                counts[slot]++;
            }
            cachedBlock = block;
            cachedCounts = counts;
        }
        return cachedCounts;
    }

    /** Where thread {@code canonical} starts when every thread is followed by all its replies. */
    private long offset(long canonical) {
        long block = canonical / BLOCK_THREADS;
        int[] counts = block(block);
        long offset = block * BLOCK_ITEMS;
        for (int i = 0; i < canonical % BLOCK_THREADS; i++) {
            offset += 1 + counts[i];
        }
        return offset;
    }

    /** How many threads start within the first {@code budget} items. */
    private long threadsWithin(long budget) {
        long block = budget / BLOCK_ITEMS;
        long rest = budget % BLOCK_ITEMS;
        long threads = block * BLOCK_THREADS;
        int[] counts = block(block);
        long offset = 0;
        for (int i = 0; i < BLOCK_THREADS && offset < rest; i++) {
            threads++;
            offset += 1 + counts[i];
        }
        return threads;
    }

    /** The size and shape of one export, from its budget. */
    private final class Layout {
        final long threads;
        final long lastReplies;
        final long total;
        final Shuffle ranks;

        Layout(long budget) {
            if (budget <= 0) {
                threads = 0;
                lastReplies = 0;
            } else if (single) {
                threads = 1;
                lastReplies = budget - 1;
            } else {
                threads = threadsWithin(budget);
                lastReplies = budget - offset(threads - 1) - 1;
            }
            total = replies ? Math.max(0, budget) : threads;
            ranks = new Shuffle(Math.max(1, threads), scene.derived(Scene.Salt.RANK));
        }

        /** Replies of a thread, counted whether or not the export asked for them. */
        long replies(long canonical) {
            return canonical == threads - 1 ? lastReplies : block(canonical / BLOCK_THREADS)[(int) (canonical % BLOCK_THREADS)];
        }

        /** The thread visited at a position: numbered newest first, visited in the requested order. */
        long canonical(long position) {
            if (single) {
                return 0;
            }
            return switch (sort) {
                case NEWEST -> position;
                case OLDEST -> threads - 1 - position;
                case TOP -> ranks.apply(position);
            };
        }

        /** Likes rank from 0; a thread's rank is its position in the top order. */
        long rank(long canonical) {
            return single ? 0 : ranks.invert(canonical);
        }

        boolean isPosition(long position, long reply) {
            return position < threads && (replies ? reply <= replies(canonical(position)) : reply == 0);
        }
    }

    /** What every comment of one thread shares. */
    private record CommentThread(long position, long key, String id, String parentId, int depth, Instant createdAt,
                                 long replyWindowSeconds, long replies, long rank, boolean pinned, Who who) {
    }

    /** Who wrote a comment. */
    private record Who(Author author, boolean owner) {
        String handle() {
            return author.handle().orElse(null);
        }
    }

    private CommentThread thread(Layout layout, long position) {
        long canonical = layout.canonical(position);
        Rng rng = scene.rng(Scene.Salt.THREAD, canonical);
        long key = single ? 0 : offset(canonical);
        String id;
        String parentId = null;
        Instant createdAt;
        long window;
        if (single) {
            id = scene.target.id();
            parentId = shape.replyTargetThread().orElse(null);
            createdAt = Scene.before(Scene.COMMENTS_SPAN * (0.3 + 0.6 * rng.nextDouble()));
            window = Scene.ANCHOR.getEpochSecond() - createdAt.getEpochSecond();
        } else {
            id = shape.commentId(key, null);
            createdAt = Scene.before(Scene.COMMENTS_SPAN * (canonical + 0.02 + 0.96 * rng.nextDouble()) / layout.threads);
            window = Math.min(Scene.ANCHOR.getEpochSecond() - createdAt.getEpochSecond(), 3_600L * rng.between(1, 720));
        }
        boolean pinned = !single && hasPinned && canonical == layout.ranks.apply(0);
        return new CommentThread(position, key, id, parentId, parentId == null ? 0 : 1, createdAt, window,
                layout.replies(canonical), layout.rank(canonical), pinned, who(key, true));
    }

    private Who who(long key, boolean top) {
        Rng rng = scene.rng(Scene.Salt.PERSON, key);
        if (rng.chance(top ? 0.02 : 0.08)) {
            return new Who(owner, true);
        }
        return new Who(shape.person(rng.nextLong(Scene.PEOPLE)), false);
    }

    private Comment top(CommentThread thread) {
        Rng rng = scene.rng(Scene.Salt.COMMENT, thread.key);
        long likes = (long) (popularity * Math.pow(thread.rank + 1, -0.75) * (0.7 + 0.6 * rng.nextDouble()));
        boolean edited = rng.chance(0.06);
        return shape.comment(new Shape.CommentDraft(thread.key, thread.id, scene.postId(), thread.parentId, null,
                thread.depth, thread.createdAt, likes, directReplies(thread), thread.pinned, edited, thread.who.author(),
                thread.who.owner(), rng));
    }

    private Comment reply(CommentThread thread, long index) {
        long key = thread.key + 1 + index;
        Rng rng = scene.rng(Scene.Salt.COMMENT, key);
        long likes = (long) (popularity * 0.08 * Math.pow(rng.nextDouble(), 3));
        boolean edited = rng.chance(0.04);
        int link = chainLink(thread, index);
        String parentId;
        Who parent;
        if (link == 0) {
            parentId = thread.id;
            parent = thread.who;
        } else {
            parentId = shape.commentId(key - 1, thread.id);
            parent = who(key - 1, false);
        }
        long childCount = index + 1 < thread.replies && chainLink(thread, index + 1) > 0 ? 1 : 0;
        double fraction = (index + 0.1 + 0.8 * scene.rng(Scene.Salt.REPLY_TIME, key).nextDouble()) / thread.replies;
        Instant createdAt = thread.createdAt.plusSeconds((long) (thread.replyWindowSeconds * fraction));
        Who who = who(key, false);
        return shape.comment(new Shape.CommentDraft(key, shape.commentId(key, thread.id), scene.postId(),
                parentId, parent.handle(), thread.depth + 1 + link, createdAt, likes, childCount, false, edited,
                who.author(), who.owner(), rng));
    }

    /** How far down its chain a reply is: 0 answers the top-level comment, 1 answers the reply before it… */
    private int chainLink(CommentThread thread, long index) {
        if (shape.maxDepth() <= 1) {
            return 0;
        }
        int within = (int) (index % CHAIN_BLOCK);
        int start = 0;
        for (int length : chains(thread, index / CHAIN_BLOCK)) {
            if (within < start + length) {
                return within - start;
            }
            start += length;
        }
        throw new IllegalStateException("chains of " + CHAIN_BLOCK + " cover every index");
    }

    private int[] chains(CommentThread thread, long block) {
        Rng rng = Rng.of(scene.derived(Scene.Salt.REPLY_SHAPE) ^ Rng.mix(thread.key), block);
        return CHAINS.get(rng.nextInt(CHAINS.size()));
    }

    /** Replies that answer the top-level comment directly: one per chain that starts within the thread. */
    private long directReplies(CommentThread thread) {
        if (shape.maxDepth() <= 1) {
            return thread.replies;
        }
        long direct = 0;
        for (long block = 0; block * CHAIN_BLOCK < thread.replies; block++) {
            long start = block * CHAIN_BLOCK;
            for (int length : chains(thread, block)) {
                if (start < thread.replies) {
                    direct++;
                }
                start += length;
            }
        }
        return direct;
    }

    private static List<int[]> chains(int total, int longest) {
        List<int[]> all = new ArrayList<>();
        collect(total, longest, new int[total], 0, all);
        return List.copyOf(all);
    }

    private static void collect(int left, int longest, int[] parts, int used, List<int[]> into) {
        if (left == 0) {
            into.add(java.util.Arrays.copyOf(parts, used));
            return;
        }
        for (int length = 1; length <= Math.min(left, longest); length++) {
            parts[used] = length;
            collect(left - length, longest, parts, used + 1, into);
        }
    }
}
