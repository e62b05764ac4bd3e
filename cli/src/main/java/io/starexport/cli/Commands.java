package io.starexport.cli;

import io.starexport.StarExport;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** What the server and automation commands share: the configured engine, ids, and bad values as usage errors. */
final class Commands {
    private Commands() {
    }

    /**
     * The engine the connection options, the environment and the config file describe, as {@code export} builds
     * it; with {@code sandbox} every export runs in the sandbox.
     */
    static StarExport engine(Main main, CommandSpec spec, ConnectionOptions connection, boolean sandbox) {
        return usage(spec, () -> {
            ConfigFile config = connection.configFile(main.environment());
            StarExport.Builder builder = StarExport.builder().sandbox(sandbox);
            connection.configure(builder, config, main.environment(), main.secrets(), main.err(),
                    ExportCommand::installedPlatforms);
            return builder.build();
        });
    }

    /** Runs a step, turning a rejected value ({@link IllegalArgumentException}, {@link IllegalStateException}) into a usage error. */
    static <T> T usage(CommandSpec spec, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** The root command of a (sub)command's command line, for its streams and environment. */
    static Main main(CommandSpec spec) {
        CommandSpec root = spec;
        while (root.parent() != null) {
            root = root.parent();
        }
        return (Main) root.userObject();
    }

    /** An id given on the command line. */
    static UUID id(CommandSpec spec, String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "'" + text + "' is not an id; ids look like "
                    + "3f2b8c1e-5d4a-4f7e-9c3b-2a1d0e9f8b7c (see the list command)", e);
        }
    }

    /** The thing with this id, or {@code NOT_FOUND}. */
    static <T> T found(Optional<T> value, String what, UUID id, String listCommand) {
        return value.orElseThrow(() -> ExportException.of(ErrorCode.NOT_FOUND, "No " + what + " with id " + id
                + "; '" + listCommand + "' lists them."));
    }

    /** An instant for JSON and tables, or null. */
    static String time(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
