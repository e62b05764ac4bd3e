package io.starexport.cli;

import io.starexport.StarExport;
import io.starexport.mcp.StarExportMcpServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code starexport mcp}: an MCP server on stdin and stdout for AI assistants, until stdin ends. stdout carries
 * only protocol messages; warnings and errors go to stderr.
 */
@Command(name = "mcp", sortOptions = false, usageHelpWidth = 100, mixinStandardHelpOptions = true,
        description = {
            "Runs a Model Context Protocol server on stdin/stdout for AI assistants (Claude Desktop, Claude Code, "
                    + "Cursor…), with the tools export_comments, check_export, list_exports, download_export, "
                    + "detect_platform and list_platforms. It serves until stdin closes.",
            "Configure it in the assistant as the command 'java -jar /path/to/starexport.jar mcp'. Credentials "
                    + "come from --credential, --cookies, environment variables or the config file, as for "
                    + "'starexport export'."},
        footer = {
            "",
            "Examples:",
            "  starexport mcp",
            "  starexport mcp --sandbox --dir /tmp/starexport-mcp",
            "  starexport mcp --credential youtube.api_key=YOUR_KEY --max-wait 30"})
final class McpCommand implements Callable<Integer>, Main.HasCommonOptions {
    /** The longest {@code --max-wait} the server takes. */
    private static final Duration MAX_WAIT_LIMIT = Duration.ofMinutes(30);

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Option(names = "--sandbox", description = "Export offline sample data when a tool call does not set its "
            + "'sandbox' argument (calls may still choose either).")
    private boolean sandbox;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where exports and their job records are kept; "
            + "default $XDG_DATA_HOME/starexport/mcp, else ~/.local/share/starexport/mcp.")
    private Path dir;

    @Option(names = "--max-wait", paramLabel = "SECONDS", description = "The longest a tool call with wait=true "
            + "blocks, from 0 to 1800; default 50, below the 60 s many assistants allow a call.")
    private Long maxWaitSeconds;

    @Option(names = "--debug", description = "Log the engine at debug level on stderr.")
    private boolean debug;

    @Mixin
    private ConnectionOptions connection;

    @Override
    public CommonOptions common() {
        CommonOptions options = new CommonOptions();
        options.debug = debug;
        return options;
    }

    @Override
    public Integer call() throws IOException {
        ConfigFile config;
        try {
            config = connection.configFile(main.environment());
            // Check the settings now, once, so a mistake or a warning is reported before any client connects.
            connection.configure(StarExport.builder(), config, main.environment(), main.secrets(), main.err(),
                    ExportCommand::installedPlatforms);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        StarExportMcpServer.Builder server = StarExportMcpServer.builder()
                .engine(builder -> connection.configure(builder, config, main.environment(), main.secrets(), quiet,
                        ExportCommand::installedPlatforms))
                .sandboxByDefault(sandbox);
        if (maxWaitSeconds != null) {
            if (maxWaitSeconds < 0 || maxWaitSeconds > MAX_WAIT_LIMIT.toSeconds()) {
                throw new ParameterException(spec.commandLine(), "--max-wait must be from 0 to "
                        + MAX_WAIT_LIMIT.toSeconds() + " seconds but was " + maxWaitSeconds);
            }
            server.maxWait(Duration.ofSeconds(maxWaitSeconds));
        }
        if (dir != null) {
            server.directory(dir);
        }
        server.build().serve(main.stdin(), new LineOutput(main.out()));
        return ExitCode.OK;
    }

    /**
     * The protocol's bytes onto the CLI's stdout writer, a whole line at a time, so every message passes the
     * secret masking of that writer intact and a multi-byte character is never split.
     */
    private static final class LineOutput extends OutputStream {
        private final PrintWriter target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineOutput(PrintWriter target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') {
                target.write(line.toString(StandardCharsets.UTF_8));
                line.reset();
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            int start = offset;
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    line.write(bytes, start, i + 1 - start);
                    target.write(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                    start = i + 1;
                }
            }
            line.write(bytes, start, offset + length - start);
        }

        @Override
        public void flush() {
            target.flush();
        }
    }
}
