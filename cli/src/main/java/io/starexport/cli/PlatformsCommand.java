package io.starexport.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.Detection;
import io.starexport.PlatformInfo;
import io.starexport.StarExport;
import io.starexport.api.Content;
import io.starexport.api.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code starexport platforms}: the installed platforms, or what a URL is with {@code --detect}. */
@Command(name = "platforms", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Lists the platforms Star Export can export from, or tells what a URL is with --detect.",
        footer = {
            "",
            "Examples:",
            "  starexport platforms",
            "  starexport platforms --detect https://youtu.be/dQw4w9WgXcQ",
            "  starexport platforms --detect https://www.instagram.com/p/DPmHd5bDjVb/ --json",
            "  starexport platforms --sandbox --json"})
final class PlatformsCommand implements Callable<Integer>, Main.HasCommonOptions {

    @ParentCommand
    private Main main;

    @Option(names = "--detect", paramLabel = "URL", description = "Show the platform, kind, id, canonical URL and "
            + "exportable contents of URL.")
    private String detect;

    @Option(names = "--sandbox", description = "Include the platforms the offline sandbox recognises.")
    private boolean sandbox;

    @Mixin
    private CommonOptions common;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        try (StarExport star = StarExport.builder().sandbox(sandbox).build()) {
            if (detect != null) {
                printDetection(star.detect(detect));
            } else {
                printPlatforms(star.platforms());
            }
        }
        return ExitCode.OK;
    }

    private void printDetection(Detection detection) {
        Target target = detection.target();
        PrintWriter out = main.out();
        if (common.json) {
            ObjectNode data = JsonOutput.object();
            data.put("platform", target.platform());
            data.put("platform_name", detection.platformName());
            data.put("kind", JsonOutput.lowerCase(target.kind()));
            data.put("id", target.id());
            data.put("url", target.url());
            data.set("contents", JsonOutput.names(detection.contents()));
            JsonOutput.success(out, data);
            return;
        }
        out.println("platform  " + target.platform() + " (" + detection.platformName() + ")");
        out.println("kind      " + JsonOutput.lowerCase(target.kind()));
        out.println("id        " + target.id());
        out.println("url       " + target.url());
        out.println("contents  " + names(detection.contents()));
        out.flush();
    }

    private void printPlatforms(List<PlatformInfo> platforms) {
        PrintWriter out = main.out();
        if (common.json) {
            ArrayNode data = JsonOutput.array();
            for (PlatformInfo platform : platforms) {
                ObjectNode entry = data.addObject();
                entry.put("id", platform.id());
                entry.put("name", platform.name());
                entry.set("contents", JsonOutput.names(platform.contents()));
                ObjectNode endpoints = entry.putObject("endpoints");
                platform.endpoints().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(endpoint -> endpoints.put(endpoint.getKey(), endpoint.getValue().toString()));
                ArrayNode credentials = entry.putArray("credentials");
                platform.credentials().forEach(credentials::add);
            }
            JsonOutput.success(out, data);
            return;
        }
        if (platforms.isEmpty()) {
            main.err().println("No platforms installed. Add a platform jar; --sandbox exports sample data for installed platforms.");
            return;
        }
        TextTable table = new TextTable("ID", "NAME", "CONTENTS", "CREDENTIALS");
        for (PlatformInfo platform : platforms) {
            table.row(platform.id(), platform.name(), names(platform.contents()),
                    platform.credentials().isEmpty() ? "-" : String.join(", ", platform.credentials()));
        }
        table.print(out);
    }

    private static String names(Collection<Content> contents) {
        return String.join(", ", contents.stream().sorted().map(JsonOutput::lowerCase).toList());
    }
}
