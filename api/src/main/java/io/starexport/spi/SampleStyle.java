package io.starexport.spi;

import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.Media;
import io.starexport.api.Post;
import io.starexport.api.Profile;
import io.starexport.api.Target;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * How a platform's items look in sandbox mode, where the engine makes up realistic sample items instead
 * of calling the platform. The engine decides the structure (how many items, threads and replies, dates,
 * order, paging); the style dresses each item the way the platform would: the shape of its ids, how its
 * people are named, how deep replies nest, and what URLs, counts, media and raw fields its items carry.
 * A platform returns its style from {@link Platform#sampleStyle()}; without one it gets {@link #generic()}.
 *
 * <pre>{@code
 * SampleStyle.builder()
 *         .commentIds(IdShape.digits(8).withPrefix("4"))
 *         .handles(Handles.LOWER)
 *         .profileUrls("https://news.example.com/user?id={handle}")
 *         .comments((comment, sample) -> comment.url("https://news.example.com/item?id=" + sample.id()))
 *         .build();
 * }</pre>
 *
 * <p>The owner of a target (a channel, an account) is named by a {@link Target.Kind#PROFILE PROFILE}
 * target's id (an id when it has the {@link #userIds()} shape, else a handle; a leading {@code @} is
 * dropped), or by a target's {@code author} attribute. The post of a
 * {@link Target.Kind#COMMENT COMMENT} target is its {@code postId} (or {@code videoId}) attribute.
 *
 * <p>Dressers must be deterministic: draw randomness only from {@link Sample#random()}, never from the
 * clock or a shared generator, so the same URL gives the same items on every run. Immutable and
 * thread-safe when the dressers are.
 */
public final class SampleStyle {
    private static final SampleStyle GENERIC = builder().build();

    private final IdShape commentIds;
    private final IdShape replyIds;
    private final Optional<String> replyIdSeparator;
    private final IdShape postIds;
    private final IdShape userIds;
    private final Handles handles;
    private final DisplayNames displayNames;
    private final Optional<String> profileUrls;
    private final int maxReplyDepth;
    private final List<String> phrases;
    private final Dresser<Comment.Builder> comments;
    private final Dresser<Post.Builder> posts;
    private final Dresser<Profile.Builder> profiles;

    private SampleStyle(Builder builder) {
        this.commentIds = builder.commentIds;
        this.replyIds = builder.replyIds != null ? builder.replyIds : builder.commentIds;
        this.replyIdSeparator = Optional.ofNullable(builder.replyIdSeparator);
        this.postIds = builder.postIds;
        this.userIds = builder.userIds;
        this.handles = builder.handles;
        this.displayNames = builder.displayNames;
        this.profileUrls = Optional.ofNullable(builder.profileUrls);
        this.maxReplyDepth = builder.maxReplyDepth;
        this.phrases = builder.phrases;
        this.comments = builder.comments;
        this.posts = builder.posts;
        this.profiles = builder.profiles;
    }

    /**
     * The style of a platform that has none of its own: base-36 ids ({@code c…} comments, {@code p…}
     * posts, {@code u…} people), lower-case handles with personal display names, replies one level deep,
     * no URLs, and one image per post at {@code https://example.com/sandbox/ID.jpg}.
     */
    public static SampleStyle generic() {
        return GENERIC;
    }

    /** A builder starting from {@link #generic()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this style's settings, to derive a variant. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.commentIds = commentIds;
        builder.replyIds = replyIds.equals(commentIds) ? null : replyIds;
        builder.replyIdSeparator = replyIdSeparator.orElse(null);
        builder.postIds = postIds;
        builder.userIds = userIds;
        builder.handles = handles;
        builder.displayNames = displayNames;
        builder.profileUrls = profileUrls.orElse(null);
        builder.maxReplyDepth = maxReplyDepth;
        builder.phrases = phrases;
        builder.comments = comments;
        builder.posts = posts;
        builder.profiles = profiles;
        return builder;
    }

    /** The ids of top-level comments. */
    public IdShape commentIds() {
        return commentIds;
    }

    /** The ids of replies; the comment ids unless set. */
    public IdShape replyIds() {
        return replyIds;
    }

    /**
     * When present, a reply's id is its thread's top-level id, this separator, then an id of the
     * {@link #replyIds()} shape ({@code Ugz….Aq3…} on YouTube), and a COMMENT target whose id holds the
     * separator is a reply: it is exported alone, since replies have no replies of their own.
     */
    public Optional<String> replyIdSeparator() {
        return replyIdSeparator;
    }

    /** The ids of posts and videos. */
    public IdShape postIds() {
        return postIds;
    }

    /** The ids of accounts, the same for the same sample person in every export. */
    public IdShape userIds() {
        return userIds;
    }

    public Handles handles() {
        return handles;
    }

    public DisplayNames displayNames() {
        return displayNames;
    }

    /** The profile URL of an account with this handle, from the {@code {handle}} template, if the style has one. */
    public Optional<String> profileUrl(String handle) {
        Objects.requireNonNull(handle, "handle");
        return profileUrls.map(template -> template.replace("{handle}", handle));
    }

    /** The deepest reply level: 1 means replies answer top-level comments only (and may start {@code @name}). */
    public int maxReplyDepth() {
        return maxReplyDepth;
    }

    /** Comment texts typical of the platform, mixed in among the sandbox's general ones. */
    public List<String> phrases() {
        return phrases;
    }

    /** Dresses each sample comment; the default adds nothing. */
    public Dresser<Comment.Builder> comments() {
        return comments;
    }

    /** Dresses each sample post; the default adds one image. */
    public Dresser<Post.Builder> posts() {
        return posts;
    }

    /** Dresses the sample profile; the default adds nothing. */
    public Dresser<Profile.Builder> profiles() {
        return profiles;
    }

    @Override
    public String toString() {
        return "SampleStyle[comments=" + commentIds + ", replies=" + replyIds + replyIdSeparator.map(s -> " after '"
                + s + "'").orElse("") + ", posts=" + postIds + ", users=" + userIds + ", handles=" + handles
                + ", displayNames=" + displayNames + ", maxReplyDepth=" + maxReplyDepth + "]";
    }

    /**
     * What an item looks like on the platform beyond its structure: adds URLs, raw fields
     * ({@code extra(...)}), media, or changes what the engine set (counts, text, author). Called once per
     * item, on the exporting thread.
     *
     * @param <B> the item's builder, already holding the engine's values
     */
    @FunctionalInterface
    public interface Dresser<B> {
        void dress(B item, Sample sample);
    }

    /**
     * What the engine decided about the item being dressed. Implemented by the engine.
     */
    public interface Sample {
        /** The target the export's URL names. */
        Target target();

        /** The item's id. */
        String id();

        /** The post a comment belongs to, or a post's own id; empty for a profile. */
        Optional<String> postId();

        /** The comment a reply answers; empty for top-level comments and other items. */
        Optional<String> parentId();

        /** 0 for a top-level comment and other items, 1 for a reply to it, and so on. */
        int depth();

        /** Who wrote or owns the item. */
        Optional<Author> author();

        /** Whether the target's owner wrote it (a channel answering on its own video). */
        boolean byOwner();

        /** Whether the comment is pinned to the top of its post. */
        boolean pinned();

        /** Whether this is the very item the URL names (the post of a post URL). */
        boolean isTarget();

        /** The like count the engine chose; empty when it hides it. */
        OptionalLong likes();

        /** A top-level comment's direct replies; 0 for other items. */
        long replies();

        /** The item's text as the engine chose it: a comment's text, a post's caption, a profile's bio. */
        String text();

        /** A sample title, for platforms whose posts have one; the engine sets none itself. */
        String title();

        /** A random stream of this item alone, the same on every run. */
        RandomGenerator random();
    }

    /** How sample people's handles are spelled; a number is added once the sample names run out. */
    public enum Handles {
        /** {@code quietfox} */
        LOWER,
        /** {@code QuietFox} */
        CAPITALISED,
        /** {@code Quiet_Fox} */
        UNDERSCORED,
        /** {@code quiet.fox} */
        DOTTED
    }

    /** What name a sample person shows. */
    public enum DisplayNames {
        /** A personal name, such as {@code Anna Müller}. */
        PERSONAL,
        /** The handle with an {@code @}, as YouTube shows commenters. */
        AT_HANDLE,
        /** None: the platform shows handles only. */
        NONE
    }

    /**
     * What a platform's ids look like: a fixed prefix, {@code length} characters of an alphabet, and a
     * fixed suffix. {@code IdShape.digits(15).withPrefix("17")} gives Instagram-like comment ids such as
     * {@code 17843920146519273}; {@code IdShape.of(IdShape.BASE36, 6).withPrefix("l")} gives Reddit-like
     * {@code l3k9x0q}. The sandbox spells each item's unique number in the shape, so ids are unique within
     * an export while the shape can spell more ids than the export has items. Immutable.
     */
    public static final class IdShape {
        /** Decimal digits. */
        public static final String DIGITS = "0123456789";
        /** Lower-case base 36: digits, then {@code a} to {@code z}. */
        public static final String BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";
        /** The URL-safe base 64 alphabet of RFC 4648 ({@code A-Z a-z 0-9 - _}). */
        public static final String BASE64_URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

        private final String prefix;
        private final String alphabet;
        private final int length;
        private final String suffix;

        private IdShape(String prefix, String alphabet, int length, String suffix) {
            this.prefix = prefix;
            this.alphabet = alphabet;
            this.length = length;
            this.suffix = suffix;
        }

        /**
         * Ids of {@code length} characters of an alphabet.
         *
         * @param alphabet two or more distinct characters, in digit order
         * @param length   1 or more
         * @throws IllegalArgumentException for a shorter alphabet, a repeated character or a length below 1
         */
        public static IdShape of(String alphabet, int length) {
            Objects.requireNonNull(alphabet, "alphabet");
            if (alphabet.length() < 2 || alphabet.chars().distinct().count() != alphabet.length()) {
                throw new IllegalArgumentException("an id alphabet needs two or more distinct characters, not '"
                        + alphabet + "'");
            }
            if (length < 1) {
                throw new IllegalArgumentException("an id needs at least one character, not " + length);
            }
            return new IdShape("", alphabet, length, "");
        }

        /** Ids of {@code length} decimal digits; add a prefix to keep a leading zero out. */
        public static IdShape digits(int length) {
            return of(DIGITS, length);
        }

        /** This shape with a fixed start, for example {@code "UC"}. */
        public IdShape withPrefix(String prefix) {
            return new IdShape(Objects.requireNonNull(prefix, "prefix"), alphabet, length, suffix);
        }

        /** This shape with a fixed end. */
        public IdShape withSuffix(String suffix) {
            return new IdShape(prefix, alphabet, length, Objects.requireNonNull(suffix, "suffix"));
        }

        public String prefix() {
            return prefix;
        }

        public String alphabet() {
            return alphabet;
        }

        /** How many alphabet characters an id has between its prefix and suffix. */
        public int length() {
            return length;
        }

        public String suffix() {
            return suffix;
        }

        /** Whether a text is an id of this shape. */
        public boolean matches(String text) {
            if (text == null || text.length() != prefix.length() + length + suffix.length()
                    || !text.startsWith(prefix) || !text.endsWith(suffix)) {
                return false;
            }
            for (int i = prefix.length(); i < prefix.length() + length; i++) {
                if (alphabet.indexOf(text.charAt(i)) < 0) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof IdShape that && prefix.equals(that.prefix) && alphabet.equals(that.alphabet)
                    && length == that.length && suffix.equals(that.suffix);
        }

        @Override
        public int hashCode() {
            return Objects.hash(prefix, alphabet, length, suffix);
        }

        @Override
        public String toString() {
            return prefix + "{" + length + " of " + alphabet + "}" + suffix;
        }
    }

    /** Builds a {@link SampleStyle}; every setting starts at the {@link #generic()} one. */
    public static final class Builder {
        private IdShape commentIds = IdShape.of(IdShape.BASE36, 9).withPrefix("c");
        private IdShape replyIds;
        private String replyIdSeparator;
        private IdShape postIds = IdShape.of(IdShape.BASE36, 9).withPrefix("p");
        private IdShape userIds = IdShape.of(IdShape.BASE36, 9).withPrefix("u");
        private Handles handles = Handles.LOWER;
        private DisplayNames displayNames = DisplayNames.PERSONAL;
        private String profileUrls;
        private int maxReplyDepth = 1;
        private List<String> phrases = List.of();
        private Dresser<Comment.Builder> comments = (comment, sample) -> {
        };
        private Dresser<Post.Builder> posts = (post, sample) -> post.media(Media.of(Media.Type.IMAGE,
                "https://example.com/sandbox/" + sample.id() + ".jpg").withSize(1200, 800).withMimeType("image/jpeg"));
        private Dresser<Profile.Builder> profiles = (profile, sample) -> {
        };

        private Builder() {
        }

        public Builder commentIds(IdShape shape) {
            this.commentIds = Objects.requireNonNull(shape, "shape");
            return this;
        }

        /** The shape of replies' ids, when it differs from top-level comments'. */
        public Builder replyIds(IdShape shape) {
            this.replyIds = Objects.requireNonNull(shape, "shape");
            return this;
        }

        /** Reply ids extend their thread's id after this separator; see {@link SampleStyle#replyIdSeparator()}. */
        public Builder replyIdSeparator(String separator) {
            Objects.requireNonNull(separator, "separator");
            if (separator.isEmpty()) {
                throw new IllegalArgumentException("a reply id separator cannot be empty");
            }
            this.replyIdSeparator = separator;
            return this;
        }

        public Builder postIds(IdShape shape) {
            this.postIds = Objects.requireNonNull(shape, "shape");
            return this;
        }

        public Builder userIds(IdShape shape) {
            this.userIds = Objects.requireNonNull(shape, "shape");
            return this;
        }

        public Builder handles(Handles handles) {
            this.handles = Objects.requireNonNull(handles, "handles");
            return this;
        }

        public Builder displayNames(DisplayNames displayNames) {
            this.displayNames = Objects.requireNonNull(displayNames, "displayNames");
            return this;
        }

        /**
         * The profile URL of every account, with {@code {handle}} where the handle goes, for example
         * {@code "https://www.reddit.com/user/{handle}/"}.
         */
        public Builder profileUrls(String template) {
            Objects.requireNonNull(template, "template");
            if (!template.contains("{handle}")) {
                throw new IllegalArgumentException("a profile URL template needs '{handle}': " + template);
            }
            this.profileUrls = template;
            return this;
        }

        /**
         * The deepest reply level, from 1 (replies answer top-level comments, as on YouTube) to 3 (chains
         * of replies to replies, as on Reddit).
         */
        public Builder maxReplyDepth(int depth) {
            if (depth < 1 || depth > 3) {
                throw new IllegalArgumentException("maxReplyDepth must be 1 to 3, not " + depth);
            }
            this.maxReplyDepth = depth;
            return this;
        }

        public Builder phrases(List<String> phrases) {
            this.phrases = List.copyOf(phrases);
            return this;
        }

        public Builder comments(Dresser<Comment.Builder> dresser) {
            this.comments = Objects.requireNonNull(dresser, "dresser");
            return this;
        }

        /** Dresses posts instead of the default, which adds one image: add the media the platform's posts have. */
        public Builder posts(Dresser<Post.Builder> dresser) {
            this.posts = Objects.requireNonNull(dresser, "dresser");
            return this;
        }

        public Builder profiles(Dresser<Profile.Builder> dresser) {
            this.profiles = Objects.requireNonNull(dresser, "dresser");
            return this;
        }

        public SampleStyle build() {
            return new SampleStyle(this);
        }
    }
}
