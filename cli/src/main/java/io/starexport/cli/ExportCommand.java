package io.starexport.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.Detection;
import io.starexport.ExportSpec;
import io.starexport.PlatformInfo;
import io.starexport.RunningExport;
import io.starexport.StarExport;
import io.starexport.api.Checkpoint;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.ExportListener;
import io.starexport.api.ExportRequest;
import io.starexport.api.ExportResult;
import io.starexport.api.Item;
import io.starexport.api.MediaSummary;
import io.starexport.api.Sort;
import io.starexport.api.Target;
import io.starexport.jobs.JobExecutor;
import io.starexport.media.MediaOptions;
import io.starexport.media.Quality;
import io.starexport.spi.OutputFormat;
import io.starexport.writer.csv.CsvFormat;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * {@code starexport export}: exports one URL to a file, continues an interrupted export, or runs a list of URLs
 * as jobs ({@code --from-file}, see {@link BatchExport}).
 */
@Command(name = "export", sortOptions = false, usageHelpWidth = 100, mixinStandardHelpOptions = true,
        description = {
            "Exports the comments, posts, profile or media metadata of a URL to a file, continues an "
                    + "interrupted export with --resume, or exports every URL of a list with --from-file.",
            "Without -o the file is named by --name (default {platform}-{id}-{content}) plus the format's "
                    + "extension, in --output-dir (default: the current directory); its path is printed on stdout "
                    + "and a summary on stderr.",
            "Batch mode (--from-file) runs the URLs as jobs, shows their progress, prints a table of the results "
                    + "and keeps a job store in DIR/.starexport/jobs: running the same command again skips the "
                    + "jobs that succeeded and resumes the others from their checkpoints."},
        footer = {
            "",
            "Examples:",
            "  starexport export https://www.youtube.com/watch?v=dQw4w9WgXcQ --replies -o comments.csv",
            "  starexport export https://www.reddit.com/r/java/comments/1abcde/ --limit 500 --format jsonl",
            "  starexport export --sandbox https://www.youtube.com/watch?v=dQw4w9WgXcQ --json",
            "  starexport export --from-file urls.txt -d out --format jsonl --name '{platform}-{id}'",
            "  cat urls.txt | starexport export --from-file - -d out --concurrency 8",
            "  starexport export https://www.tiktok.com/@user/video/7301234567890123456 --cookies cookies.txt",
            "  starexport export --resume comments.csv.checkpoint.json"})
final class ExportCommand implements Callable<Integer>, Main.HasCommonOptions {
    /** How long Ctrl-C waits for a cancelled export to leave its partial file and checkpoint. */
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(10);
    private static final String CSV = "csv";
    /** Options fixed by the checkpoint, so they cannot be given with --resume. */
    private static final List<String> FIXED_BY_CHECKPOINT = List.of("--comments", "--posts", "--profile", "--media",
            "--replies", "--sort", "--limit", "--since", "--until", "--format", "--output", "--bom",
            "--no-formula-protection", "--media-dir", "--media-quality", "--sentiment");

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "URL", description = "The video, post, comment, profile… to export.")
    private String url;

    @ArgGroup(exclusive = true, multiplicity = "0..1", heading = "%nWhat to export (one; default: the platform's "
            + "default for the URL, such as the comments of a video):%n")
    private ContentOption content;

    @Option(names = "--replies", description = "Include replies to comments.")
    private boolean replies;

    @Option(names = "--sort", paramLabel = "ORDER", completionCandidates = SortOrders.class, description = "top, newest or oldest; a hint the platform "
            + "honours where it can.")
    private Sort sort;

    @Option(names = "--limit", paramLabel = "N", description = "Export at most N items, replies included.")
    private Long limit;

    @Option(names = "--since", paramLabel = "DATE", converter = DateConverter.class,
            description = "Only items created at or after DATE: 2025-01-31 (start of that day, UTC) or "
                    + "2025-01-31T12:00:00Z.")
    private Instant since;

    @Option(names = "--until", paramLabel = "DATE", converter = DateConverter.class,
            description = "Only items created before DATE.")
    private Instant until;

    @Option(names = "--format", paramLabel = "ID", completionCandidates = FormatIds.class, description = "Output format: csv (default), json, jsonl… "
            + "(see 'starexport formats'). With -o, the file extension picks it when not given.")
    private String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The file to write.")
    private Path output;

    @Option(names = {"-d", "--output-dir"}, paramLabel = "DIR", description = "The folder for the output file(s) "
            + "named by --name (default: the current directory). In batch mode it also holds the job store, "
            + "DIR/.starexport/jobs.")
    private Path outputDir;

    @Option(names = "--name", paramLabel = "TEMPLATE", description = "The output file name without -o; the format's "
            + "extension is appended. Placeholders: {platform}, {kind}, {id}, {content}, {index} (position in the "
            + "batch), {line} (line of the URL list), {date} (today, UTC). Default: {platform}-{id}-{content}, or "
            + "name= in the config file.")
    private String name;

    @Option(names = "--from-file", paramLabel = "FILE", description = "Batch mode: export every URL of FILE (one "
            + "per line; blank lines and # comments skipped; - reads standard input) as jobs, with the options "
            + "given, into --output-dir. Lines that cannot be exported are reported before anything runs.")
    private Path fromFile;

    @Option(names = "--concurrency", paramLabel = "N", description = "Batch mode: jobs running at once (default 4, "
            + "or concurrency= in the config file); at most 2 at once on any one platform.")
    private Integer concurrency;

    @Option(names = "--sandbox", description = "Offline sample data instead of the platforms, for trying things out.")
    private boolean sandbox;

    @Option(names = "--resume", paramLabel = "CHECKPOINT", description = "Continue the export that left this "
            + ".checkpoint.json file beside its partial output. Replaces URL and the content, filter, "
            + "output and file options.")
    private Path resume;

    @Option(names = "--bom", description = "Start the CSV file with a UTF-8 byte order mark, for Excel (csv only).")
    private boolean byteOrderMark;

    @Option(names = "--media-dir", paramLabel = "DIR", description = "Also download the media files of the exported "
            + "items (post images, videos, carousel children, media rows) into DIR, one folder per platform and "
            + "author; DIR/manifest.jsonl records each file, and running again skips finished files and resumes "
            + "unfinished ones. A file that fails is reported and does not fail the export. Not in sandbox mode.")
    private Path mediaDir;

    @Option(names = "--media-quality", paramLabel = "Q", completionCandidates = MediaQualities.class, description = "With --media-dir: best (default), worst, or "
            + "a maximum height such as 720p, for media offered in several sizes.")
    private String mediaQuality;

    @Option(names = "--sentiment", arity = "0..1", fallbackValue = "vader", paramLabel = "ENRICHER",
            description = "Score every comment's sentiment and language: vader (offline, the default) or another "
                    + "installed enricher's id.")
    private String sentiment;

    @Option(names = "--no-formula-protection", description = "Keep cells starting with =, +, - or @ as they are "
            + "(by default the CSV writer neutralises them against spreadsheet formula injection; csv only).")
    private boolean noFormulaProtection;

    @Mixin
    private ConnectionOptions connection;

    @Mixin
    private CommonOptions common;

    /** The mutually exclusive content options. */
    static final class ContentOption {
        @Option(names = "--comments", required = true, description = "Comments (add --replies for replies).")
        boolean comments;

        @Option(names = "--posts", required = true, description = "Posts or videos of a profile, playlist or community.")
        boolean posts;

        @Option(names = "--profile", required = true, description = "The profile itself.")
        boolean profile;

        @Option(names = "--media", required = true, description = "Media metadata, one row per file.")
        boolean media;

        Content content() {
            return comments ? Content.COMMENTS : posts ? Content.POSTS : profile ? Content.PROFILE : Content.MEDIA;
        }
    }

    /** The values shell completion offers for {@code --sort}, as the help spells them. */
    static final class SortOrders implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Sort.values()).map(JsonOutput::lowerCase).iterator();
        }
    }

    /** The values shell completion offers for {@code --format}: the installed writers. */
    static final class FormatIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            try (StarExport plain = StarExport.builder().environment(Map.of()).build()) {
                return plain.formats().stream().map(OutputFormat::id).sorted().toList().iterator();
            }
        }
    }

    /** The values shell completion offers for {@code --media-quality}; any height such as 900p is accepted too. */
    static final class MediaQualities implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("best", "worst", "2160p", "1440p", "1080p", "720p", "480p", "360p").iterator();
        }
    }

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        ConfigFile config = rejectingBadOptions(() -> connection.configFile(main.environment()));
        if (mediaQuality != null && mediaDir == null) {
            throw usage("--media-quality needs --media-dir DIR, the folder to download the media into");
        }
        if (fromFile != null) {
            return batch(config);
        }
        if (concurrency != null) {
            throw usage("--concurrency applies to batch mode only: add --from-file FILE");
        }
        checkUrlOrResume();
        try (StarExport star = engine(config)) {
            ProgressRenderer progress = main.liveProgress() ? new ProgressRenderer(main.err(), System::nanoTime,
                    BatchProgress.terminalWidth(main.environment(), Terminal::columns, System::nanoTime)) : null;
            ExportListener[] listeners = {progress != null ? progress : ProgressRenderer.waitingLines(main.err())};
            Supplier<RunningExport> start;
            if (resume == null) {
                ExportRequest request = request(star, config);
                start = () -> star.start(request, listeners);
            } else {
                ExportSpec<Item> resumed = resumed(star);
                Arrays.stream(listeners).forEach(resumed::listener);
                start = resumed::start;
            }
            return run(start, progress);
        }
    }

    private void checkUrlOrResume() {
        if (url == null && resume == null) {
            throw usage("give the URL to export, or --resume CHECKPOINT to continue an interrupted export");
        }
        if (url != null && resume != null) {
            throw usage("give either a URL or --resume CHECKPOINT, not both: a resumed export continues the URL "
                    + "it was started with");
        }
        if (resume != null) {
            List<String> fixed = FIXED_BY_CHECKPOINT.stream()
                    .filter(name -> spec.commandLine().getParseResult().hasMatchedOption(name)).toList();
            if (!fixed.isEmpty()) {
                throw usage("--resume continues the export exactly as it was started; drop " + String.join(", ", fixed));
            }
            if (!Files.isRegularFile(resume)) {
                throw usage("checkpoint file not found: " + resume);
            }
        }
    }

    private StarExport engine(ConfigFile config) {
        StarExport.Builder builder = StarExport.builder();
        badOptions(() -> {
            if (main.liveProgress()) {
                builder.progressInterval(ProgressRenderer.REDRAW_INTERVAL);
            }
            connection.configure(builder, config, main.environment(), main.secrets(), main.err(),
                    ExportCommand::installedPlatforms);
        });
        return rejectingBadOptions(builder::build);
    }

    /** The platforms of a plain engine, to check credential names and map cookies before the real engine exists. */
    static List<PlatformInfo> installedPlatforms() {
        try (StarExport plain = StarExport.builder().environment(Map.of()).build()) {
            return plain.platforms();
        }
    }

    private int batch(ConfigFile config) {
        if (url != null) {
            throw usage("give either a URL or --from-file FILE, not both");
        }
        List<String> single = List.of("--resume", "--output").stream()
                .filter(option -> spec.commandLine().getParseResult().hasMatchedOption(option)).toList();
        if (!single.isEmpty()) {
            throw usage(String.join(", ", single) + " cannot be used with --from-file: batch mode writes one file per "
                    + "URL into --output-dir, named by --name, and a rerun resumes its unfinished jobs by itself");
        }
        NameTemplate names = nameTemplate(config);
        int jobs = concurrency != null ? concurrency
                : config.option(ConfigFile.CONCURRENCY).map(e -> Integer.parseInt(e.value()))
                .orElse(JobExecutor.DEFAULT_CONCURRENCY);
        Path directory = outputDir == null ? Path.of("").toAbsolutePath() : outputDir;
        List<UrlList.Line> lines = rejectingBadOptions(() -> UrlList.read(fromFile.toString(), main.stdin()));
        try (StarExport star = engine(config)) {
            OutputFormat chosen = find(star.formats(), formatId(config));
            checkCsvOptions(chosen);
            MediaOptions media = mediaOptions();
            BatchExport.Requests requests = new BatchExport.Requests() {
                @Override
                public ExportRequest request(String target, Content what, Path file) {
                    return rejectingBadOptions(() -> ExportCommand.this.request(target, what, file, chosen, media));
                }

                @Override
                public Optional<Content> content() {
                    return Optional.ofNullable(content).map(ContentOption::content);
                }

                @Override
                public String extension() {
                    return chosen.extensions().get(0);
                }
            };
            JobExecutor.Builder executor = rejectingBadOptions(() -> JobExecutor.builder(star).concurrency(jobs));
            if (main.liveProgress()) {
                executor.progressInterval(ProgressRenderer.REDRAW_INTERVAL);
            }
            return new BatchExport(main, common, fromFile.toString()).run(star, lines, requests, directory, names, executor);
        }
    }

    /**
     * The request of one export, single or batch: {@code content} (null for the target's default), the command
     * line's filters, media and sandbox choices, and {@code file} in {@code format}, with the csv options when it
     * is csv.
     */
    private ExportRequest request(String target, Content what, Path file, OutputFormat format, MediaOptions media) {
        ExportRequest.Builder request = ExportRequest.builder(target).replies(replies).sandbox(sandbox);
        if (sentiment != null) {
            request.enrich(sentiment);
        }
        if (format.id().equals(CSV)) {
            request.to(file, CsvFormat.options().byteOrderMark(byteOrderMark).formulaProtection(!noFormulaProtection));
        } else {
            request.to(file, format.id());
        }
        if (what != null) {
            request.content(what);
        }
        if (sort != null) {
            request.sort(sort);
        }
        if (limit != null) {
            request.limit(limit);
        }
        if (since != null) {
            request.since(since);
        }
        if (until != null) {
            request.until(until);
        }
        if (media != null) {
            request.downloadMedia(media);
        }
        return request.build();
    }

    /** {@code --format}, else the config file's {@code format}, else csv. */
    private String formatId(ConfigFile config) {
        return format != null ? format : config.option(ConfigFile.FORMAT).map(ConfigFile.Entry::value).orElse(CSV);
    }

    /** {@code --name}, else the config file's {@code name}, else the default. */
    private NameTemplate nameTemplate(ConfigFile config) {
        if (name != null) {
            return rejectingBadOptions(() -> NameTemplate.of(name));
        }
        Optional<ConfigFile.Entry> entry = config.option(ConfigFile.NAME);
        return rejectingBadOptions(() -> {
            try {
                return NameTemplate.of(entry.map(ConfigFile.Entry::value).orElse(NameTemplate.DEFAULT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(config.where(entry.orElseThrow()) + ": " + e.getMessage(), e);
            }
        });
    }

    /** The request of the single export the command line describes. */
    private ExportRequest request(StarExport star, ConfigFile config) {
        if (output != null && (outputDir != null || name != null)) {
            throw usage("-o names the file itself; drop " + (outputDir != null ? "--output-dir" : "--name"));
        }
        Detection detection = star.detect(url);
        List<OutputFormat> formats = star.formats();
        Content chosen = content == null ? null : content.content();
        Path file;
        OutputFormat fileFormat;
        if (output == null) {
            if (chosen == null) {
                // The default file name needs the content before the export starts.
                chosen = detection.defaultContent().orElse(null);
            }
            fileFormat = find(formats, formatId(config));
            String fileName = nameTemplate(config).expand(detection.target(), chosen, 1, 1,
                    LocalDate.now(ZoneOffset.UTC)) + "." + fileFormat.extensions().get(0);
            file = outputDir == null ? Path.of(fileName) : outputDir.resolve(fileName);
        } else {
            if (Files.isDirectory(output)) {
                throw usage("-o " + output + " is a folder; give the file to write, or write into the folder with "
                        + "--output-dir " + output);
            }
            file = output;
            fileFormat = format != null ? find(formats, format) : formatOfFile(formats, output);
        }
        checkCsvOptions(fileFormat);
        MediaOptions media = mediaOptions();
        Content exported = chosen;
        return rejectingBadOptions(() -> request(url, exported, file, fileFormat, media));
    }

    /** {@code --media-dir} and {@code --media-quality}, or null without them. */
    private MediaOptions mediaOptions() {
        return mediaDir == null ? null : rejectingBadOptions(() -> {
            MediaOptions.Builder builder = MediaOptions.builder(mediaDir);
            if (mediaQuality != null) {
                builder.quality(Quality.parse(mediaQuality));
            }
            return builder.build();
        });
    }

    /** {@code --bom} and {@code --no-formula-protection} are options of the csv format, and of no other. */
    private void checkCsvOptions(OutputFormat format) {
        List<String> given = List.of("--bom", "--no-formula-protection").stream()
                .filter(option -> spec.commandLine().getParseResult().hasMatchedOption(option)).toList();
        if (!given.isEmpty() && !format.id().equals(CSV)) {
            throw usage(String.join(" and ", given) + (given.size() == 1 ? " is an option" : " are options")
                    + " of csv files, but the output format is " + format.id());
        }
    }

    /** The export a checkpoint continues, with the request the checkpoint holds (sandbox or not included). */
    private ExportSpec<Item> resumed(StarExport star) {
        Checkpoint checkpoint = star.readCheckpoint(resume);
        if (sandbox && !checkpoint.request().sandbox()) {
            throw usage("the checkpoint is of an export from the platform, not the sandbox; drop --sandbox to resume it");
        }
        return star.resume(checkpoint);
    }

    private int run(Supplier<RunningExport> start, ProgressRenderer progress) {
        RunningExport running = rejectingBadOptions(start);
        // Give the export time to keep its partial file, and the command time to say so.
        OnInterrupt onInterrupt = OnInterrupt.install(main.process(), "starexport-cancel", CANCEL_GRACE, running::cancel);
        try {
            ExportResult result = await(running);
            finish(progress);
            report(result);
            return ExitCode.OK;
        } catch (RuntimeException e) {
            finish(progress);
            return main.reporter().failure(e, common);
        } finally {
            onInterrupt.reported();
        }
    }

    private static ExportResult await(RunningExport running) {
        try {
            return running.result().get();
        } catch (InterruptedException e) {
            running.cancel();
            Thread.currentThread().interrupt();
            throw ExportException.of(ErrorCode.CANCELLED, "The export was interrupted.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void finish(ProgressRenderer progress) {
        if (progress != null) {
            progress.finish();
        }
    }

    private void report(ExportResult result) {
        PrintWriter out = main.out();
        PrintWriter err = main.err();
        String file = result.files().isEmpty() ? null : result.files().get(0).toString();
        if (common.json) {
            JsonOutput.success(out, data(result, file));
            return;
        }
        if (file != null) {
            out.println(file);
        }
        Target target = result.target();
        err.println("Exported " + result.items() + " " + Nouns.of(result.content(), result.items()) + " from "
                + target.platform() + " (" + JsonOutput.lowerCase(target.kind()) + " " + target.id() + ")"
                + (file == null ? "" : " to " + file) + " in " + seconds(result.elapsed()) + " — "
                + result.completeness());
        result.media().ifPresent(media -> err.println(mediaSummary(media)));
        result.notes().forEach(note -> err.println("note: " + note));
        result.media().ifPresent(media -> media.failures().forEach(failure -> err.println("media failed: " + failure)));
        out.flush();
        err.flush();
    }

    private static ObjectNode data(ExportResult result, String file) {
        ObjectNode data = JsonOutput.object();
        data.put("file", file);
        data.put("content", JsonOutput.lowerCase(result.content()));
        data.put("items", result.items());
        data.put("pages", result.pages());
        data.put("skipped", result.skipped());
        data.put("duplicates", result.duplicates());
        data.put("outside_window", result.outsideWindow());
        if (result.reportedTotal().isPresent()) {
            data.put("reported_total", result.reportedTotal().getAsLong());
        } else {
            data.putNull("reported_total");
        }
        data.put("stop_reason", JsonOutput.lowerCase(result.stopReason()));
        data.put("completeness", result.completeness());
        ArrayNode notes = data.putArray("notes");
        result.notes().forEach(notes::add);
        data.put("bytes", result.bytes());
        data.put("elapsed_ms", result.elapsed().toMillis());
        if (result.media().isPresent()) {
            MediaSummary media = result.media().get();
            ObjectNode node = data.putObject("media");
            node.put("directory", media.directory().toString());
            node.put("manifest", media.manifest().toString());
            node.put("files", media.files());
            node.put("downloaded", media.downloaded());
            node.put("already_downloaded", media.alreadyDownloaded());
            node.put("same_content", media.sameContent());
            node.put("failed", media.failed());
            node.put("bytes", media.bytes());
            ArrayNode failures = node.putArray("failures");
            media.failures().forEach(failures::add);
        } else {
            data.putNull("media");
        }
        return data;
    }

    /** {@code Media: 4 files in DIR — 3 downloaded (1.2 MB), 1 already there, 0 failed}. */
    static String mediaSummary(MediaSummary media) {
        StringBuilder line = new StringBuilder("Media: ").append(media.files()).append(media.files() == 1 ? " file" : " files")
                .append(" in ").append(media.directory()).append(" — ").append(media.downloaded()).append(" downloaded (")
                .append(ProgressRenderer.bytes(media.bytes())).append(")");
        if (media.alreadyDownloaded() > 0) {
            line.append(", ").append(media.alreadyDownloaded()).append(" already there");
        }
        if (media.sameContent() > 0) {
            line.append(", ").append(media.sameContent()).append(" identical to a stored file");
        }
        return line.append(", ").append(media.failed()).append(" failed").toString();
    }

    /** {@code 85 ms} under a second, {@code 1.2 s} under a minute, {@code 2:05} above. */
    static String seconds(Duration elapsed) {
        if (elapsed.toMillis() < 1000) {
            return elapsed.toMillis() + " ms";
        }
        return elapsed.compareTo(Duration.ofMinutes(1)) < 0
                ? String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0)
                : ProgressRenderer.clock(elapsed);
    }

    private OutputFormat find(List<OutputFormat> formats, String id) {
        return formats.stream().filter(f -> f.id().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> usage("unknown format '" + id + "'; installed: " + ids(formats)));
    }

    private OutputFormat formatOfFile(List<OutputFormat> formats, Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return formats.stream().filter(f -> f.extensions().stream()
                        .anyMatch(ext -> name.endsWith("." + ext.toLowerCase(Locale.ROOT)))).findFirst()
                .orElseThrow(() -> usage("cannot tell the format of '" + file + "' from its extension; add --format "
                        + String.join("|", formats.stream().map(OutputFormat::id).toList())));
    }

    private static String ids(List<OutputFormat> formats) {
        return formats.isEmpty() ? "none" : String.join(", ", formats.stream().map(OutputFormat::id).toList());
    }

    /** Runs engine configuration, turning the builders' rejections of bad values into usage errors. */
    private void badOptions(Runnable configuration) {
        rejectingBadOptions(() -> {
            configuration.run();
            return null;
        });
    }

    private <T> T rejectingBadOptions(Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
