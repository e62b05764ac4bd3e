package io.starexport.core.internal;

import io.starexport.api.Checkpoint;
import io.starexport.api.ExportListener;
import io.starexport.media.MediaOptions;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything one export needs, fixed when it starts.
 *
 * @param url        the URL as given
 * @param platform   the platform that resolved it
 * @param query      what the platform is asked for
 * @param outputs    files to write, with the format id chosen for each
 * @param options    writer switches shared by every output
 * @param listeners  listeners of this export (the engine's come first)
 * @param resumeFrom the checkpoint being resumed, if any
 * @param media      media downloads, when asked for
 */
public record ExportPlan(String url, Platform platform, ExportQuery query, List<Output> outputs, WriterSwitches options,
                         List<ExportListener> listeners, Optional<Checkpoint> resumeFrom, Optional<MediaOptions> media) {

    /** One output file and its format. */
    public record Output(Path file, String format) {
    }

    /** Writer switches the host set on the export. */
    public record WriterSwitches(boolean byteOrderMark, boolean formulaProtection) {
    }

    public ExportPlan {
        outputs = List.copyOf(outputs);
        listeners = List.copyOf(listeners);
    }
}
