package io.starexport.cli;

import io.starexport.api.Content;
import io.starexport.api.Target;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NameTemplateTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    private static final Target PROFILE = Target.of("reddit", Target.Kind.PROFILE, "u/some one",
            "https://www.reddit.com/user/some%20one");

    @Test
    void theDefaultIsPlatformIdAndContentWithUnsafeCharactersReplaced() {
        assertThat(NameTemplate.of(NameTemplate.DEFAULT).expand(PROFILE, Content.POSTS, 1, 1, DAY))
                .isEqualTo("reddit-u_some_one-posts");
    }

    @Test
    void expandsEveryPlaceholder() {
        NameTemplate template = NameTemplate.of("{date}_{index}_{line}_{platform}_{kind}_{id}_{content}");

        assertThat(template.expand(PROFILE, null, 7, 12, DAY)).isEqualTo("2026-11-22_7_12_reddit_profile_u_some_one_items");
    }

    @Test
    void neverLeavesTheFolderOrHidesTheFile() {
        Target dotted = Target.of("x", Target.Kind.POST, "..", "https://x.example/p/..");

        assertThat(NameTemplate.of("../{id}").expand(PROFILE, Content.POSTS, 1, 1, DAY)).isEqualTo("_._u_some_one");
        assertThat(NameTemplate.of("{id}").expand(dotted, Content.POSTS, 1, 1, DAY)).isEqualTo("_.");
        assertThat(NameTemplate.of("C:\\{id}").expand(PROFILE, Content.POSTS, 1, 1, DAY)).isEqualTo("C__u_some_one");
        assertThat(NameTemplate.of("x".repeat(400)).expand(PROFILE, Content.POSTS, 1, 1, DAY)).hasSize(150);
    }

    @Test
    void refusesUnknownPlaceholdersAndUnmatchedBraces() {
        assertThatThrownBy(() -> NameTemplate.of("{platform}-{title}-{author}"))
                .hasMessageStartingWith("--name has unknown placeholders {title}, {author}; known: {content}, {date}");
        assertThatThrownBy(() -> NameTemplate.of("{platform")).hasMessageContaining("unmatched { or }");
        assertThatThrownBy(() -> NameTemplate.of(" ")).hasMessageContaining("must not be empty");
    }
}
