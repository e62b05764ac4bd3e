package io.starexport.cli;

import io.starexport.api.ErrorCode;

/** The process exit codes of {@code starexport}, shared by every command and listed in its help. */
final class ExitCode {
    static final int OK = 0;
    /**
     * Network, platform change, output, cancellation, internal and unexpected failures; a batch in which a job
     * failed or was left unfinished.
     */
    static final int FAILURE = 1;
    /** Bad input: usage errors, bad option values, unusable or unsupported URLs. */
    static final int BAD_INPUT = 2;
    static final int AUTHENTICATION = 3;
    static final int RATE_LIMIT = 4;
    static final int NOT_FOUND = 5;

    /** The table printed at the end of {@code starexport --help}. */
    static final String[] HELP_FOOTER = {
        "",
        "Exit codes:",
        "  0  success",
        "  1  any other failure (NETWORK, PLATFORM_CHANGED, OUTPUT, CANCELLED, INTERNAL)",
        "  1  batch mode: a job failed or was left unfinished (JOBS_FAILED, CANCELLED)",
        "  2  bad input (USAGE, INVALID_URL, UNSUPPORTED_PLATFORM, UNSUPPORTED_CONTENT)",
        "  3  authentication (AUTH_REQUIRED, AUTH_FAILED)",
        "  4  rate limit or quota (RATE_LIMITED, QUOTA_EXCEEDED, QUEUE_FULL)",
        "  5  not found or private (NOT_FOUND, PRIVATE_CONTENT, COMMENTS_DISABLED)",
    };

    private ExitCode() {
    }

    static int of(ErrorCode code) {
        return switch (code) {
            case INVALID_URL, UNSUPPORTED_PLATFORM, UNSUPPORTED_CONTENT -> BAD_INPUT;
            case AUTH_REQUIRED, AUTH_FAILED -> AUTHENTICATION;
            case RATE_LIMITED, QUOTA_EXCEEDED, QUEUE_FULL -> RATE_LIMIT;
            case NOT_FOUND, PRIVATE_CONTENT, COMMENTS_DISABLED -> NOT_FOUND;
            case NETWORK, PLATFORM_CHANGED, OUTPUT, CANCELLED, INTERNAL -> FAILURE;
        };
    }
}
