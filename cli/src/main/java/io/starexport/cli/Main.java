package io.starexport.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.StarExport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The {@code starexport} command line: {@code export}, {@code platforms}, {@code formats}, {@code mcp} and
 * {@code completion}. Exit codes are listed in {@code starexport --help}: 0 success, 1 failure (also a batch in
 * which a job failed), 2 bad input, 3 authentication, 4 rate limit or quota, 5 not found or private.
 *
 * <p>{@link #run(PrintStream, PrintStream, String...)} runs one command line against the given streams and
 * returns its exit code, for tests and embedding; {@link #main(String[])} is the process entry point.
 */
@Command(name = "starexport", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Exports comments, posts, profiles and media metadata from social platforms.",
        subcommands = {ExportCommand.class, PlatformsCommand.class, FormatsCommand.class, McpCommand.class,
            ServeCommand.class, TokensCommand.class, WebhookCommand.class, ScheduleCommand.class, WorkflowCommand.class,
            RunCommand.class,
            CompletionCommand.class,
            HelpCommand.class},
        footer = {
            "",
            "Examples:",
            "  starexport export https://www.youtube.com/watch?v=dQw4w9WgXcQ -o comments.csv",
            "  starexport export --from-file urls.txt -d out --format jsonl",
            "  starexport platforms --detect https://www.reddit.com/r/java/comments/1abcde/",
            "  starexport formats --json",
            "  starexport mcp --sandbox",
            "  starexport serve --sandbox --port 8080",
            "  starexport schedule add https://youtu.be/dQw4w9WgXcQ -o c.jsonl --only-new",
            "  starexport run",
            "  source <(starexport completion)",
            "  starexport --version --json"})
public final class Main implements Callable<Integer> {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean interactive;
    private final boolean process;
    private final Map<String, String> environment;
    private final InputStream stdin;
    private final Secrets secrets;
    private final ErrorReporter reporter;
    @Spec
    private CommandSpec spec;
    @Mixin
    private CommonOptions common;

    private Main(Secrets secrets, PrintStream out, PrintStream err, boolean interactive, boolean process,
                 Map<String, String> environment, InputStream stdin) {
        this.secrets = secrets;
        this.out = secrets.writer(out);
        this.err = secrets.writer(err);
        this.interactive = interactive;
        this.process = process;
        this.environment = Map.copyOf(environment);
        this.stdin = stdin;
        this.reporter = new ErrorReporter(this.out, this.err);
    }

    /** Runs the command line and exits the process with its exit code. */
    public static void main(String[] args) {
        int exitCode = execute(System.out, System.err, Terminal.stderrIsTerminal(), true, System.getenv(), System.in, args);
        System.exit(exitCode);
    }

    /**
     * Runs one command line, printing to {@code out} and {@code err}, and returns its exit code. Shows no
     * live progress and installs no Ctrl-C handling; never exits the JVM.
     */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return execute(out, err, false, false, System.getenv(), System.in, args);
    }

    /** As {@link #run(PrintStream, PrintStream, String...)} with a given environment and standard input. */
    static int run(PrintStream out, PrintStream err, Map<String, String> environment, InputStream stdin, String... args) {
        return execute(out, err, false, false, environment, stdin, args);
    }

    private static int execute(PrintStream out, PrintStream err, boolean interactive, boolean process,
                               Map<String, String> environment, InputStream stdin, String... args) {
        configureLogging(hasFlag(args, "--debug"));
        Main main = new Main(Secrets.find(args, environment), out, err, interactive, process, environment, stdin);
        try {
            return main.commandLine().execute(args);
        } finally {
            main.out.flush();
            main.err.flush();
        }
    }

    /** The full command line on the process streams, for parsing only (tests check help examples with it). */
    static CommandLine parser() {
        return new Main(Secrets.find(new String[0], Map.of()), System.out, System.err, false, false, Map.of(),
                InputStream.nullInputStream()).commandLine();
    }

    private CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(this)
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionStrategy(this::executeParsed)
                .setParameterExceptionHandler((e, args) -> reporter.usage(e, hasFlag(args, "--json")))
                .setExecutionExceptionHandler((e, command, parseResult) -> reporter.failure(e, optionsOf(command)));
        withExitCodes(commandLine);
        commandLine.getSubcommands().values().forEach(Main::withExitCodes);
        return commandLine;
    }

    /** The exit codes before a command's own footer, so that its help ends with its examples. */
    private static void withExitCodes(CommandLine command) {
        String[] own = command.getCommandSpec().usageMessage().footer();
        String[] footer = Arrays.copyOf(ExitCode.HELP_FOOTER, ExitCode.HELP_FOOTER.length + own.length);
        System.arraycopy(own, 0, footer, ExitCode.HELP_FOOTER.length, own.length);
        command.getCommandSpec().usageMessage().footer(footer);
    }

    /**
     * Runs the parsed command line. {@code --json} before the command applies to it too, and
     * {@code --version --json} prints the version as a JSON document.
     */
    private int executeParsed(ParseResult parseResult) {
        CommandLine help = helpAsked(parseResult);
        if (help != null) {
            ObjectNode data = JsonOutput.object();
            data.put("command", help.getCommandSpec().qualifiedName());
            data.put("usage", help.getUsageMessage(CommandLine.Help.Ansi.OFF));
            JsonOutput.success(out, data);
            return ExitCode.OK;
        }
        if (common.json && parseResult.isVersionHelpRequested()) {
            String[] lines = new Version().getVersion();
            ObjectNode data = JsonOutput.object();
            data.put("version", Version.version());
            data.put("java", lines[1]);
            JsonOutput.success(out, data);
            return ExitCode.OK;
        }
        if (common.json || common.debug) {
            for (ParseResult sub = parseResult.subcommand(); sub != null; sub = sub.subcommand()) {
                if (sub.commandSpec().userObject() instanceof HasCommonOptions command) {
                    command.common().json |= common.json;
                    command.common().debug |= common.debug;
                }
            }
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    /**
     * The command whose help {@code --help --json} (or {@code help COMMAND --json}) asks for, to print it wrapped in
     * a JSON document; null without {@code --json} or without a help request.
     */
    private CommandLine helpAsked(ParseResult parseResult) {
        boolean json = common.json;
        CommandLine help = null;
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            Object command = level.commandSpec().userObject();
            json |= command instanceof HasCommonOptions options && options.common().json;
            if (help == null && level.isUsageHelpRequested()) {
                help = level.commandSpec().commandLine();
            }
            if (help == null && command instanceof HelpCommand) {
                List<String> named = level.matchedPositionals().isEmpty() ? List.of()
                        : level.matchedPositionals().get(0).stringValues();
                json |= hasFlag(level.originalArgs().toArray(String[]::new), "--json");
                CommandLine parent = level.commandSpec().parent().commandLine();
                help = named.stream().filter(n -> !n.equals("--json")).findFirst()
                        .map(n -> parent.getSubcommands().get(n)).orElse(parent);
            }
        }
        return json ? help : null;
    }

    /** Without a command: the usage on stderr and exit code 2. */
    @Override
    public Integer call() {
        if (common.json) {
            JsonOutput.failure(out, "a command is required: export, platforms, formats or completion",
                    ErrorReporter.USAGE, null);
            return ExitCode.BAD_INPUT;
        }
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

    /**
     * Whether live progress may be drawn: stderr is a terminal ({@link Terminal#stderrIsTerminal()}) that
     * understands cursor movements (not {@code TERM=dumb}).
     */
    boolean liveProgress() {
        return interactive && !"dumb".equals(environment.get("TERM"));
    }

    /** Whether this is the real process, so Ctrl-C handling may be installed. */
    boolean process() {
        return process;
    }

    ErrorReporter reporter() {
        return reporter;
    }

    /** The environment: credentials, {@code STAREXPORT_PROXY}, {@code XDG_CONFIG_HOME}. */
    Map<String, String> environment() {
        return environment;
    }

    /** Standard input, for {@code --from-file -}. */
    InputStream stdin() {
        return stdin;
    }

    /** The secrets of this run; add what is found later (config file, cookies) to mask it too. */
    Secrets secrets() {
        return secrets;
    }

    private static CommonOptions optionsOf(CommandLine command) {
        if (command.getCommand() instanceof Main root) {
            return root.common;
        }
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
            return StarExport.version();
        }
    }
}
