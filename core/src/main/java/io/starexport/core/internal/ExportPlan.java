package io.starexport.core.internal;

import io.starexport.api.Checkpoint;
import io.starexport.api.ExportListener;
import io.starexport.api.ExportRequest;
import io.starexport.media.MediaOptions;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Platform;

import java.util.List;
import java.util.Optional;

/**
 * Everything one export needs, fixed when it starts.
 *
 * @param url        the URL as given, for the Created event
 * @param request    the request as it runs: the canonical URL, the content chosen and each output's format
 *                   resolved; what a checkpoint keeps
 * @param platform   the platform that resolved the URL
 * @param query      what the platform is asked for
 * @param listeners  listeners of this export (the engine's come first)
 * @param resumeFrom the checkpoint being resumed, if any
 */
public record ExportPlan(String url, ExportRequest request, Platform platform, ExportQuery query,
                         List<ExportListener> listeners, Optional<Checkpoint> resumeFrom) {

    public ExportPlan {
        listeners = List.copyOf(listeners);
    }

    /** The files to write, each with its format id. */
    List<ExportRequest.Output> outputs() {
        return request.outputs();
    }

    /** Media downloads, when asked for. */
    Optional<MediaOptions> media() {
        return request.media();
    }
}
