package io.starexport.examples.hackernews;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Hacker News comment HTML (the subset HN writes) as plain text. */
class HtmlTextTest {

    @Test
    void decodesTheEntitiesHackerNewsWritesOnce() {
        assertThat(HtmlText.toPlainText("It&#x27;s &quot;fine&quot; &amp; 2 &lt; 3 &#62; 1 &#x2F; &apos;ok&apos;"))
                .isEqualTo("It's \"fine\" & 2 < 3 > 1 / 'ok'");
        assertThat(HtmlText.toPlainText("&amp;#x27; is how an entity is written")).isEqualTo("&#x27; is how an entity is written");
        assertThat(HtmlText.toPlainText("AT&T &bogus; &")).isEqualTo("AT&T &bogus; &");
    }

    @Test
    void paragraphsBecomeBlankLinesWhetherClosedOrNot() {
        assertThat(HtmlText.toPlainText("One.<p>Two.<p>Three.")).isEqualTo("One.\n\nTwo.\n\nThree.");
        assertThat(HtmlText.toPlainText("<p>One.</p><p>Two.</p>")).isEqualTo("One.\n\nTwo.");
    }

    @Test
    void linksShowTheirWholeUrl() {
        assertThat(HtmlText.toPlainText("See <a href=\"https:&#x2F;&#x2F;example.com&#x2F;a&#x2F;very-long-path\" "
                + "rel=\"nofollow\">https:&#x2F;&#x2F;example.com&#x2F;a&#x2F;very-lo...</a>."))
                .isEqualTo("See https://example.com/a/very-long-path.");
        assertThat(HtmlText.toPlainText("<a href=\"https://example.com\">the docs</a>"))
                .isEqualTo("the docs (https://example.com)");
    }

    @Test
    void codeKeepsItsLinesAndIndentation() {
        assertThat(HtmlText.toPlainText("Try:<p><pre><code>  if (x) {\n    y();\n  }\n</code></pre>\nDone."))
                .isEqualTo("Try:\n\n  if (x) {\n    y();\n  }\n\nDone.");
    }

    @Test
    void formattingTagsAreDroppedAndSpacesCollapsed() {
        assertThat(HtmlText.toPlainText("  An <i>important</i>   point.\n")).isEqualTo("An important point.");
        assertThat(HtmlText.toPlainText("")).isEmpty();
        assertThat(HtmlText.toPlainText(null)).isEmpty();
    }
}
