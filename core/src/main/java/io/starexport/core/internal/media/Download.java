package io.starexport.core.internal.media;

import io.starexport.core.internal.Cancellation;
import io.starexport.core.internal.EngineHttp;
import io.starexport.core.internal.RateLimiter;
import io.starexport.media.MediaOptions;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads one file into {@code <name>.part}, resuming with {@code Range} from what an earlier attempt
 * or run left, following redirects only to allowed hosts, checking content type and size, and hashing
 * the bytes. Failures that may pass (I/O, 429, 5xx, a short body) are retried as API calls are.
 */
final class Download {
    static final String PART_SUFFIX = ".part";
    private static final int MAX_REDIRECTS = 5;
    private static final int BUFFER = 64 * 1024;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final MediaStage.Settings settings;
    private final MediaOptions options;
    private final MediaHosts hosts;
    private final RateLimiter limiter;
    private final Cancellation cancellation;
    private final AtomicLong totalBytes;
    private final Set<Call> calls = ConcurrentHashMap.newKeySet();

    Download(MediaStage.Settings settings, MediaHosts hosts, RateLimiter limiter, Cancellation cancellation,
             AtomicLong totalBytes) {
        this.settings = settings;
        this.options = settings.options();
        this.hosts = hosts;
        this.limiter = limiter;
        this.cancellation = cancellation;
        this.totalBytes = totalBytes;
    }

    /** A complete download, still under its {@code .part} name. */
    record Result(Path part, long size, String sha256, String contentType) {
    }

    /** A failure that retrying will not fix (refused host, type or size, HTTP 4xx), or retries ran out. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /** A failure that may pass; {@code retryAfter} is the server's wish, when it said. */
    private static final class Retryable extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Optional<Duration> retryAfter;

        Retryable(String message, Optional<Duration> retryAfter) {
            super(message, null, false, false);
            this.retryAfter = retryAfter;
        }
    }

    static Path partOf(Path target) {
        return target.resolveSibling(target.getFileName() + PART_SUFFIX);
    }

    Result fetch(MediaStage.FileTask task, Path target) {
        for (int attempt = 1; ; attempt++) {
            cancellation.check();
            task.attempts++;
            try {
                return attempt(task, target);
            } catch (Retryable e) {
                cancellation.check();
                boolean waitTooLong = e.retryAfter.isPresent()
                        && e.retryAfter.get().compareTo(settings.retry().maxRetryAfter()) > 0;
                if (attempt >= settings.retry().maxAttempts() || waitTooLong) {
                    throw new Failure(e.getMessage() + " (after " + attempt + " attempt" + (attempt == 1 ? "" : "s")
                            + ")");
                }
                int failedAttempt = attempt;
                cancellation.sleep(e.retryAfter.orElseGet(() -> backoff(failedAttempt)));
            }
        }
    }

    private Result attempt(MediaStage.FileTask task, Path target) throws Retryable {
        Path part = partOf(target);
        long have = size(part);
        Sent sent = send(HttpUrl.parse(task.url), have);
        try (Response response = sent.response()) {
            int status = response.code();
            if (status == 429 || (status >= 500 && status != 501 && status != 505)) {
                String header = response.header("Retry-After");
                Optional<Duration> retryAfter = header == null ? Optional.empty()
                        : EngineHttp.parseRetryAfter(header.trim(), settings.clock());
                if (status == 429) {
                    retryAfter.ifPresent(limiter::pauseFor);
                }
                throw new Retryable("HTTP " + status, retryAfter);
            }
            if (status == 416) {
                // Our part no longer fits the file the server has; start again from nothing.
                delete(part);
                throw new Retryable("HTTP 416: the server could not resume at byte " + have, Optional.empty());
            }
            if (status != 200 && status != 206) {
                throw new Failure("HTTP " + status);
            }
            ResponseBody body = response.body();
            String contentType = contentType(body.contentType());
            if (!accepted(contentType)) {
                throw new Failure("content type " + contentType + " is not accepted (accepted: "
                        + options.contentTypes() + ")");
            }
            long start = 0;
            long total = body.contentLength();
            if (status == 206) {
                Matcher range = CONTENT_RANGE.matcher(String.valueOf(response.header("Content-Range")));
                if (!range.matches() || Long.parseLong(range.group(1)) != have) {
                    delete(part);
                    throw new Retryable("the server resumed at another byte than " + have, Optional.empty());
                }
                start = have;
                total = range.group(3).equals("*") ? -1 : Long.parseLong(range.group(3));
            }
            if (total > options.maxFileSize()) {
                delete(part);
                throw new Failure("the file has " + total + " bytes, over the limit of " + options.maxFileSize());
            }
            task.expected = total < 0 ? -1 : task.received.get() + total - start;
            return write(task, part, body, start, total, contentType);
        } finally {
            calls.remove(sent.call());
        }
    }

    /** A response and the call that got it, tracked until the response is read. */
    private record Sent(Response response, Call call) {
    }

    private Result write(MediaStage.FileTask task, Path part, ResponseBody body, long start, long total,
                         String contentType) throws Retryable {
        MessageDigest sha = MediaStage.sha256();
        long size = start;
        boolean overLimit = false;
        try {
            Files.createDirectories(part.getParent());
            if (start > 0) {
                hashExisting(part, start, sha);
            }
            try (InputStream in = body.byteStream();
                 OutputStream out = start > 0
                         ? Files.newOutputStream(part, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                         : Files.newOutputStream(part)) {
                byte[] buffer = new byte[BUFFER];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (size + n > options.maxFileSize()) {
                        overLimit = true;
                        break;
                    }
                    size += n;
                    out.write(buffer, 0, n);
                    sha.update(buffer, 0, n);
                    task.received.addAndGet(n);
                    totalBytes.addAndGet(n);
                }
            }
        } catch (IOException e) {
            cancellation.check();
            throw new Retryable("the transfer broke off after " + size + " bytes: " + describe(e), Optional.empty());
        }
        if (overLimit) {
            delete(part);
            throw new Failure("the file grew past the limit of " + options.maxFileSize() + " bytes while downloading");
        }
        if (total >= 0 && size != total) {
            if (size > total) {
                delete(part);
            }
            throw new Retryable("received " + size + " of " + total + " bytes", Optional.empty());
        }
        return new Result(part, size, HexFormat.of().formatHex(sha.digest()), contentType);
    }

    /** Sends a GET, following redirects itself so that every hop is checked against the allowed hosts. */
    private Sent send(HttpUrl url, long from) throws Retryable {
        HttpUrl current = url;
        for (int hops = 0; ; hops++) {
            if (current == null || !hosts.allows(current)) {
                String host = current == null ? "an unusable URL" : "host " + current.host();
                throw new Failure((hops == 0 ? "refused: " : "refused a redirect to ") + host + ", which is not a "
                        + "media host of " + settings.platformName() + " " + hosts);
            }
            limiter.acquire(cancellation);
            Request.Builder request = new Request.Builder().url(current)
                    .header("User-Agent", settings.userAgent())
                    .header("Accept-Encoding", "identity");
            if (from > 0) {
                request.header("Range", "bytes=" + from + "-");
            }
            Call call = settings.client().newCall(request.build());
            calls.add(call);
            Response response;
            try {
                response = call.execute();
            } catch (IOException e) {
                calls.remove(call);
                cancellation.check();
                throw new Retryable(describe(e), Optional.empty());
            }
            if (!response.isRedirect()) {
                return new Sent(response, call);
            }
            calls.remove(call);
            String location = response.header("Location");
            response.close();
            if (hops == MAX_REDIRECTS) {
                throw new Failure("more than " + MAX_REDIRECTS + " redirects");
            }
            current = location == null ? null : current.resolve(location);
        }
    }

    /** Cancels every call in flight, so a stopped stage does not wait for slow transfers. */
    void cancelCalls() {
        calls.forEach(Call::cancel);
    }

    private boolean accepted(String contentType) {
        for (String pattern : options.contentTypes()) {
            if (pattern.endsWith("/*") ? contentType.startsWith(pattern.substring(0, pattern.length() - 1))
                    : contentType.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    private static String contentType(MediaType type) {
        return type == null ? "application/octet-stream"
                : (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT);
    }

    private static void hashExisting(Path part, long length, MessageDigest sha) throws IOException {
        try (InputStream in = Files.newInputStream(part)) {
            byte[] buffer = new byte[BUFFER];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("the partial file shrank while resuming");
                }
                sha.update(buffer, 0, n);
                left -= n;
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The next attempt truncates it.
        }
    }

    private Duration backoff(int attempt) {
        return settings.retry().backoff(attempt, ThreadLocalRandom.current());
    }

    private static String describe(IOException e) {
        if (e instanceof InterruptedIOException || e instanceof java.net.SocketTimeoutException) {
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
}
