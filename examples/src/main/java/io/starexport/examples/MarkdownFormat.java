package io.starexport.examples;

import io.starexport.api.Author;
import io.starexport.api.Comment;
import io.starexport.api.Content;
import io.starexport.api.Item;
import io.starexport.api.Post;
import io.starexport.spi.OutputFormat;
import io.starexport.spi.RecordWriter;
import io.starexport.spi.WriterOptions;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;

/**
 * A custom output format: items as a GitHub-flavoured Markdown table ({@code .md}, id {@code markdown}).
 * Registered like a platform plugin, through {@code META-INF/services/io.starexport.spi.OutputFormat} and
 * {@code provides} in {@code module-info.java}, so {@code to(Path.of("thread.md"))} picks it.
 *
 * <p>The columns follow the export's content:
 * <ul>
 *   <li>comments: {@code id | parent | depth | author | created | comment}</li>
 *   <li>posts: {@code id | author | created | title | text | likes | comments}</li>
 *   <li>anything else: {@code id | author | created | url}</li>
 * </ul>
 * Cells are escaped so that text can never break the table: backslashes, pipes and {@code <} are
 * backslash-escaped and line breaks become {@code <br>}. The header is written only on a fresh file, so a
 * resumed export continues the same table; every row is complete after {@link RecordWriter#flush()}.
 */
public final class MarkdownFormat implements OutputFormat {

    /** The format, as ServiceLoader creates it. */
    public MarkdownFormat() {
    }

    @Override
    public String id() {
        return "markdown";
    }

    @Override
    public List<String> extensions() {
        return List.of("md", "markdown");
    }

    @Override
    public String mediaType() {
        return "text/markdown";
    }

    @Override
    public RecordWriter open(OutputStream out, WriterOptions options) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        List<String> header = header(options.content());
        if (!options.resume()) {
            writer.write(row(header));
            writer.write(row(header.stream().map(column -> "---").toList()));
        }
        return new RecordWriter() {
            @Override
            public void write(Item item) throws IOException {
                writer.write(row(cells(item)));
            }

            @Override
            public void flush() throws IOException {
                writer.flush();
            }

            @Override
            public void close() throws IOException {
                writer.close();
            }
        };
    }

    private static List<String> header(Content content) {
        return switch (content) {
            case COMMENTS -> List.of("id", "parent", "depth", "author", "created", "comment");
            case POSTS -> List.of("id", "author", "created", "title", "text", "likes", "comments");
            default -> List.of("id", "author", "created", "url");
        };
    }

    private static List<String> cells(Item item) {
        String author = item.author().flatMap(MarkdownFormat::name).orElse("");
        String created = item.createdAt().map(Object::toString).orElse("");
        if (item instanceof Comment comment) {
            return List.of(comment.id(), comment.parentId().orElse(""), Integer.toString(comment.depth()), author,
                    created, comment.text());
        }
        if (item instanceof Post post) {
            return List.of(post.id(), author, created, post.title().orElse(""), post.text().orElse(""),
                    count(post.likeCount()), count(post.commentCount()));
        }
        return List.of(item.id(), author, created, item.url().orElse(""));
    }

    private static java.util.Optional<String> name(Author author) {
        return author.handle().or(author::displayName);
    }

    private static String count(OptionalLong count) {
        return count.isPresent() ? Long.toString(count.getAsLong()) : "";
    }

    private static String row(List<String> cells) {
        StringBuilder row = new StringBuilder("|");
        for (String cell : cells) {
            row.append(' ').append(escape(cell)).append(" |");
        }
        return row.append('\n').toString();
    }

    /** A cell's text with nothing that could end the cell, the row or start raw HTML. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "\\<")
                .replace("\r\n", "\n").replace('\r', '\n').replace("\n", "<br>");
    }
}
