package io.starexport.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.Checkpoint;
import io.starexport.api.ExportException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Turns a failure into its exit code and reports it once: {@code error [CODE]: message} on stderr, or the
 * JSON error document on stdout with {@code --json}. Stack traces only with {@code --debug}.
 */
final class ErrorReporter {
    /** The error code of bad command lines and option values, beside the engine's {@code ErrorCode}s. */
    static final String USAGE = "USAGE";

    private final PrintWriter out;
    private final PrintWriter err;

    ErrorReporter(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** Reports a usage error (picocli's or a bad option value) and returns exit code 2. */
    int usage(ParameterException e, boolean json) {
        String message = e instanceof UnmatchedArgumentException unmatched ? unmatched(unmatched)
                : e.getMessage().replaceFirst("^Error: ", "");
        if (json) {
            JsonOutput.failure(out, message, USAGE, null);
        } else {
            err.println("error [" + USAGE + "]: " + message);
            UnmatchedArgumentException.printSuggestions(e, err);
            CommandLine command = e.getCommandLine();
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        }
        err.flush();
        return ExitCode.BAD_INPUT;
    }

    /**
     * picocli's message quotes unmatched arguments whole; a mistyped {@code --credential} would show its
     * secret. Values after {@code =} are left out.
     */
    private static String unmatched(UnmatchedArgumentException e) {
        List<String> arguments = e.getUnmatched().stream()
                .map(argument -> "'" + (argument.indexOf('=') < 0 ? argument
                        : argument.substring(0, argument.indexOf('=') + 1) + "…") + "'")
                .toList();
        boolean options = e.getUnmatched().stream().allMatch(argument -> argument.startsWith("-"));
        return (options ? "Unknown option" : "Unknown or unexpected argument") + (arguments.size() == 1 ? "" : "s")
                + ": " + String.join(", ", arguments);
    }

    /** Reports any failure of a command and returns its exit code. */
    int failure(Exception e, CommonOptions options) {
        if (e instanceof ParameterException parameterError) {
            return usage(parameterError, options.json);
        }
        if (e instanceof ExportException exportError) {
            return exportFailure(exportError, options);
        }
        String message = "unexpected " + e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (options.json) {
            JsonOutput.failure(out, message, "INTERNAL", null);
        } else {
            err.println("error [INTERNAL]: " + message);
            if (!options.debug) {
                err.println("Run again with --debug to see the stack trace, and please report it.");
            }
        }
        if (options.debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCode.FAILURE;
    }

    private int exportFailure(ExportException e, CommonOptions options) {
        Optional<Path> checkpointFile = e.checkpoint().flatMap(ErrorReporter::checkpointFile);
        if (options.json) {
            ObjectNode detail = JsonOutput.object();
            e.retryAfter().ifPresent(wait -> detail.put("retry_after_seconds", wait.toSeconds()));
            checkpointFile.ifPresent(file -> detail.put("checkpoint", file.toString()));
            JsonOutput.failure(out, e.getMessage(), e.code().name(), detail.isEmpty() ? null : detail);
        } else {
            err.println("error [" + e.code() + "]: " + e.getMessage());
            e.retryAfter().ifPresent(wait -> err.println("The platform asks to wait " + wait.toSeconds()
                    + " s before trying again."));
            boolean sandbox = e.checkpoint().map(c -> c.request().sandbox()).orElse(false);
            checkpointFile.ifPresent(file -> err.println("The partial output was kept; resume with: "
                    + "starexport export --resume " + file + (sandbox ? " --sandbox" : "")));
        }
        if (options.debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCode.of(e.code());
    }

    /** Where the engine saved a checkpoint: {@link Checkpoint#fileFor(Path)} of the first output. */
    static Optional<Path> checkpointFile(Checkpoint checkpoint) {
        return checkpoint.outputs().stream().findFirst().map(Checkpoint.Output::file).map(Checkpoint::fileFor);
    }
}
