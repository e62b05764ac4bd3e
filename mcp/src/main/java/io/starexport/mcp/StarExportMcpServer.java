package io.starexport.mcp;

import io.starexport.StarExport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A <a href="https://modelcontextprotocol.io">Model Context Protocol</a> server that lets an AI assistant run
 * exports through the in-process engine. It speaks newline-delimited JSON-RPC on a pair of streams (the
 * MCP stdio transport) and offers the tools of the ExportComments MCP server: {@code export_comments},
 * {@code check_export}, {@code list_exports}, {@code download_export}, {@code detect_platform} and
 * {@code list_platforms}, and {@code create_schedule} and {@code list_schedules}, whose schedules (kept under
 * {@code schedules/} in the directory) run while the server serves.
 *
 * <pre>{@code
 * StarExportMcpServer server = StarExportMcpServer.builder()
 *         .engine(engine -> engine.credential("youtube", "api_key", key))
 *         .build();
 * server.serve(System.in, System.out);   // returns when stdin ends
 * }</pre>
 *
 * <p><b>Exports.</b> Each export runs as a job of an {@link io.starexport.jobs.JobExecutor} whose jobs are kept
 * on disk under {@link Builder#directory(Path) the directory}, so exports, their files and their ids survive a
 * restart, and exports a stopped server left unfinished resume when it serves again. One engine serves every
 * call: a call chooses between the platform and the sandbox (offline sample data) with its {@code sandbox}
 * argument, which becomes its export request's {@link io.starexport.api.ExportRequest#sandbox() sandbox}
 * choice; {@link Builder#sandboxByDefault(boolean)} decides when a call leaves it out.
 *
 * <p><b>Streams.</b> Nothing but protocol messages is written to the output stream; the server logs through
 * SLF4J. Results never hold credentials. Thread-safe; one {@link #serve} at a time per instance.
 */
public final class StarExportMcpServer {
    /** The default most time a {@code wait} argument blocks a tool call: below the 60 s many clients allow a call. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(50);

    private final Consumer<StarExport.Builder> engine;
    private final Path directory;
    private final boolean sandboxByDefault;
    private final Duration maxWait;
    private final AtomicBoolean serving = new AtomicBoolean();

    private StarExportMcpServer(Builder builder) {
        this.engine = builder.engine == null ? b -> { } : builder.engine;
        this.directory = builder.directory == null ? defaultDirectory(System.getenv()) : builder.directory;
        this.sandboxByDefault = builder.sandboxByDefault != null && builder.sandboxByDefault;
        this.maxWait = builder.maxWait == null ? DEFAULT_MAX_WAIT : builder.maxWait;
    }

    /** A builder with the defaults described on each of its methods. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Where exports go when no directory is given: {@code $XDG_DATA_HOME/starexport/mcp} when that variable is
     * set to an absolute path, else {@code ~/.local/share/starexport/mcp}.
     *
     * @param environment the environment variables to read, such as {@link System#getenv()}
     */
    public static Path defaultDirectory(Map<String, String> environment) {
        String dataHome = environment.get("XDG_DATA_HOME");
        Path base = dataHome != null && !dataHome.isBlank() && Path.of(dataHome).isAbsolute()
                ? Path.of(dataHome)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("starexport").resolve("mcp");
    }

    /** The directory that holds this server's jobs and exported files. */
    public Path directory() {
        return directory;
    }

    /**
     * Serves one client: reads JSON-RPC messages from {@code in}, one per line, and writes responses to
     * {@code out}. Builds the engine and job executor, resumes exports a previous run left unfinished, and
     * blocks until {@code in} ends (the client closed it). It then lets
     * calls in progress answer at once (a call waiting for an export answers with the export still running),
     * stops the job executor (exports still running after half a second go back to the queue with their
     * checkpoints, to resume on the next serve) and the engine, and returns with no thread of its own left
     * running, within about a second for clients that kill a server which has not exited two seconds after
     * they closed its input. The streams are not
     * closed.
     *
     * @throws IllegalStateException      when this instance is already serving
     * @throws IllegalArgumentException   when the engine settings are rejected by {@link StarExport.Builder}
     * @throws io.starexport.api.ExportException {@code OUTPUT} when the directory cannot be used
     * @throws IOException                when reading {@code in} fails
     */
    public void serve(InputStream in, OutputStream out) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        if (!serving.compareAndSet(false, true)) {
            throw new IllegalStateException("this server is already serving; one serve() at a time per instance");
        }
        try (Exports exports = Exports.open(engine, directory, sandboxByDefault, maxWait)) {
            Session.serve(exports, version(), in, out);
        } finally {
            serving.set(false);
        }
    }

    @Override
    public String toString() {
        return "StarExportMcpServer[directory=" + directory + ", sandboxByDefault=" + sandboxByDefault
                + ", maxWait=" + maxWait + "]";
    }

    /** The library's version, from its build. */
    static String version() {
        return StarExport.version();
    }

    /** Configures a {@link StarExportMcpServer}. Each setting may be given once. Not thread-safe. */
    public static final class Builder {
        private Consumer<StarExport.Builder> engine;
        private Path directory;
        private Boolean sandboxByDefault;
        private Duration maxWait;

        private Builder() {
        }

        /**
         * Settings for the engine the server builds: proxy, endpoints, credentials, timeouts… It should not call
         * {@link StarExport.Builder#sandbox(boolean) sandbox(true)}, which would put every export in the sandbox
         * whatever a call asks; use {@link #sandboxByDefault(boolean)}. Credentials the callback does not give come from
         * {@code STAREXPORT_<PLATFORM>_<NAME>} environment variables, as for any engine. None by default.
         */
        public Builder engine(Consumer<StarExport.Builder> engine) {
            once(this.engine, "engine");
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        /**
         * The directory for jobs ({@code jobs}) and exported files ({@code files}); created when missing. Jobs an
         * earlier version kept in {@code jobs/live} and {@code jobs/sandbox} are moved into {@code jobs}. {@link #defaultDirectory(Map)} of the process environment by default.
         */
        public Builder directory(Path directory) {
            once(this.directory, "directory");
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Whether a call that leaves out {@code sandbox} uses the sandbox (offline sample data) rather than the
         * platforms; off by default.
         */
        public Builder sandboxByDefault(boolean sandboxByDefault) {
            once(this.sandboxByDefault, "sandboxByDefault");
            this.sandboxByDefault = sandboxByDefault;
            return this;
        }

        /**
         * The most time a call with {@code wait: true} blocks before it answers with the export still running;
         * {@link #DEFAULT_MAX_WAIT} by default. Keep it below the tool-call timeout of the client.
         */
        public Builder maxWait(Duration maxWait) {
            once(this.maxWait, "maxWait");
            Objects.requireNonNull(maxWait, "maxWait");
            if (maxWait.isNegative() || maxWait.compareTo(Duration.ofMinutes(30)) > 0) {
                throw new IllegalArgumentException("maxWait must be between 0 and 30 minutes but was " + maxWait);
            }
            this.maxWait = maxWait;
            return this;
        }

        /** Builds the server; the engine is built when it {@linkplain #serve serves}. */
        public StarExportMcpServer build() {
            return new StarExportMcpServer(this);
        }

        private static void once(Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set to " + current);
            }
        }
    }
}
