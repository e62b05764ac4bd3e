package io.starexport.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * The {@code starexport} command line: {@code export}, {@code platforms}, {@code formats} and {@code mcp}. Exit codes are
 * listed in {@code starexport --help}: 0 success, 1 failure, 2 bad input, 3 authentication, 4 rate limit or
 * quota, 5 not found or private.
 *
 * <p>{@link #run(PrintStream, PrintStream, String...)} runs one command line against the given streams and
 * returns its exit code, for tests and embedding; {@link #main(String[])} is the process entry point.
 */
@Command(name = "starexport", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Exports comments, posts, profiles and media metadata from social platforms.",
        subcommands = {ExportCommand.class, PlatformsCommand.class, FormatsCommand.class, McpCommand.class, HelpCommand.class})
public final class Main implements Callable<Integer> {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean interactive;
    private final boolean process;
    private final ErrorReporter reporter;
    @Spec
    private CommandSpec spec;

    private Main(PrintWriter out, PrintWriter err, boolean interactive, boolean process) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        this.process = process;
        this.reporter = new ErrorReporter(out, err);
    }

    /** Runs the command line and exits the process with its exit code. */
    public static void main(String[] args) {
        int exitCode = execute(System.out, System.err, System.console() != null, true, args);
        System.exit(exitCode);
    }

    /**
     * Runs one command line, printing to {@code out} and {@code err}, and returns its exit code. Shows no
     * live progress and installs no Ctrl-C handling; never exits the JVM.
     */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return execute(out, err, false, false, args);
    }

    private static int execute(PrintStream out, PrintStream err, boolean interactive, boolean process, String... args) {
        configureLogging(hasFlag(args, "--debug"));
        Secrets secrets = Secrets.find(args, System.getenv());
        Main main = new Main(secrets.writer(out), secrets.writer(err), interactive, process);
        try {
            return main.commandLine().execute(args);
        } finally {
            main.out.flush();
            main.err.flush();
        }
    }

    private CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(this)
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler((e, args) -> reporter.usage(e, hasFlag(args, "--json")))
                .setExecutionExceptionHandler((e, command, parseResult) -> reporter.failure(e, optionsOf(command)));
        commandLine.getCommandSpec().usageMessage().footer(ExitCode.HELP_FOOTER);
        commandLine.getSubcommands().values().forEach(sub -> sub.getCommandSpec().usageMessage()
                .footer(ExitCode.HELP_FOOTER));
        return commandLine;
    }

    /** Without a command: the usage on stderr and exit code 2. */
    @Override
    public Integer call() {
        err.println("error [USAGE]: a command is required");
        spec.commandLine().usage(err);
        return ExitCode.BAD_INPUT;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** Whether stderr is a terminal, so live progress can be drawn. */
    boolean interactive() {
        return interactive;
    }

    /** Whether this is the real process, so Ctrl-C handling may be installed. */
    boolean process() {
        return process;
    }

    ErrorReporter reporter() {
        return reporter;
    }

    private static CommonOptions optionsOf(CommandLine command) {
        return command.getCommand() instanceof HasCommonOptions options ? options.common() : new CommonOptions();
    }

    /** Whether a flag is among the arguments before {@code --}; used before (or when) parsing fails. */
    private static boolean hasFlag(String[] args, String flag) {
        int end = Arrays.asList(args).indexOf("--");
        return Arrays.asList(args).subList(0, end < 0 ? args.length : end).contains(flag);
    }

    /**
     * Configures slf4j-simple before any logger exists: warnings and errors on stderr with short names, or
     * Star Export at debug level with {@code --debug}. System properties given with {@code -D} win.
     */
    private static void configureLogging(boolean debug) {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        if (debug) {
            System.setProperty("org.slf4j.simpleLogger.log.io.starexport", "debug");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** A command that takes the {@link CommonOptions}. */
    interface HasCommonOptions {
        CommonOptions common();
    }

    /** The version from the jar's Maven descriptor, and the Java runtime. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "starexport " + version(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
            };
        }

        static String version() {
            try (InputStream in = Main.class.getResourceAsStream(
                    "/META-INF/maven/io.starexport/starexport-cli/pom.properties")) {
                if (in == null) {
                    return "(development build)";
                }
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "(unknown version)");
            } catch (IOException e) {
                return "(unknown version)";
            }
        }
    }
}
