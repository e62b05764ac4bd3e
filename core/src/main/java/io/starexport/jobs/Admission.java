package io.starexport.jobs;

import io.starexport.Detection;
import io.starexport.StarExport;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.Target;
import io.starexport.spi.OutputFormat;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A request checked against the engine before it is queued: its URL resolves, its content is offered there
 * and its output formats are installed.
 *
 * @param request the request, with the target's canonical URL
 * @param target  what the URL is
 * @param content what the job exports
 */
record Admission(JobRequest request, Target target, Content content) {

    /**
     * @throws ExportException          {@code INVALID_URL}, {@code UNSUPPORTED_PLATFORM} or {@code UNSUPPORTED_CONTENT}
     * @throws IllegalArgumentException when an output's format is unknown
     */
    static Admission check(StarExport star, JobRequest request) {
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
        for (JobRequest.Output output : request.outputs()) {
            String name = String.valueOf(output.file().getFileName()).toLowerCase(Locale.ROOT);
            boolean known = output.format().isPresent()
                    ? formats.stream().anyMatch(f -> f.id().equals(output.format().get()))
                    : formats.stream().anyMatch(f -> f.extensions().stream()
                    .anyMatch(ext -> name.endsWith("." + ext.toLowerCase(Locale.ROOT))));
            if (!known) {
                throw new IllegalArgumentException(output.format().map(f -> "unknown output format '" + f + "'")
                        .orElse("cannot tell the format of '" + output.file() + "' from its extension")
                        + "; installed formats: " + formats.stream().map(OutputFormat::id).toList());
            }
        }
        return new Admission(request.withUrl(detection.target().url()), detection.target(), content);
    }
}
