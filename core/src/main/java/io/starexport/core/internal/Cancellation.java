package io.starexport.core.internal;

import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A one-way cancellation flag that waits can observe, so a cancelled export stops sleeping at once. */
public final class Cancellation {
    private final CountDownLatch latch = new CountDownLatch(1);

    public void cancel() {
        latch.countDown();
    }

    public boolean isCancelled() {
        return latch.getCount() == 0;
    }

    /** Throws {@code CANCELLED} when cancelled or when the thread was interrupted. */
    public void check() {
        if (isCancelled() || Thread.currentThread().isInterrupted()) {
            throw cancelled();
        }
    }

    /** Waits for the given time unless cancelled or interrupted first, in which case it throws {@code CANCELLED}. */
    public void sleep(Duration duration) {
        try {
            if (latch.await(Math.max(0, duration.toNanos()), TimeUnit.NANOSECONDS)) {
                throw cancelled();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled();
        }
    }

    static ExportException cancelled() {
        return ExportException.of(ErrorCode.CANCELLED, "The export was cancelled.");
    }
}
