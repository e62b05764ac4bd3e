package io.starexport.jobs;

import io.starexport.StarExport;
import io.starexport.api.Content;
import io.starexport.api.ExportRequest;
import io.starexport.api.Target;

/**
 * A request checked against the engine before it is queued ({@link StarExport#check}): its URL resolves, its
 * content is offered there, and its outputs, credential set and proxy are known.
 *
 * @param request the request, with the target's canonical URL
 * @param target  what the URL is
 * @param content what the job exports
 */
record Admission(ExportRequest request, Target target, Content content) {

    /**
     * @throws io.starexport.api.ExportException {@code INVALID_URL}, {@code UNSUPPORTED_PLATFORM} or {@code UNSUPPORTED_CONTENT}
     * @throws IllegalArgumentException           when there is no output, or an output's format or options, the
     *                                            credential set or the proxy are unknown
     */
    static Admission check(StarExport star, ExportRequest request) {
        if (request.outputs().isEmpty()) {
            throw new IllegalArgumentException("a job needs at least one output file: add .to(Path.of(\"out.jsonl\"))");
        }
        ExportRequest runs = star.check(request);
        // The canonical URL: whatever else the URL given carried (user info, tracking parameters) is not kept. The
        // rest stays as given, so a rerun of the same request is recognised as the same job.
        return new Admission(request.toBuilder().url(runs.url()).build(), star.detect(runs.url()).target(),
                runs.content().orElseThrow());
    }
}
