package io.starexport.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one exception type for every failure a host can see. {@link #code()} is stable and meant for
 * programs; the message is meant for people and says what to do. Messages never contain credentials.
 *
 * <p>When an export that was writing files fails, {@link #checkpoint()} holds where to resume.
 */
public final class ExportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient Duration retryAfter;
    private final transient Checkpoint checkpoint;

    private ExportException(ErrorCode code, String message, Throwable cause, Duration retryAfter, Checkpoint checkpoint) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.retryAfter = retryAfter;
        this.checkpoint = checkpoint;
    }

    /** A failure with a code and a message a person can act on. */
    public static ExportException of(ErrorCode code, String message) {
        return new ExportException(code, message, null, null, null);
    }

    /** A failure caused by another exception. */
    public static ExportException of(ErrorCode code, String message, Throwable cause) {
        return new ExportException(code, message, cause, null, null);
    }

    /** {@link ErrorCode#RATE_LIMITED} with how long the platform asked us to wait, when it said. */
    public static ExportException rateLimited(String message, Duration retryAfter) {
        return new ExportException(ErrorCode.RATE_LIMITED, message, null, retryAfter, null);
    }

    /**
     * {@link ErrorCode#PLATFORM_CHANGED}: a response lacks a value we need.
     *
     * @param platform the platform id
     * @param path     where the value was expected, for example {@code items[3].snippet.topLevelComment}
     * @param detail   what was found instead
     */
    public static ExportException platformChanged(String platform, String path, String detail) {
        return new ExportException(ErrorCode.PLATFORM_CHANGED,
                platform + " response changed shape: missing or unexpected value at '" + path + "' (" + detail
                        + "). Star Export needs an update for this platform; please report it.", null, null, null);
    }

    /** A copy that carries the checkpoint to resume from. */
    public ExportException withCheckpoint(Checkpoint checkpoint) {
        ExportException copy = new ExportException(code, getMessage(), getCause(), retryAfter, checkpoint);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** The stable error code. */
    public ErrorCode code() {
        return code;
    }

    /** How long to wait before trying again, when the platform said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Where an interrupted export can resume, when it wrote output. */
    public Optional<Checkpoint> checkpoint() {
        return Optional.ofNullable(checkpoint);
    }

    @Override
    public String toString() {
        return "ExportException[" + code + "]: " + getMessage();
    }
}
