package io.starexport.jobs;

import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a job's last attempt failed.
 *
 * @param code       the stable error code
 * @param message    what happened and what to do, for people; never holds credentials
 * @param retryAfter how long the platform asked to wait, when it said
 */
public record JobError(ErrorCode code, String message, Optional<Duration> retryAfter) {

    public JobError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
    }

    /** The error of a failed export. */
    static JobError of(ExportException e) {
        return new JobError(e.code(), e.getMessage(), e.retryAfter());
    }

    /** The error as an exception again, for events and futures. */
    ExportException toException() {
        return code == ErrorCode.RATE_LIMITED ? ExportException.rateLimited(message, retryAfter.orElse(null))
                : ExportException.of(code, message);
    }
}
