package io.starexport.spi;

import io.starexport.api.Content;
import io.starexport.api.Target;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a writer should write.
 *
 * @param content             the content being exported; fixes the columns of tabular formats
 * @param resume              the stream continues a partial file; write no header, BOM or opening bracket
 * @param itemsAlreadyWritten items the partial file already holds (to place separators), 0 when not resuming
 * @param target              what the export reads (platform, kind, id, canonical URL), for formats that show
 *                            it, such as a report's title; empty when the writer is used outside an export
 * @param formatOptions       the format's own options from the export request, by name (see
 *                            {@link OutputFormat#optionNames()}); empty for the format's defaults
 * @param enrichers           the ids of the enrichers the export runs, in order; when there are any, tabular
 *                            formats add the enrichment columns ({@code ItemFields.columns(content, true)})
 */
public record WriterOptions(Content content, boolean resume, long itemsAlreadyWritten, Optional<Target> target,
                            Map<String, String> formatOptions, List<String> enrichers) {

    public WriterOptions {
        Objects.requireNonNull(content, "content");
        target = target == null ? Optional.empty() : target;
        formatOptions = formatOptions == null ? Map.of() : Map.copyOf(formatOptions);
        enrichers = enrichers == null ? List.of() : List.copyOf(enrichers);
        if (itemsAlreadyWritten < 0) {
            throw new IllegalArgumentException("itemsAlreadyWritten must be >= 0 but was " + itemsAlreadyWritten);
        }
    }

    /** Defaults for a new file: the format's default options, no target, no enrichers. */
    public static WriterOptions ofDefaults(Content content) {
        return new WriterOptions(content, false, 0, Optional.empty(), Map.of(), List.of());
    }

    /** One of the format's own options, when the request set it. */
    public Optional<String> option(String name) {
        return Optional.ofNullable(formatOptions.get(name));
    }

    /** A copy for continuing a partial file that holds {@code items} items. */
    public WriterOptions resuming(long items) {
        return new WriterOptions(content, true, items, target, formatOptions, enrichers);
    }

    /** A copy naming the export's target. */
    public WriterOptions withTarget(Target target) {
        return new WriterOptions(content, resume, itemsAlreadyWritten, Optional.of(target), formatOptions, enrichers);
    }

    /** A copy with the format's own options, as a {@link FormatOptions} value gives them. */
    public WriterOptions withFormatOptions(Map<String, String> formatOptions) {
        return new WriterOptions(content, resume, itemsAlreadyWritten, target, formatOptions, enrichers);
    }

    /** A copy naming the enrichers the export runs. */
    public WriterOptions withEnrichers(List<String> enrichers) {
        return new WriterOptions(content, resume, itemsAlreadyWritten, target, formatOptions, enrichers);
    }
}
