package io.starexport.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or SIGTERM) handling for one command: the hook stops the work, then holds the process open, for at most a
 * grace period, until the command has printed what became of it. {@link #reported()} says the command has reported
 * and removes the hook.
 */
final class OnInterrupt {
    private final CountDownLatch reported = new CountDownLatch(1);
    private final Thread hook;

    private OnInterrupt(String name, Duration grace, Runnable stop) {
        this.hook = new Thread(() -> {
            stop.run();
            try {
                reported.await(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private OnInterrupt() {
        this.hook = null;
    }

    /**
     * Installs the hook in the real process; elsewhere (tests, embedding) returns a handler that does nothing.
     *
     * @param stop what the hook does first, such as cancelling the export
     */
    static OnInterrupt install(boolean process, String name, Duration grace, Runnable stop) {
        return process ? new OnInterrupt(name, grace, stop) : new OnInterrupt();
    }

    /** The command has printed its outcome: an interrupt now waiting may let the process end, and none is handled later. */
    void reported() {
        reported.countDown();
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it is the one waiting for this command to finish.
        }
    }
}
