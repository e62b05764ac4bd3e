package io.starexport.api;

/**
 * Stable codes for every failure a host can see. Codes never change meaning; new ones may be added.
 * {@link #isTransient()} tells whether trying again later can succeed.
 */
public enum ErrorCode {
    /** The input is not a usable http(s) URL. */
    INVALID_URL(false),
    /** No installed platform recognises the URL. */
    UNSUPPORTED_PLATFORM(false),
    /** The platform cannot export the requested content from this kind of target. */
    UNSUPPORTED_CONTENT(false),
    /** The platform needs credentials, or credentials with more permissions, for this request. */
    AUTH_REQUIRED(false),
    /** The credentials given were rejected (invalid, expired or revoked). */
    AUTH_FAILED(false),
    /** The target does not exist or was deleted. */
    NOT_FOUND(false),
    /** The target exists but is private to this account. */
    PRIVATE_CONTENT(false),
    /** The target's owner turned comments off. */
    COMMENTS_DISABLED(false),
    /** The platform asked us to slow down; see {@link ExportException#retryAfter()}. */
    RATE_LIMITED(true),
    /** A daily or monthly quota is used up. */
    QUOTA_EXCEEDED(false),
    /** A response no longer has the shape we parse; the message names the missing path. */
    PLATFORM_CHANGED(false),
    /** Connection failures, timeouts and server errors that retries did not overcome. */
    NETWORK(true),
    /** The export was cancelled by the host. */
    CANCELLED(false),
    /** The output could not be written or resumed (disk full, permission denied, damaged checkpoint). */
    OUTPUT(false),
    /** The job queue is at its size limit; submit again once jobs have finished. */
    QUEUE_FULL(true),
    /** A bug in Star Export or a plugin; the message and cause say where. */
    INTERNAL(false);

    private final boolean transientFailure;

    ErrorCode(boolean transientFailure) {
        this.transientFailure = transientFailure;
    }

    /** True when the same request may succeed if tried again later. */
    public boolean isTransient() {
        return transientFailure;
    }
}
