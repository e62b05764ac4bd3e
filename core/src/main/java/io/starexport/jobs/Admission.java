package io.starexport.jobs;

import io.starexport.Detection;
import io.starexport.StarExport;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.ExportRequest;
import io.starexport.api.Target;
import io.starexport.spi.OutputFormat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request checked against the engine before it is queued: its URL resolves, its content is offered there
 * and its output formats are installed.
 *
 * @param request the request, with the target's canonical URL
 * @param target  what the URL is
 * @param content what the job exports
 */
record Admission(ExportRequest request, Target target, Content content) {

    /**
     * @throws ExportException          {@code INVALID_URL}, {@code UNSUPPORTED_PLATFORM} or {@code UNSUPPORTED_CONTENT}
     * @throws IllegalArgumentException when there is no output, or an output's format or its options are unknown
     */
    static Admission check(StarExport star, ExportRequest request) {
        Detection detection = star.detect(request.url());
        Set<Content> offered = detection.contents();
        String kind = detection.target().kind().name().toLowerCase(Locale.ROOT);
        Content content = request.content().or(detection::defaultContent).orElseThrow(() ->
                ExportException.of(ErrorCode.UNSUPPORTED_CONTENT, detection.platformName()
                        + " cannot export anything from a " + kind + "."));
        if (!offered.contains(content)) {
            throw ExportException.of(ErrorCode.UNSUPPORTED_CONTENT, detection.platformName() + " cannot export "
                    + content.name().toLowerCase(Locale.ROOT) + " from a " + kind + "; it can export: "
                    + offered.stream().sorted().map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + ".");
        }
        List<OutputFormat> formats = star.formats();
        if (request.outputs().isEmpty()) {
            throw new IllegalArgumentException("a job needs at least one output file: add .to(Path.of(\"out.jsonl\"))");
        }
        for (ExportRequest.Output output : request.outputs()) {
            String name = String.valueOf(output.file().getFileName()).toLowerCase(Locale.ROOT);
            OutputFormat format = formats.stream().filter(f -> output.format().isPresent()
                    ? f.id().equals(output.format().get())
                    : f.extensions().stream().anyMatch(ext -> name.endsWith("." + ext.toLowerCase(Locale.ROOT))))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException(output.format()
                            .map(f -> "unknown output format '" + f + "'")
                            .orElse("cannot tell the format of '" + output.file() + "' from its extension")
                            + "; installed formats: " + formats.stream().map(OutputFormat::id).toList()));
            if (!format.optionNames().containsAll(output.options().keySet())) {
                throw new IllegalArgumentException("the " + format.id() + " format takes the options "
                        + new TreeSet<>(format.optionNames()) + ", not " + new TreeSet<>(output.options().keySet()));
            }
        }
        // The canonical URL: whatever else the URL given carried (user info, tracking parameters) is not kept.
        return new Admission(request.toBuilder().url(detection.target().url()).build(), detection.target(), content);
    }
}
