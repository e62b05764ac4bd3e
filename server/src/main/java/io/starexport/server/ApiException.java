package io.starexport.server;

import java.util.OptionalLong;

/**
 * An answer in ExportComments' error envelope, {@code {status_code, error_code, detail}}, plus
 * {@code seconds_to_wait} for a 429. The detail is for the client: it never carries a token.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final String INVALID_REQUEST = "INVALID_REQUEST";
    static final String INVALID_URL = "INVALID_URL";
    static final String AUTH_HEADER_TOKEN = "AUTH_HEADER_TOKEN";
    static final String TOKEN_EXPIRED = "TOKEN_EXPIRED";
    static final String RATE_LIMIT_EXCEEDED = "RATE_LIMIT_EXCEEDED";
    static final String QUEUE_LIMIT_EXCEEDED = "QUEUE_LIMIT_EXCEEDED";
    /** Not in the seed's table, which names no code for its 404s; the status is the seed's. */
    static final String NOT_FOUND = "NOT_FOUND";
    /** Not in the seed's table, which names no code for its 500s; the status is the seed's. */
    static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private final int status;
    private final String code;
    private final OptionalLong secondsToWait;

    ApiException(int status, String code, String detail) {
        this(status, code, detail, OptionalLong.empty());
    }

    private ApiException(int status, String code, String detail, OptionalLong secondsToWait) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.secondsToWait = secondsToWait;
    }

    static ApiException badRequest(String detail) {
        return new ApiException(400, INVALID_REQUEST, detail);
    }

    static ApiException notFound(String detail) {
        return new ApiException(404, NOT_FOUND, detail);
    }

    static ApiException tooMany(String code, long secondsToWait, String detail) {
        return new ApiException(429, code, detail, OptionalLong.of(Math.max(1, secondsToWait)));
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    OptionalLong secondsToWait() {
        return secondsToWait;
    }
}
