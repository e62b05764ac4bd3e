package io.starexport.core.internal.sandbox;

import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Item;
import io.starexport.api.Media;
import io.starexport.api.MediaItem;
import io.starexport.api.Post;
import io.starexport.api.Profile;
import io.starexport.api.Sort;
import io.starexport.api.Target;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.Page;
import io.starexport.spi.PageRequest;
import io.starexport.spi.SampleStyle;
import io.starexport.spi.SampleStyle.IdShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxTest {
    // Test platforms: "flat" threads with YouTube-like reply ids, "nested" replies down to depth 3, and a
    // "plain" one with the generic style. URLs are https://PLATFORM.example/KIND/ID?attribute=value.
    private static final String YOUTUBE = "https://flat.example/video/dQw4w9WgXcQ";
    private static final String REDDIT = "https://nested.example/post/1abcdef?subreddit=java";
    private static final String INSTAGRAM = "https://plain.example/post/CAnqPB-Jzcj";
    private static final String TIKTOK = "https://plain.example/video/7603296357641735445?author=shanu3_007";
    private static final SampleStyle FLAT = SampleStyle.builder()
            .commentIds(IdShape.of(IdShape.BASE64_URL, 16).withPrefix("Ugz").withSuffix("4AaABAg"))
            .replyIds(IdShape.of(IdShape.BASE64_URL, 12)).replyIdSeparator(".")
            .postIds(IdShape.of(IdShape.BASE64_URL, 11)).userIds(IdShape.of(IdShape.BASE64_URL, 22).withPrefix("UC"))
            .handles(SampleStyle.Handles.CAPITALISED).displayNames(SampleStyle.DisplayNames.AT_HANDLE)
            .profileUrls("https://flat.example/@{handle}")
            .comments((comment, sample) -> comment.url("https://flat.example/watch?v=" + sample.postId().orElseThrow()
                    + "&lc=" + sample.id()))
            .posts((post, sample) -> post.title(sample.title())
                    .media(Media.of(Media.Type.IMAGE, "https://img.flat.example/" + sample.id() + ".jpg"))
                    .media(Media.of(Media.Type.VIDEO, "https://flat.example/watch?v=" + sample.id())))
            .build();
    private static final SampleStyle NESTED = SampleStyle.builder().maxReplyDepth(3)
            .commentIds(IdShape.of(IdShape.BASE36, 6).withPrefix("l")).handles(SampleStyle.Handles.UNDERSCORED)
            .displayNames(SampleStyle.DisplayNames.NONE)
            .comments((comment, sample) -> comment.extra("parent", sample.parentId().orElse(sample.postId().orElseThrow()))
                    .extra("subreddit", sample.target().attributes().get("subreddit")))
            .build();
    private static final Instant ANCHOR = Instant.parse("2026-06-01T00:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {YOUTUBE, REDDIT, INSTAGRAM, TIKTOK})
    void sameUrlGivesSameItems(String url) {
        ExportQuery query = comments(url, true, null, null);

        assertThat(exportAll(query)).isNotEmpty().isEqualTo(exportAll(query));
    }

    @Test
    void differentUrlsGiveDifferentIds() {
        Set<String> first = ids(exportAll(comments(YOUTUBE, true, null, null)));
        Set<String> second = ids(exportAll(comments("https://flat.example/video/9bZkp7q19f0", true, null, null)));

        assertThat(first).doesNotContainAnyElementsOf(second);
    }

    @ParameterizedTest
    @ValueSource(strings = {YOUTUBE, REDDIT, INSTAGRAM, TIKTOK})
    void limitGivesExactlyThatManyItems(String url) {
        List<Page<? extends Item>> pages = pages(comments(url, true, null, 1234L));
        List<Item> items = items(pages);

        assertThat(items).hasSize(1234);
        assertThat(ids(items)).hasSize(1234);
        assertThat(pages).allSatisfy(page -> assertThat(page.total()).hasValue(1234));
        assertThat(pages).allSatisfy(page -> assertThat(page.items().size()).isLessThanOrEqualTo(100));
    }

    @ParameterizedTest
    @ValueSource(strings = {YOUTUBE, REDDIT, INSTAGRAM, TIKTOK})
    void aLimitBelowTheTargetsSizeKeepsItsTotalAndFirstItems(String url) {
        List<Item> whole = items(pages(comments(url, true, Sort.NEWEST, null)));
        Page<? extends Item> limited = extractor(comments(url, true, Sort.NEWEST, 5L))
                .fetch(new PageRequest(Optional.empty(), OptionalLong.of(5)));

        assertThat(limited.total()).hasValue(whole.size());
        assertThat(limited.items()).isEqualTo(whole.subList(0, 5));
    }

    @Test
    void limitWithoutRepliesCountsTopLevelComments() {
        List<Item> items = exportAll(comments(REDDIT, false, null, 321L));

        assertThat(items).hasSize(321).allSatisfy(item -> assertThat(((Comment) item).depth()).isZero());
    }

    @Test
    void limitAlsoSizesPostsAndMediaLists() {
        assertThat(exportAll(query("https://plain.example/profile/khaby.lame", Content.POSTS, false, null, 777L)))
                .hasSize(777);
        assertThat(exportAll(query("https://nested.example/profile/spez", Content.MEDIA, false, null, 345L)))
                .hasSize(345);
    }

    @Test
    void sizeWithoutLimitIsBetween150And600() {
        for (String url : List.of(YOUTUBE, REDDIT, INSTAGRAM, TIKTOK)) {
            List<Page<? extends Item>> pages = pages(comments(url, true, null, null));

            assertThat(items(pages)).hasSizeBetween(150, 600);
            assertThat(pages.get(0).total()).hasValue(items(pages).size());
        }
    }

    @Test
    void totalCountsRepliesOnlyWhenTheyAreRequested() {
        List<Page<? extends Item>> withReplies = pages(comments(YOUTUBE, true, null, null));
        List<Page<? extends Item>> withoutReplies = pages(comments(YOUTUBE, false, null, null));

        long topLevel = items(withReplies).stream().filter(item -> ((Comment) item).depth() == 0).count();
        assertThat(withoutReplies.get(0).total()).hasValue(topLevel);
        assertThat(items(withoutReplies)).hasSize((int) topLevel);
    }

    @ParameterizedTest
    @EnumSource(Sort.class)
    void resumingFromAnyCursorContinuesWithoutDuplicatesOrGaps(Sort sort) {
        ExportQuery query = comments(REDDIT, true, sort, 700L);
        List<String> cursors = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<Item> all = new ArrayList<>();
        Extractor<? extends Item> extractor = extractor(query);
        PageRequest request = new PageRequest(Optional.empty(), OptionalLong.of(37));
        while (true) {
            Page<? extends Item> page = extractor.fetch(request);
            all.addAll(page.items());
            if (page.nextCursor().isEmpty()) {
                break;
            }
            cursors.add(page.nextCursor().get());
            starts.add(all.size());
            request = new PageRequest(page.nextCursor(), OptionalLong.of(37));
        }

        assertThat(all).hasSize(700);
        for (int k = 0; k < cursors.size(); k++) {
            List<Item> tail = exportFrom(extractor(query), cursors.get(k));
            assertThat(tail).as("export resumed at cursor %s", cursors.get(k))
                    .isEqualTo(all.subList(starts.get(k), all.size()));
        }
    }

    @Test
    void resumingIgnoresALimitChangedOnResume() {
        List<Page<? extends Item>> pages = pages(comments(TIKTOK, true, Sort.NEWEST, 750L));
        String cursor = pages.get(0).nextCursor().orElseThrow();

        List<Item> tail = exportFrom(extractor(comments(TIKTOK, true, Sort.NEWEST, 650L)), cursor);

        assertThat(tail).isEqualTo(items(pages).subList(100, 750));
    }

    @ParameterizedTest
    @ValueSource(strings = {YOUTUBE, REDDIT, INSTAGRAM, TIKTOK})
    void repliesFollowTheirParent(String url) {
        List<Comment> comments = comments(exportAll(comments(url, true, null, null)));
        Map<String, Comment> seen = new HashMap<>();
        String thread = null;

        for (Comment comment : comments) {
            if (comment.depth() == 0) {
                assertThat(comment.parentId()).isEmpty();
                thread = comment.id();
            } else {
                Comment parent = seen.get(comment.parentId().orElseThrow());
                assertThat(parent).as("parent of %s came earlier", comment.id()).isNotNull();
                assertThat(comment.depth()).isEqualTo(parent.depth() + 1);
                assertThat(comment.createdAt().orElseThrow()).isAfterOrEqualTo(parent.createdAt().orElseThrow());
                assertThat(root(comment, seen)).as("reply stays in its thread").isEqualTo(thread);
            }
            assertThat(comment.postId()).isEqualTo(resolve(url).id());
            seen.put(comment.id(), comment);
        }
        assertThat(comments).anySatisfy(comment -> assertThat(comment.depth()).isEqualTo(1));
    }

    @Test
    void repliesNestDownToTheStylesDepthAndDressersSeeTheirParent() {
        List<Comment> comments = comments(exportAll(comments(REDDIT, true, null, 1000L)));

        assertThat(comments).extracting(Comment::depth).contains(0, 1, 2, 3).allSatisfy(depth -> assertThat(depth).isLessThanOrEqualTo(3));
        assertThat(comments).allSatisfy(comment -> assertThat(comment.extras())
                .containsEntry("parent", comment.parentId().orElse(comment.postId())).containsEntry("subreddit", "java"));
        assertThat(comments(exportAll(comments(YOUTUBE, true, null, 1000L)))).extracting(Comment::depth)
                .containsOnly(0, 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {YOUTUBE, REDDIT, INSTAGRAM, TIKTOK})
    void replyCountMatchesRepliesProduced(String url) {
        List<Comment> comments = comments(exportAll(comments(url, true, null, 800L)));
        Map<String, Long> children = comments.stream().filter(comment -> comment.parentId().isPresent())
                .collect(Collectors.groupingBy(comment -> comment.parentId().get(), Collectors.counting()));

        assertThat(comments).allSatisfy(comment ->
                assertThat(comment.replyCount()).hasValue(children.getOrDefault(comment.id(), 0L)));
    }

    @Test
    void noRepliesWhenNotRequested() {
        List<Comment> withoutReplies = comments(exportAll(comments(INSTAGRAM, false, null, null)));
        List<Comment> withReplies = comments(exportAll(comments(INSTAGRAM, true, null, null)));

        assertThat(withoutReplies).allSatisfy(comment -> {
            assertThat(comment.depth()).isZero();
            assertThat(comment.parentId()).isEmpty();
        });
        assertThat(withoutReplies).isEqualTo(withReplies.stream().filter(comment -> comment.depth() == 0).toList());
    }

    @Test
    void newestSortIsNewestFirst() {
        List<Page<? extends Item>> pages = pages(comments(YOUTUBE, true, Sort.NEWEST, null));
        List<Instant> topLevel = comments(items(pages)).stream().filter(comment -> comment.depth() == 0)
                .map(comment -> comment.createdAt().orElseThrow()).toList();

        assertThat(pages).allSatisfy(page -> assertThat(page.order()).isEqualTo(Page.Order.NEWEST_FIRST));
        assertThat(topLevel).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void oldestSortIsOldestFirst() {
        List<Page<? extends Item>> pages = pages(comments(TIKTOK, true, Sort.OLDEST, null));
        List<Instant> topLevel = comments(items(pages)).stream().filter(comment -> comment.depth() == 0)
                .map(comment -> comment.createdAt().orElseThrow()).toList();

        assertThat(pages).allSatisfy(page -> assertThat(page.order()).isEqualTo(Page.Order.OLDEST_FIRST));
        assertThat(topLevel).isSorted();
    }

    @Test
    void topSortGoesRoughlyByLikesAndPinsFirst() {
        List<Page<? extends Item>> pages = pages(comments(INSTAGRAM, false, Sort.TOP, null));
        List<Comment> comments = comments(items(pages));

        assertThat(pages.get(0).order()).isEqualTo(Page.Order.UNORDERED);
        assertThat(comments.stream().filter(Comment::pinned)).hasSizeLessThanOrEqualTo(1);
        comments.stream().filter(Comment::pinned).findFirst()
                .ifPresent(pinned -> assertThat(comments.get(0)).isEqualTo(pinned));
        assertThat(likes(comments.subList(0, 10))).isGreaterThan(likes(comments.subList(comments.size() - 10, comments.size())));
    }

    @Test
    void everySortShowsTheSameComments() {
        Set<String> top = ids(exportAll(comments(REDDIT, true, Sort.TOP, null)));

        assertThat(ids(exportAll(comments(REDDIT, true, Sort.NEWEST, null)))).isEqualTo(top);
        assertThat(ids(exportAll(comments(REDDIT, true, Sort.OLDEST, null)))).isEqualTo(top);
    }

    @Test
    void datesLieInTheTwoYearsBeforeTheAnchor() {
        List<Item> items = new ArrayList<>(exportAll(comments(YOUTUBE, true, null, null)));
        items.addAll(exportAll(query("https://plain.example/profile/natgeo", Content.POSTS, false, null, null)));
        items.addAll(exportAll(query(YOUTUBE, Content.MEDIA, false, null, null)));
        items.addAll(exportAll(comments("https://flat.example/comment/UgzDE2tasfmrYLyNkGt4AaABAg?videoId=dQw4w9WgXcQ",
                true, null, 2000L)));

        assertThat(items).allSatisfy(item -> assertThat(item.createdAt().orElseThrow())
                .isBefore(ANCHOR).isAfter(ANCHOR.minus(java.time.Duration.ofDays(731)))
                .isEqualTo(item.createdAt().orElseThrow().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    }

    @Test
    void someCountsAreAbsentNotZero() {
        List<Comment> comments = comments(exportAll(comments(YOUTUBE, true, null, 1000L)));
        long withLikes = comments.stream().filter(comment -> comment.likeCount().isPresent()).count();

        assertThat(withLikes).isLessThan(comments.size()).isGreaterThan(comments.size() * 8L / 10);
    }

    @Test
    void textsIncludeEmojiNewlinesAndQuotes() {
        List<String> texts = comments(exportAll(comments(REDDIT, true, null, null))).stream().map(Comment::text).toList();

        assertThat(texts).anyMatch(text -> text.contains("\n"))
                .anyMatch(text -> text.contains("\"") && text.contains(","))
                .anyMatch(text -> text.contains("👍") || text.contains("😂") || text.contains("🔥"))
                .anyMatch(text -> text.length() > 200)
                .anyMatch(text -> text.length() < 20)
                .anyMatch(text -> text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC
                        || Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC
                        || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .anyMatch(text -> text.startsWith("=") || text.startsWith("@") || text.startsWith("-") || text.startsWith("+"));
        List<String> many = comments(exportAll(comments(YOUTUBE, true, null, 1500L))).stream().map(Comment::text).toList();
        assertThat(many).anyMatch(text -> text.contains("\u200D")).anyMatch(text -> text.contains("🇯🇵"))
                .anyMatch(text -> text.startsWith("=")).anyMatch(text -> text.startsWith("@"))
                .anyMatch(text -> text.startsWith("-"));
    }

    @ParameterizedTest
    @EnumSource(Content.class)
    void everyItemIsMarkedSandbox(Content content) {
        List<String> urls = content == Content.COMMENTS
                ? List.of(YOUTUBE, REDDIT, INSTAGRAM, TIKTOK)
                : List.of("https://flat.example/profile/@mkbhd", "https://nested.example/profile/spez",
                "https://plain.example/profile/natgeo", "https://plain.example/profile/khaby.lame");
        for (String url : urls) {
            List<Item> items = exportAll(query(url, content, true, null, 150L));

            assertThat(items).isNotEmpty().allSatisfy(item -> {
                assertThat(item.extras()).containsEntry("sandbox", true);
                assertThat(item.content()).isEqualTo(content);
                assertThat(item.platform()).isEqualTo(resolve(url).platform());
            });
        }
    }

    @Test
    void idsHaveTheStylesShapes() {
        List<Comment> flat = comments(exportAll(comments(YOUTUBE, true, null, 300L)));
        assertThat(flat).filteredOn(comment -> comment.depth() == 0)
                .allSatisfy(comment -> assertThat(comment.id()).matches("Ugz[A-Za-z0-9_-]{16}4AaABAg"));
        assertThat(flat).filteredOn(comment -> comment.depth() == 1).isNotEmpty().allSatisfy(comment ->
                assertThat(comment.id()).matches(comment.parentId().orElseThrow() + "\\.[A-Za-z0-9_-]{12}"));
        assertThat(flat).allSatisfy(comment -> {
            Author author = comment.author().orElseThrow();
            assertThat(author.id()).hasValueSatisfying(id -> assertThat(id).matches("UC[A-Za-z0-9_-]{22}"));
            assertThat(author.handle()).hasValueSatisfying(handle -> assertThat(handle).matches("[A-Z][a-z]+[A-Z][a-z]+[0-9]*"));
            assertThat(author.displayName()).isEqualTo(author.handle().map(handle -> "@" + handle));
            assertThat(author.url()).isEqualTo(author.handle().map(handle -> "https://flat.example/@" + handle));
            assertThat(comment.url()).hasValue("https://flat.example/watch?v=dQw4w9WgXcQ&lc=" + comment.id());
        });
        assertThat(comments(exportAll(comments(REDDIT, true, null, 300L)))).allSatisfy(comment -> {
            assertThat(comment.id()).matches("l[a-z0-9]{6}");
            assertThat(comment.author()).hasValueSatisfying(author -> assertThat(author.displayName()).isEmpty());
        });
        assertThat(comments(exportAll(comments(INSTAGRAM, true, null, 300L)))).allSatisfy(comment -> {
            assertThat(comment.id()).matches("c[a-z0-9]{9}");
            assertThat(comment.author().orElseThrow().id()).hasValueSatisfying(id -> assertThat(id).matches("u[a-z0-9]{9}"));
        });
    }

    @Test
    void idsStayUniqueWhenTheShapeLeavesLittleRoom() {
        SampleStyle tight = SampleStyle.builder().commentIds(IdShape.digits(4).withPrefix("9")).build();
        ExportQuery query = comments(INSTAGRAM, true, null, 5000L);

        List<Item> items = items(pages(Sandbox.extractor(query, tight)));

        assertThat(items).hasSize(5000).allSatisfy(item -> assertThat(item.id()).matches("9[0-9]{4}"));
        assertThat(ids(items)).hasSize(5000);
    }

    @Test
    void theSamePersonHasTheSameIdInEveryExport() {
        Map<String, String> ids = new HashMap<>();
        for (String url : List.of(YOUTUBE, "https://flat.example/video/9bZkp7q19f0")) {
            comments(exportAll(comments(url, true, null, 2000L))).forEach(comment -> comment.author().ifPresent(author ->
                    assertThat(ids.computeIfAbsent(author.handle().orElseThrow(), handle -> author.id().orElseThrow()))
                            .isEqualTo(author.id().orElseThrow())));
        }
        assertThat(ids).hasSizeGreaterThan(1000);
    }

    @Test
    void commentTargetGivesTheCommentThenItsReplies() {
        String url = "https://nested.example/comment/kx9a1b2?postId=1abcdef";
        List<Comment> comments = comments(exportAll(comments(url, true, null, 50L)));
        Map<String, Comment> seen = new HashMap<>();
        comments.forEach(comment -> seen.put(comment.id(), comment));

        assertThat(comments).hasSize(50);
        assertThat(comments.get(0).id()).isEqualTo("kx9a1b2");
        assertThat(comments.get(0).replyCount().getAsLong()).isEqualTo(
                comments.stream().filter(comment -> comment.parentId().equals(Optional.of("kx9a1b2"))).count());
        assertThat(comments).allSatisfy(comment -> assertThat(comment.postId()).isEqualTo("1abcdef"));
        assertThat(comments.subList(1, 50)).allSatisfy(comment -> assertThat(root(comment, seen)).isEqualTo("kx9a1b2"));
        assertThat(exportAll(comments(url, false, null, 50L))).hasSize(1);
    }

    @Test
    void aReplyTargetIsJustThatReplyWhenRepliesExtendTheirThreadsId() {
        String reply = "UgzDE2tasfmrYLyNkGt4AaABAg.9xYz0AbCdEf9xYz0AbCdEf";
        List<Comment> comments = comments(exportAll(comments(
                "https://flat.example/comment/" + reply + "?videoId=dQw4w9WgXcQ", true, null, 10L)));

        assertThat(comments).singleElement().satisfies(comment -> {
            assertThat(comment.id()).isEqualTo(reply);
            assertThat(comment.parentId()).hasValue("UgzDE2tasfmrYLyNkGt4AaABAg");
            assertThat(comment.depth()).isEqualTo(1);
            assertThat(comment.replyCount()).hasValue(0);
            assertThat(comment.postId()).isEqualTo("dQw4w9WgXcQ");
        });
    }

    @Test
    void profileIsOneItemCountingThePostsExportHas() {
        String url = "https://plain.example/profile/natgeo";
        List<Page<? extends Item>> pages = pages(query(url, Content.PROFILE, false, null, null));
        Profile profile = (Profile) pages.get(0).items().get(0);

        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).items()).hasSize(1);
        assertThat(pages.get(0).nextCursor()).isEmpty();
        assertThat(profile.author().orElseThrow().handle()).hasValue("natgeo");
        assertThat(profile.followerCount()).isPresent();
        assertThat(profile.bio()).isPresent();
        assertThat(profile.postCount()).hasValue(exportAll(query(url, Content.POSTS, false, null, null)).size());
    }

    @Test
    void postsAreNewestFirstAndDressedByTheStyle() {
        List<Page<? extends Item>> flat = pages(query("https://flat.example/profile/@mkbhd", Content.POSTS, false, null, null));
        assertThat(flat).allSatisfy(page -> assertThat(page.order()).isEqualTo(Page.Order.NEWEST_FIRST));
        assertThat(posts(items(flat)).stream().map(post -> post.createdAt().orElseThrow()).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(posts(items(flat))).allSatisfy(post -> {
            assertThat(post.id()).matches("[A-Za-z0-9_-]{11}");
            assertThat(post.title()).isPresent();
            assertThat(post.author().orElseThrow().handle()).hasValue("mkbhd");
            assertThat(post.media()).extracting(Media::type).containsExactly(Media.Type.IMAGE, Media.Type.VIDEO);
        });

        assertThat(posts(exportAll(query("https://plain.example/profile/natgeo", Content.POSTS, false, null, null))))
                .allSatisfy(post -> {
                    assertThat(post.id()).matches("p[a-z0-9]{9}");
                    assertThat(post.title()).isEmpty();
                    assertThat(post.media()).singleElement().satisfies(media ->
                            assertThat(media.url()).isEqualTo("https://example.com/sandbox/" + post.id() + ".jpg"));
                });
    }

    @Test
    void mediaOfAProfileAreTheFilesOfItsPosts() {
        String url = "https://plain.example/profile/natgeo";
        List<Post> posts = posts(exportAll(query(url, Content.POSTS, false, null, null)));
        List<MediaItem> media = exportAll(query(url, Content.MEDIA, false, null, null)).stream()
                .map(MediaItem.class::cast).toList();

        assertThat(media).extracting(MediaItem::media)
                .isEqualTo(posts.stream().flatMap(post -> post.media().stream()).toList());
        assertThat(media).allSatisfy(item -> assertThat(item.postId()).isPresent());
    }

    @Test
    void mediaOfAPostAreItsFilesInOrder() {
        List<MediaItem> media = exportAll(query(YOUTUBE, Content.MEDIA, false, null, null)).stream()
                .map(MediaItem.class::cast).toList();

        assertThat(media).extracting(MediaItem::index).containsExactly(0, 1);
        assertThat(media).allSatisfy(item -> assertThat(item.postId()).hasValue("dQw4w9WgXcQ"));
        assertThat(media.get(0).media().url()).isEqualTo("https://img.flat.example/dQw4w9WgXcQ.jpg");
    }

    @Test
    void pagesAreNoLargerThanTheEngineStillWants() {
        Page<? extends Item> page = extractor(comments(YOUTUBE, true, null, null))
                .fetch(new PageRequest(Optional.empty(), OptionalLong.of(7)));

        assertThat(page.items()).hasSize(7);
        assertThat(page.nextCursor()).isPresent();
    }

    @Test
    void aMalformedCursorFailsAsOutput() {
        Extractor<? extends Item> extractor = extractor(comments(YOUTUBE, true, null, null));
        String total = Long.toString(extractor.fetch(PageRequest.first()).total().orElseThrow());
        String ours = "sbx2:" + tag(YOUTUBE) + ":" + total + ":" + total;

        for (String cursor : List.of("garbage", "sbx2:xyz", "sbx1:00000000:1:1:0:0:0", ours + ":x:0:5",
                ours + ":-1:0:5", ours + ":0:0:" + total, ours + ":9999:0:5", ours + ":0:99:5",
                "sbx2:" + tag(YOUTUBE) + ":" + total + ":7:0:0:5")) {
            assertThatThrownBy(() -> extractor.fetch(PageRequest.at(cursor)))
                    .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTPUT))
                    .hasMessageContaining(cursor);
        }
        assertThatThrownBy(() -> extractor.fetch(PageRequest.at("garbage")))
                .hasMessage("sandbox cursor 'garbage' is not one this version wrote");
    }

    @Test
    void aCursorOfAnotherExportIsRefused() {
        String cursor = pages(comments(YOUTUBE, true, null, null)).get(0).nextCursor().orElseThrow();

        assertThatThrownBy(() -> extractor(comments(TIKTOK, true, null, null)).fetch(PageRequest.at(cursor)))
                .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTPUT))
                .hasMessageContaining("different export");
    }

    @Test
    void aPlatformWithoutAStyleGetsTheGenericOne() {
        Target target = Target.of("mastodon", Target.Kind.POST, "109876543210", "https://mastodon.social/@someone/109876543210");
        ExportQuery query = new ExportQuery(target, Content.COMMENTS, true, Optional.empty(), OptionalLong.empty(),
                Optional.empty(), Optional.empty());

        List<Item> items = exportAll(query);

        assertThat(items).hasSizeBetween(150, 600).allSatisfy(item -> {
            assertThat(item.platform()).isEqualTo("mastodon");
            assertThat(item.id()).matches("c[a-z0-9]{9}");
            assertThat(item.extras()).containsEntry("sandbox", true);
        });
        assertThat(exportAll(query)).isEqualTo(items);
    }

    @Test
    void aZeroLimitGivesAnEmptyLastPage() {
        Page<? extends Item> page = extractor(comments(YOUTUBE, true, null, 0L)).fetch(PageRequest.first());

        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isEmpty();
    }

    // --- helpers ---

    /** A target from a test URL, https://PLATFORM.example/KIND/ID?attribute=value&… */
    static Target resolve(String url) {
        URI uri = URI.create(url);
        String[] path = uri.getPath().split("/");
        Target target = Target.of(uri.getHost().replace(".example", ""), Target.Kind.valueOf(path[1].toUpperCase(java.util.Locale.ROOT)),
                path[2], url);
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                target = target.withAttribute(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        return target;
    }

    static SampleStyle style(String platform) {
        return switch (platform) {
            case "flat" -> FLAT;
            case "nested" -> NESTED;
            default -> SampleStyle.generic();
        };
    }

    static Extractor<? extends Item> extractor(ExportQuery query) {
        return Sandbox.extractor(query, style(query.target().platform()));
    }

    static ExportQuery comments(String url, boolean replies, Sort sort, Long limit) {
        return query(url, Content.COMMENTS, replies, sort, limit);
    }

    static ExportQuery query(String url, Content content, boolean replies, Sort sort, Long limit) {
        return new ExportQuery(resolve(url), content, replies, Optional.ofNullable(sort),
                limit == null ? OptionalLong.empty() : OptionalLong.of(limit), Optional.empty(), Optional.empty());
    }

    static List<Page<? extends Item>> pages(ExportQuery query) {
        return pages(extractor(query));
    }

    static List<Page<? extends Item>> pages(Extractor<? extends Item> extractor) {
        List<Page<? extends Item>> pages = new ArrayList<>();
        PageRequest request = PageRequest.first();
        while (true) {
            Page<? extends Item> page = extractor.fetch(request);
            pages.add(page);
            if (page.nextCursor().isEmpty()) {
                return pages;
            }
            request = PageRequest.at(page.nextCursor().get());
        }
    }

    static List<Item> exportAll(ExportQuery query) {
        return items(pages(query));
    }

    static List<Item> exportFrom(Extractor<? extends Item> extractor, String cursor) {
        List<Item> items = new ArrayList<>();
        Optional<String> next = Optional.of(cursor);
        while (next.isPresent()) {
            Page<? extends Item> page = extractor.fetch(PageRequest.at(next.get()));
            items.addAll(page.items());
            next = page.nextCursor();
        }
        return items;
    }

    static List<Item> items(List<Page<? extends Item>> pages) {
        List<Item> items = new ArrayList<>();
        pages.forEach(page -> items.addAll(page.items()));
        return items;
    }

    static Set<String> ids(List<Item> items) {
        return items.stream().map(Item::id).collect(Collectors.toCollection(HashSet::new));
    }

    static List<Comment> comments(List<Item> items) {
        return items.stream().map(Comment.class::cast).toList();
    }

    static List<Post> posts(List<Item> items) {
        return items.stream().map(Post.class::cast).toList();
    }

    private static long likes(List<Comment> comments) {
        return comments.stream().mapToLong(comment -> comment.likeCount().orElse(0)).sum();
    }

    private static String root(Comment comment, Map<String, Comment> seen) {
        Comment current = comment;
        while (current.parentId().isPresent() && seen.containsKey(current.parentId().get())) {
            current = seen.get(current.parentId().get());
        }
        return current.id();
    }

    private static String tag(String url) {
        ExportQuery query = comments(url, true, null, null);
        return Cursor.tag(new Scene(query, style(query.target().platform())));
    }
}
