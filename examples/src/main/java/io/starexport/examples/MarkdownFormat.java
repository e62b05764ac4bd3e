package io.starexport.examples;

import io.starexport.api.Comment;
import io.starexport.api.Item;
import io.starexport.spi.OutputFormat;
import io.starexport.spi.RecordWriter;
import io.starexport.spi.WriterOptions;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A custom output format: comments as a Markdown table ({@code .md}). */
public final class MarkdownFormat implements OutputFormat {

    @Override
    public String id() {
        return "markdown";
    }

    @Override
    public List<String> extensions() {
        return List.of("md");
    }

    @Override
    public String mediaType() {
        return "text/markdown";
    }

    @Override
    public RecordWriter open(OutputStream out, WriterOptions options) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        if (!options.resume()) {
            writer.write("| author | when | comment |\n|---|---|---|\n");
        }
        return new RecordWriter() {
            @Override
            public void write(Item item) throws IOException {
                String text = item instanceof Comment c ? c.text() : item.id();
                writer.write("| " + cell(item.author().flatMap(a -> a.handle()).orElse("")) + " | "
                        + item.createdAt().map(Object::toString).orElse("") + " | " + cell(text) + " |\n");
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

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
    }
}
