package io.starexport.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What the process knows about its terminal. Java 17 only tells whether stdin and stdout are a terminal
 * ({@code System.console()}), but live progress is drawn on stderr: {@code starexport … > table.txt} should
 * still show it, and {@code starexport … 2> log} must not write cursor movements into the log.
 */
final class Terminal {
    private static final long CHECK_TIMEOUT_SECONDS = 2;

    private Terminal() {
    }

    /**
     * Whether the process's stderr is a terminal: {@code test -t 2} in a shell that inherits it on POSIX
     * systems; on Windows (or without {@code /bin/sh}) whether the JVM has a console.
     */
    static boolean stderrIsTerminal() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                || !new File("/bin/sh").canExecute()) {
            return System.console() != null;
        }
        try {
            Process test = new ProcessBuilder("/bin/sh", "-c", "test -t 2")
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            if (!test.waitFor(CHECK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                test.destroyForcibly();
                return false;
            }
            return test.exitValue() == 0;
        } catch (IOException e) {
            return System.console() != null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The columns of the process's terminal now ({@code stty size} on its {@code /dev/tty}), or 0 when they
     * cannot be detected (no terminal, Windows, no {@code stty}). Asked again when a window may have been resized.
     */
    static int columns() {
        if (!new File("/bin/sh").canExecute()) {
            return 0;
        }
        try {
            Process stty = new ProcessBuilder("/bin/sh", "-c", "stty size < /dev/tty")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            stty.getOutputStream().close();
            if (!stty.waitFor(CHECK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                stty.destroyForcibly();
                return 0;
            }
            String[] size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip()
                    .split("\\s+");
            return stty.exitValue() == 0 && size.length == 2 && size[1].matches("[0-9]{1,5}")
                    ? Integer.parseInt(size[1]) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
