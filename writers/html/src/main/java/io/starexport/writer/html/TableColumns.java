package io.starexport.writer.html;

import com.fasterxml.jackson.core.JsonGenerator;
import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.Item;
import io.starexport.api.MediaItem;
import io.starexport.api.Post;
import io.starexport.api.Profile;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The report table's columns for one content, and each item's row as a JSON array in that order. A long text
 * is a string, or for Reddit (which writes Markdown) a {@link Markdown} tree. Comments end with three hidden
 * columns (id, parent id, depth) from which the page puts replies under their parents.
 */
final class TableColumns {
    /** How the page's script shows and sorts a column; ID, PARENT and DEPTH are not shown. */
    enum Type { DATE, TEXT, LONG_TEXT, NUMBER, LINK, ID, PARENT, DEPTH }

    /** The platform whose texts are Markdown. */
    static final String MARKDOWN_PLATFORM = "reddit";

    record Column(String label, Type type) {
    }

    private TableColumns() {
    }

    static List<Column> of(Content content) {
        Column date = new Column("Date (UTC)", Type.DATE);
        Column author = new Column("Author", Type.TEXT);
        Column link = new Column("Link", Type.LINK);
        return switch (content) {
            case COMMENTS -> List.of(date, author, new Column("Comment", Type.LONG_TEXT),
                    new Column("Likes", Type.NUMBER), new Column("Replies", Type.NUMBER), new Column("Reply", Type.TEXT), link,
                    new Column("id", Type.ID), new Column("parent", Type.PARENT), new Column("depth", Type.DEPTH));
            case POSTS -> List.of(date, author, new Column("Title", Type.TEXT), new Column("Text", Type.LONG_TEXT),
                    new Column("Likes", Type.NUMBER), new Column("Comments", Type.NUMBER), new Column("Views", Type.NUMBER),
                    link);
            case PROFILE -> List.of(author, new Column("Bio", Type.LONG_TEXT), new Column("Followers", Type.NUMBER),
                    new Column("Following", Type.NUMBER), new Column("Posts", Type.NUMBER), link);
            case MEDIA -> List.of(date, author, new Column("Type", Type.TEXT), new Column("Post", Type.TEXT),
                    new Column("Index", Type.NUMBER), link);
        };
    }

    /** Writes the item as one JSON array, in the order of {@link #of(Content)}. */
    static void writeRow(JsonGenerator json, Item item) throws IOException {
        json.writeStartArray();
        if (!(item instanceof Profile)) {
            date(json, item);
        }
        json.writeString(authorLabel(item.author()));
        if (item instanceof Comment c) {
            longText(json, item, Optional.of(c.text()));
            number(json, c.likeCount());
            number(json, c.replyCount());
            json.writeString(c.depth() == 0 ? "" : "reply");
        } else if (item instanceof Post p) {
            text(json, p.title());
            longText(json, item, p.text());
            number(json, p.likeCount());
            number(json, p.commentCount());
            number(json, p.viewCount());
        } else if (item instanceof Profile p) {
            text(json, p.bio());
            number(json, p.followerCount());
            number(json, p.followingCount());
            number(json, p.postCount());
        } else if (item instanceof MediaItem m) {
            json.writeString(m.media().type().name().toLowerCase(Locale.ROOT));
            text(json, m.postId());
            json.writeNumber(m.index());
        }
        text(json, item.url().filter(Html::isWebLink));
        if (item instanceof Comment c) {
            json.writeString(c.id());
            text(json, c.parentId());
            json.writeNumber(c.depth());
        }
        json.writeEndArray();
    }

    /** The name to show for an author: display name, else handle, else id. */
    static String authorLabel(Optional<Author> author) {
        return author.flatMap(a -> a.displayName().or(a::handle).or(a::id)).orElse("");
    }

    /** Whether the item's texts are Markdown, to be shown formatted. */
    static boolean markdown(Item item) {
        return MARKDOWN_PLATFORM.equals(item.platform());
    }

    private static void longText(JsonGenerator json, Item item, Optional<String> text) throws IOException {
        if (text.isPresent() && markdown(item)) {
            Markdown.write(json, Markdown.parse(text.get()));
        } else {
            text(json, text);
        }
    }

    private static void date(JsonGenerator json, Item item) throws IOException {
        if (item.createdAt().isPresent()) {
            json.writeNumber(item.createdAt().get().toEpochMilli());
        } else {
            json.writeNull();
        }
    }

    private static void text(JsonGenerator json, Optional<String> text) throws IOException {
        json.writeString(text.orElse(""));
    }

    private static void number(JsonGenerator json, OptionalLong number) throws IOException {
        if (number.isPresent()) {
            json.writeNumber(number.getAsLong());
        } else {
            json.writeNull();
        }
    }
}
