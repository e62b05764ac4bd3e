package io.starexport.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.StarExport;
import io.starexport.server.StarExportServer;
import io.starexport.server.Tokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code starexport serve}: the self-hosted HTTP server ({@link StarExportServer}) over an engine built from the
 * command line's settings, until Ctrl-C or SIGTERM; then it stops listening, lets running jobs keep their
 * checkpoints, and closes the engine.
 */
@Command(name = "serve", sortOptions = false, usageHelpWidth = 100, mixinStandardHelpOptions = true,
        description = {
            "Serves ExportComments' v3 API and the Star Export API over HTTP, so ExportComments' CLI, MCP server "
                    + "and scripts can use this machine by changing only their base URL. Runs until Ctrl-C.",
            "Every route but /api/health needs a token: create the first with 'starexport tokens create NAME' "
                    + "on the same --dir. Jobs, their files and tokens live in --dir and survive a restart; "
                    + "unfinished jobs resume. Credentials come from --credential, --cookies, environment "
                    + "variables or the config file, as for 'starexport export'."},
        footer = {
            "",
            "Examples:",
            "  starexport serve",
            "  starexport serve --sandbox --port 8080 --dir /tmp/starexport-server",
            "  starexport serve --bind 0.0.0.0 --credential youtube.api_key=YOUR_KEY --json"})
final class ServeCommand implements Callable<Integer>, Main.HasCommonOptions {
    /** The server's directory when {@code --dir} is not given, relative to the current directory. */
    static final Path DEFAULT_DIR = Path.of(".starexport", "server");
    /** How long Ctrl-C waits for the server to stop and running jobs to keep their checkpoints. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "The port to listen on; default "
            + StarExportServer.DEFAULT_PORT + ", 0 for any free one (printed).")
    private int port = StarExportServer.DEFAULT_PORT;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "The address to listen on; default 127.0.0.1 "
            + "(this machine only). 0.0.0.0 listens on every interface.")
    private String bind = "127.0.0.1";

    @Option(names = "--dir", paramLabel = "DIR", description = "Where jobs (jobs/), their files (files/) and tokens "
            + "(tokens.json) are kept; default .starexport/server in the current directory.")
    private Path dir;

    @Option(names = "--sandbox", description = "Answer every job from the offline sample data, to try clients "
            + "offline.")
    private boolean sandbox;

    @Mixin
    private ConnectionOptions connection;

    @Mixin
    private CommonOptions common;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        Path directory = dir != null ? dir : DEFAULT_DIR;
        StarExportServer.Builder builder = Commands.usage(spec, () -> StarExportServer.builder()
                .directory(directory).bind(bind).port(port).sandbox(sandbox));
        CountDownLatch stop = new CountDownLatch(1);
        boolean interrupted = false;
        try (StarExport star = Commands.engine(main, spec, connection, sandbox);
             StarExportServer server = builder.engine(star).build().start()) {
            OnInterrupt onInterrupt = OnInterrupt.install(main.process(), "starexport-serve", STOP_GRACE, stop::countDown);
            try {
                report(server, directory);
                stop.await();
            } catch (InterruptedException e) {
                // Stopped by the embedding thread; close first (it waits for jobs), then keep the interrupt.
                interrupted = true;
            } finally {
                server.close();
                if (!common.json) {
                    main.err().println("Stopped.");
                    main.err().flush();
                }
                onInterrupt.reported();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    private void report(StarExportServer server, Path directory) {
        String url = "http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + server.port();
        int tokens = Tokens.open(directory).list().size();
        PrintWriter out = main.out();
        if (common.json) {
            ObjectNode data = JsonOutput.object();
            data.put("url", url);
            data.put("bind", bind);
            data.put("port", server.port());
            data.put("directory", directory.toAbsolutePath().toString());
            data.put("sandbox", sandbox);
            data.put("tokens", tokens);
            JsonOutput.success(out, data);
            return;
        }
        out.println("Listening on " + url);
        out.flush();
        PrintWriter err = main.err();
        err.println("Directory " + directory.toAbsolutePath() + (sandbox ? ", sandbox mode" : "") + ". Ctrl-C stops.");
        if (tokens == 0) {
            err.println("No API tokens yet: create one with 'starexport tokens create NAME --dir " + directory + "'.");
        }
        err.flush();
    }
}
