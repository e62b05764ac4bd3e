package io.starexport.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.StarExport;
import io.starexport.spi.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code starexport formats}: the installed output formats. */
@Command(name = "formats", mixinStandardHelpOptions = true,
        description = "Lists the output formats, with the file extensions that select them.",
        footer = {
            "",
            "Examples:",
            "  starexport formats",
            "  starexport formats --json"})
final class FormatsCommand implements Callable<Integer>, Main.HasCommonOptions {

    @ParentCommand
    private Main main;

    @Mixin
    private CommonOptions common;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        List<OutputFormat> formats;
        try (StarExport star = StarExport.builder().build()) {
            formats = star.formats();
        }
        if (common.json) {
            ArrayNode data = JsonOutput.array();
            for (OutputFormat format : formats) {
                ObjectNode entry = data.addObject();
                entry.put("id", format.id());
                ArrayNode extensions = entry.putArray("extensions");
                format.extensions().forEach(extensions::add);
                entry.put("media_type", format.mediaType());
            }
            JsonOutput.success(main.out(), data);
            return ExitCode.OK;
        }
        TextTable table = new TextTable("ID", "EXTENSIONS", "MEDIA TYPE");
        formats.forEach(format -> table.row(format.id(), String.join(", ", format.extensions()), format.mediaType()));
        table.print(main.out());
        return ExitCode.OK;
    }
}
