package io.starexport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the command line in-process and captures what it prints. */
final class Cli {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A config folder that does not exist, so no developer's config file is read. */
    static final String NO_CONFIG = "/nonexistent/starexport-test-config";

    private Cli() {
    }

    /** What one run printed and returned. {@code logs} is what went to the JVM's own stderr (slf4j). */
    record Run(int exitCode, String out, String err, String logs) {

        /** The one JSON document on stdout. */
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("stdout is not one JSON document:\n" + out, e);
            }
        }

        String everything() {
            return out + err + logs;
        }
    }

    /** Runs {@code starexport args…}, also capturing the process streams that loggers write to. */
    static Run run(String... args) {
        return run(Map.of("XDG_CONFIG_HOME", NO_CONFIG), "", args);
    }

    /**
     * Runs {@code starexport args…} with this environment (instead of the process's, so a developer's own
     * {@code STAREXPORT_*} variables never leak in; set {@code XDG_CONFIG_HOME} to keep their config file out)
     * and this standard input.
     */
    static Run run(Map<String, String> environment, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        PrintStream systemOut = System.out;
        PrintStream systemErr = System.err;
        PrintStream logStream = new PrintStream(logs, true, StandardCharsets.UTF_8);
        System.setOut(logStream);
        System.setErr(logStream);
        int exitCode;
        try {
            exitCode = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), environment,
                    new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
        } finally {
            System.setOut(systemOut);
            System.setErr(systemErr);
        }
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                logs.toString(StandardCharsets.UTF_8));
    }
}
