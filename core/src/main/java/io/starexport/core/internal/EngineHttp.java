package io.starexport.core.internal;

import io.starexport.RetryPolicy;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportEvent;
import io.starexport.api.ExportException;
import io.starexport.spi.Enricher;
import io.starexport.spi.Http;
import io.starexport.spi.HttpRequest;
import io.starexport.spi.HttpResponse;
import io.starexport.spi.Platform;
import io.starexport.spi.RateLimitControl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The {@link Http} one export uses: its platform's shared bucket, the engine's retry policy, the
 * export's cancellation and redaction, on the OkHttp client of the export's proxy. Order of concerns per
 * attempt: rate limit, send, redacted debug log, platform feedback, retry decision.
 *
 * <p>Every wait a server announces (a {@code Retry-After}, or a pause a plugin set from rate-limit headers) is
 * capped by {@link RetryPolicy#maxRetryAfter()}: a longer one fails with {@code RATE_LIMITED} and the wait; one of
 * {@link ExportEvent.Waiting#REPORTED_WAIT} or more is reported to {@code waiting} first.
 */
public final class EngineHttp implements Http {
    private static final Logger LOG = LoggerFactory.getLogger("io.starexport.http");
    private static final long MAX_BODY_BYTES = 64L * 1024 * 1024;
    private static final int MAX_SAME_HOST_REDIRECTS = 5;

    private final OkHttpClient client;
    private final Caller platform;
    private final RateLimiter limiter;
    private final RetryPolicy retry;
    private final Cancellation cancellation;
    private final Redactor redactor;
    private final Clock clock;
    private final String userAgent;
    private final Consumer<Duration> waiting;

    public EngineHttp(OkHttpClient client, Caller platform, RateLimiter limiter, RetryPolicy retry,
                      Cancellation cancellation, Redactor redactor, Clock clock, String userAgent,
                      Consumer<Duration> waiting) {
        this.client = client;
        this.platform = platform;
        this.limiter = limiter;
        this.retry = retry;
        this.cancellation = cancellation;
        this.redactor = redactor;
        this.clock = clock;
        this.userAgent = userAgent;
        this.waiting = waiting;
    }

    @Override
    public HttpResponse send(HttpRequest request) {
        String shown = redactor.redact(request.redactedUrl());
        // Messages name the address without its query, which can run to hundreds of characters; the debug log has it all.
        String address = shown.indexOf('?') < 0 ? shown : shown.substring(0, shown.indexOf('?'));
        for (int attempt = 1; ; attempt++) {
            limiter.acquire(cancellation, this::beforePause);
            long started = System.nanoTime();
            HttpResponse response;
            try {
                response = execute(request);
            } catch (IOException e) {
                cancellation.check();
                String reason = describe(e);
                LOG.debug("{} {} failed on attempt {}: {}", request.method(), shown, attempt, reason);
                if (request.idempotent() && attempt < retry.maxAttempts()) {
                    cancellation.sleep(backoff(attempt));
                    continue;
                }
                throw ExportException.of(ErrorCode.NETWORK, redactor.redact("Could not get " + address + " from "
                        + platform.displayName() + ": " + reason + " (after " + attempt + " attempt"
                        + (attempt == 1 ? "" : "s") + "). Check the network or proxy and try again."), e);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.debug("{} {} -> {} ({} ms, {} bytes, attempt {})", request.method(), shown, response.status(), millis,
                    response.body().length, attempt);
            feedback(response);
            int status = response.status();
            boolean tooMany = status == 429;
            boolean serverError = status >= 500 && status != 501 && status != 505;
            if (!tooMany && !serverError) {
                return response;
            }
            Optional<ExportException> verdict = finalError(response);
            if (verdict.isPresent()) {
                throw verdict.get();
            }
            Optional<Duration> retryAfter = retryAfter(response);
            if (tooMany) {
                retryAfter.ifPresent(limiter::pauseFor);
            }
            boolean retryable = tooMany || request.idempotent();
            boolean waitTooLong = retryAfter.isPresent() && retryAfter.get().compareTo(retry.maxRetryAfter()) > 0;
            if (retryable && attempt < retry.maxAttempts() && !waitTooLong) {
                retryAfter.filter(wait -> wait.compareTo(ExportEvent.Waiting.REPORTED_WAIT) >= 0).ifPresent(waiting);
                cancellation.sleep(retryAfter.isPresent() ? retryAfter.get() : backoff(attempt));
                continue;
            }
            String what = platform.subject() + " answered HTTP " + status + " to " + address + " (after " + attempt
                    + " attempt" + (attempt == 1 ? "" : "s") + ")";
            if (tooMany) {
                throw ExportException.rateLimited(redactor.redact(what + "; it is limiting requests"
                        + retryAfter.map(d -> " and asked to wait " + d.toSeconds() + " s").orElse("")
                        + ". Lower this " + platform.noun() + "'s rate limit or try again later."), retryAfter.orElse(null));
            }
            throw ExportException.of(ErrorCode.NETWORK, redactor.redact(what + ". The " + platform.noun()
                    + " is having trouble; try again later."));
        }
    }

    /** Before the shared bucket's pause: refuses one longer than {@code maxRetryAfter}, reports a long one. */
    private void beforePause(Duration pause) {
        if (pause.compareTo(retry.maxRetryAfter()) > 0) {
            throw ExportException.rateLimited(platform.subject() + " asked to wait " + seconds(pause)
                    + " s before the next request, longer than the " + seconds(retry.maxRetryAfter()) + " s the engine "
                    + "waits (RetryPolicy maxRetryAfter). Try again later.", pause);
        }
        if (pause.compareTo(ExportEvent.Waiting.REPORTED_WAIT) >= 0) {
            waiting.accept(pause);
        }
    }

    /** Whole seconds, rounded up: a wait of 0.4 s is "1 s", never "0 s". */
    private static long seconds(Duration duration) {
        return duration.plusNanos(999_999_999).toSeconds();
    }

    /**
     * Sends the request, following redirects only to the same host (http to https, path normalisation).
     * A redirect to another host comes back to the plugin as the 3xx response, so a plugin decides which
     * hosts it trusts (short links) and no request goes to a host a response made up.
     */
    private HttpResponse execute(HttpRequest request) throws IOException {
        Request next = toOkHttp(request);
        for (int hops = 0; ; hops++) {
            try (Response response = client.newCall(next).execute()) {
                String location = response.header("Location");
                okhttp3.HttpUrl target = location == null ? null : response.request().url().resolve(location);
                if (!response.isRedirect() || target == null || hops == MAX_SAME_HOST_REDIRECTS
                        || !target.host().equalsIgnoreCase(response.request().url().host())) {
                    return new HttpResponse(response.code(), URI.create(response.request().url().toString()),
                            response.headers().toMultimap(), read(response.body()));
                }
                boolean keepMethod = response.code() == 307 || response.code() == 308;
                Request.Builder redirected = next.newBuilder().url(target);
                if (!keepMethod && !next.method().equals("GET") && !next.method().equals("HEAD")) {
                    redirected.method("GET", null).removeHeader("Content-Type").removeHeader("Content-Length");
                }
                next = redirected.build();
            }
        }
    }

    private Request toOkHttp(HttpRequest request) {
        Request.Builder builder = new Request.Builder().url(request.url().toString());
        request.headers().forEach((name, values) -> values.forEach(value -> builder.addHeader(name, value)));
        if (request.header("User-Agent") == null) {
            builder.header("User-Agent", userAgent);
        }
        byte[] body = request.body();
        String contentType = request.header("Content-Type");
        RequestBody requestBody = body.length == 0 && !requiresBody(request.method()) ? null
                : RequestBody.create(body, contentType == null ? null : MediaType.parse(contentType));
        return builder.method(request.method(), requestBody).build();
    }

    private static boolean requiresBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    /** Reads the whole body; one larger than the limit fails at once, as a retry would fail the same way. */
    private static byte[] read(ResponseBody body) throws IOException {
        try (InputStream in = body.byteStream()) {
            byte[] bytes = body.contentLength() > MAX_BODY_BYTES ? new byte[0] : in.readNBytes((int) MAX_BODY_BYTES + 1);
            if (body.contentLength() > MAX_BODY_BYTES || bytes.length > MAX_BODY_BYTES) {
                throw ExportException.of(ErrorCode.NETWORK, "A response was larger than " + (MAX_BODY_BYTES >> 20)
                        + " MiB; the platform is not answering as expected.");
            }
            return bytes;
        }
    }

    /** The platform's own verdict that retrying this response cannot help; a plugin's bug counts as none. */
    private Optional<ExportException> finalError(HttpResponse response) {
        try {
            return platform.finalError().apply(response);
        } catch (RuntimeException e) {
            LOG.warn("{} finalError hook failed; retrying as usual: {}", platform.id(), redactor.redact(String.valueOf(e)));
            return Optional.empty();
        }
    }

    private void feedback(HttpResponse response) {
        try {
            platform.onResponse().accept(response, limiter);
        } catch (RuntimeException e) {
            LOG.warn("{} feedback hook failed; ignored: {}", platform.id(), redactor.redact(String.valueOf(e)));
        }
    }

    private Duration backoff(int attempt) {
        return retry.backoff(attempt, ThreadLocalRandom.current());
    }

    /** {@code Retry-After} as seconds or as an HTTP date; absent or unparseable gives empty. */
    Optional<Duration> retryAfter(HttpResponse response) {
        return response.header("Retry-After").flatMap(value -> parseRetryAfter(value.trim(), clock));
    }

    public static Optional<Duration> parseRetryAfter(String value, Clock clock) {
        try {
            long seconds = Long.parseLong(value);
            return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static String describe(IOException e) {
        if (e instanceof InterruptedIOException && String.valueOf(e.getMessage()).contains("timeout")) {
            return "timed out";
        }
        if (e instanceof java.net.SocketTimeoutException) {
            return "timed out";
        }
        if (e instanceof java.net.UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /**
     * Whom the requests serve: a platform, with its hooks, or an enricher's remote service, which has none.
     *
     * @param noun what the messages call it: "platform" or "service"
     */
    record Caller(String id, String displayName, String noun, Function<HttpResponse, Optional<ExportException>> finalError,
                  BiConsumer<HttpResponse, RateLimitControl> onResponse) {

        static Caller of(Platform platform) {
            return new Caller(platform.id(), platform.displayName(), "platform", platform::finalError,
                    platform::onResponse);
        }

        static Caller of(Enricher enricher) {
            return new Caller(enricher.id(), "the " + enricher.id() + " enricher's service", "service",
                    response -> Optional.empty(), (response, rateLimit) -> { });
        }

        /** The display name at the start of a sentence. */
        String subject() {
            return displayName.isEmpty() ? displayName : Character.toUpperCase(displayName.charAt(0)) + displayName.substring(1);
        }
    }
}
