package io.starexport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Runs the command line in-process and captures what it prints. */
final class Cli {
    private static final ObjectMapper JSON = new ObjectMapper();

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
                    new PrintStream(err, true, StandardCharsets.UTF_8), args);
        } finally {
            System.setOut(systemOut);
            System.setErr(systemErr);
        }
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                logs.toString(StandardCharsets.UTF_8));
    }
}
