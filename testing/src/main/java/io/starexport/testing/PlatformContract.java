package io.starexport.testing;

import io.starexport.ExportSpec;
import io.starexport.RetryPolicy;
import io.starexport.StarExport;
import io.starexport.api.Checkpoint;
import io.starexport.api.Content;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.api.ExportResult;
import io.starexport.api.Item;
import io.starexport.api.Sort;
import io.starexport.api.Target;
import io.starexport.spi.Credentials;
import io.starexport.spi.Endpoint;
import io.starexport.spi.ExportQuery;
import io.starexport.spi.Extractor;
import io.starexport.spi.HttpResponse;
import io.starexport.spi.OutputFormat;
import io.starexport.spi.Page;
import io.starexport.spi.Platform;
import io.starexport.spi.PlatformContext;
import io.starexport.spi.RateLimit;
import io.starexport.spi.RateLimitControl;
import io.starexport.spi.RecordWriter;
import io.starexport.spi.WriterOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The tests every platform plugin must pass, written once: a platform's test class extends this and supplies
 * its platform, a URL table, a recorded export and an error table; JUnit runs the inherited tests, as
 * bucket4j's backends share {@code AbstractDistributedBucketTest}.
 *
 * <ul>
 *   <li><b>URL table</b>: each URL resolves to the expected target (and its canonical URL to the same
 *       id), fails with the expected code, or is not recognised at all (a look-alike host).</li>
 *   <li><b>Export</b>: the recorded export delivers the expected number of items, each once.</li>
 *   <li><b>Cursor round trip</b>: the export stopped after its first page and resumed from the checkpoint
 *       delivers exactly what the uninterrupted export delivered, in the same order: no duplicates, no gaps.</li>
 *   <li><b>Cursor versions</b>: a checkpoint whose cursor comes from another version of the platform (the
 *       platform kit's {@code <kind>.<version>.<payload>} form with another version, or the bare payload
 *       written before cursors had versions) fails with {@link ErrorCode#OUTPUT} and says to start again.</li>
 *   <li><b>Error mapping</b>: every request answered with the table's status and body fails the export
 *       with the table's code.</li>
 *   <li><b>Secrets</b>: no credential appears in a checkpoint file, a cursor (decoded too) or an error
 *       message.</li>
 * </ul>
 *
 * The two cursor tests are skipped, not passed, when the recorded export has a single page. The engine the
 * contract builds has discovery off, no environment, no retries, a generous rate limit, the platform, the
 * {@linkplain #credentials() credentials} and a format of its own that writes one item id a line;
 * {@link #configure} adds the rest. Tests never touch the internet: the recorded export is served by the
 * subclass (WireMock, a {@link RecordedResponseServer}), the error table by the contract's own loopback server.
 *
 * <pre>{@code
 * class HackerNewsContractTest extends PlatformContract {
 *     protected Platform platform() { return new HackerNewsPlatform(); }
 *     protected List<UrlCase> urlCases() {
 *         return List.of(UrlCase.resolves("https://news.ycombinator.com/item?id=8863", Target.Kind.POST, "8863",
 *                         "https://news.ycombinator.com/item?id=8863"),
 *                 UrlCase.fails("https://news.ycombinator.com/item?id=abc", ErrorCode.INVALID_URL),
 *                 UrlCase.notRecognised("https://news.ycombinator.com.evil.example/item?id=8863"));
 *     }
 *     ...
 * }
 * }</pre>
 */
public abstract class PlatformContract {
    private static final String FORMAT = "contract-ids";
    private static final Pattern VERSIONED = Pattern.compile("([a-z][a-z0-9-]*)\\.([0-9]+)\\.([A-Za-z0-9_-]*)");

    /** For subclasses. */
    protected PlatformContract() {
    }

    /** The platform under test, configured as the recorded export needs (a backend, options). */
    protected abstract Platform platform();

    /** URLs the platform must resolve, refuse, or leave to other platforms. */
    protected abstract List<UrlCase> urlCases();

    /**
     * Serves the pages of one export (stubs a WireMock server, starts a {@link RecordedResponseServer}) and
     * describes it. Called once by each test that runs it.
     */
    protected abstract RecordedExport recordedExport();

    /** Responses the platform answers and the error code each must give; at least one. */
    protected abstract List<ErrorCase> errorCases();

    /**
     * Points the engine at a test server: every endpoint of the platform at {@code baseUrl} (plus the path
     * prefix the platform's real endpoint has, if any), and any other setting the platform needs. The
     * contract has set discovery, environment, the platform, the format, the retry policy, the rate limit
     * and the credentials already.
     */
    protected abstract void configure(StarExport.Builder engine, String baseUrl);

    /**
     * The credentials the export uses, by name; none by default. Their values must never be written or shown; a
     * credential holding cookies ({@code name=value; ...}) is checked cookie by cookie too.
     */
    protected Map<String, String> credentials() {
        return Map.of();
    }

    // ---- the tests --------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> urlTable() {
        List<UrlCase> cases = urlCases();
        assertTrue(cases.stream().anyMatch(UrlCase.Resolves.class::isInstance)
                        && cases.stream().anyMatch(UrlCase.NotRecognised.class::isInstance),
                "the URL table needs at least one URL that resolves and one look-alike that must not");
        Platform platform = platform();
        return cases.stream().map(row -> DynamicTest.dynamicTest(row.toString(), () -> check(platform, row)));
    }

    @Test
    void exportsEveryRecordedItemOnce(@TempDir Path dir) throws IOException {
        RecordedExport export = recordedExport();
        Path file = dir.resolve("full.ids");
        ExportResult result;
        try (StarExport star = engine(platform(), export.baseUrl())) {
            result = spec(star, export, file).run();
        }
        List<String> ids = Files.readAllLines(file);
        assertEquals(export.items(), result.items(), "items delivered");
        assertEquals(export.items(), ids.size(), "lines written");
        assertEquals(ids.size(), new HashSet<>(ids).size(), "an item was written twice: " + ids);
    }

    @Test
    void resumesFromTheCheckpointWithoutDuplicatesOrGaps(@TempDir Path dir) throws IOException {
        RecordedExport export = recordedExport();
        List<String> uninterrupted = uninterrupted(export, dir);
        Interrupted stopped = interrupt(export, dir);
        try (StarExport star = engine(platform(), export.baseUrl())) {
            star.resume(stopped.checkpointFile()).run();
        }
        assertEquals(uninterrupted, Files.readAllLines(stopped.file()),
                "the resumed export differs from the uninterrupted one");
    }

    @Test
    void refusesACursorFromAnotherVersionAndSaysToStartAgain(@TempDir Path dir) throws IOException {
        RecordedExport export = recordedExport();
        uninterrupted(export, dir);
        Interrupted stopped = interrupt(export, dir);
        Matcher cursor = VERSIONED.matcher(stopped.cursor());
        if (!cursor.matches()) {
            fail("the cursor '" + stopped.cursor() + "' has no kind and version; write it with the platform kit's CursorCodec");
        }
        String checkpoint = Files.readString(stopped.checkpointFile());
        String newer = cursor.group(1) + "." + (Long.parseLong(cursor.group(2)) + 1) + "." + cursor.group(3);
        for (String foreign : List.of(newer, cursor.group(3))) {
            Files.writeString(stopped.checkpointFile(), checkpoint.replace('"' + stopped.cursor() + '"', '"' + foreign + '"'));
            ExportException refused;
            try (StarExport star = engine(platform(), export.baseUrl())) {
                refused = assertThrows(ExportException.class, () -> star.resume(stopped.checkpointFile()).run(),
                        "resuming from the cursor " + foreign);
            }
            assertEquals(ErrorCode.OUTPUT, refused.code(), refused.getMessage());
            assertTrue(refused.getMessage().contains("again"), "the message says to start again: " + refused.getMessage());
        }
    }

    @TestFactory
    Stream<DynamicTest> mapsErrorResponsesToErrorCodes() {
        List<ErrorCase> cases = errorCases();
        assertFalse(cases.isEmpty(), "the error table needs at least one row");
        RecordedExport export = recordedExport();
        return cases.stream().map(row -> DynamicTest.dynamicTest(row.toString(), () -> {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            headers.put("Content-Type", List.of(row.contentType()));
            row.headers().forEach((name, value) -> headers.put(name, List.of(value)));
            LoopbackHttp.Reply reply = new LoopbackHttp.Reply(row.status(), headers, row.body().getBytes(StandardCharsets.UTF_8));
            try (LoopbackHttp server = new LoopbackHttp("contract", request -> reply);
                 StarExport star = engine(platform(), server.baseUrl().toString());
                 Stream<Item> items = stream(star, export)) {
                ExportException error = assertThrows(ExportException.class, () -> items.forEach(item -> { }));
                assertEquals(row.expected(), error.code(), error.getMessage());
                assertNoSecret("the error message", error.getMessage());
            }
        }));
    }

    @Test
    void keepsCredentialsOutOfCheckpointsCursorsAndMessages(@TempDir Path dir) throws IOException {
        Assumptions.assumeFalse(credentials().isEmpty(), "the export uses no credentials");
        RecordedExport export = recordedExport();
        uninterrupted(export, dir);
        Interrupted stopped = interrupt(export, dir);
        assertNoSecret("the checkpoint file", Files.readString(stopped.checkpointFile()));
        assertNoSecret("the error message", stopped.error().getMessage());
        assertNoSecret("the cursor", stopped.cursor());
        String payload = stopped.cursor().substring(stopped.cursor().lastIndexOf('.') + 1);
        try {
            assertNoSecret("the decoded cursor", new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            // a cursor that is not base64url was checked as it is
        }
    }

    // ---- the table rows ---------------------------------------------------------------------------------

    /** One row of the URL table. */
    public sealed interface UrlCase {
        /** The URL as a user would paste it. */
        String url();

        /** A URL the platform resolves to a target of this kind and id, with this canonical URL. */
        static UrlCase resolves(String url, Target.Kind kind, String id, String canonicalUrl) {
            return new Resolves(url, kind, id, canonicalUrl);
        }

        /** A URL of the platform's hosts that it refuses with this code ({@code INVALID_URL}, {@code UNSUPPORTED_CONTENT}). */
        static UrlCase fails(String url, ErrorCode code) {
            return new Fails(url, code);
        }

        /** A URL the platform must leave alone: another host, or a look-alike such as {@code youtube.com.evil.example}. */
        static UrlCase notRecognised(String url) {
            return new NotRecognised(url);
        }

        /**
         * A URL that resolves.
         *
         * @param url          the URL
         * @param kind         the target's kind
         * @param id           the target's id
         * @param canonicalUrl the target's canonical URL
         */
        record Resolves(String url, Target.Kind kind, String id, String canonicalUrl) implements UrlCase {
            @Override
            public String toString() {
                return url + " -> " + kind + " " + id;
            }
        }

        /**
         * A URL that fails.
         *
         * @param url  the URL
         * @param code the code it fails with
         */
        record Fails(String url, ErrorCode code) implements UrlCase {
            @Override
            public String toString() {
                return url + " -> " + code;
            }
        }

        /**
         * A URL that is not the platform's.
         *
         * @param url the URL
         */
        record NotRecognised(String url) implements UrlCase {
            @Override
            public String toString() {
                return url + " -> not recognised";
            }
        }
    }

    /**
     * One export the subclass serves.
     *
     * @param baseUrl the test server the recorded pages are served from
     * @param url     the URL to export
     * @param content what to export
     * @param replies whether to export replies too
     * @param limit   the export's limit, if any (for recordings that continue beyond what was recorded)
     * @param items   how many items the export delivers
     */
    public record RecordedExport(String baseUrl, String url, Content content, boolean replies, OptionalLong limit,
                                 long items) {
        /** Checks the values. */
        public RecordedExport {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(limit, "limit");
            if (items < 1) {
                throw new IllegalArgumentException("a recorded export needs at least one item, but items was " + items);
            }
        }

        /** An export without replies or limit. */
        public static RecordedExport of(String baseUrl, String url, Content content, long items) {
            return new RecordedExport(baseUrl, url, content, false, OptionalLong.empty(), items);
        }

        /** A copy that exports replies too. */
        public RecordedExport withReplies() {
            return new RecordedExport(baseUrl, url, content, true, limit, items);
        }

        /** A copy with a limit. */
        public RecordedExport withLimit(long limit) {
            return new RecordedExport(baseUrl, url, content, replies, OptionalLong.of(limit), items);
        }
    }

    /**
     * One row of the error table: every request is answered with this status, headers and body.
     *
     * @param name        what the row stands for, shown as the test's name
     * @param status      the HTTP status
     * @param contentType the body's media type
     * @param headers     further headers
     * @param body        the body
     * @param expected    the code the export must fail with
     */
    public record ErrorCase(String name, int status, String contentType, Map<String, String> headers, String body,
                            ErrorCode expected) {
        /** Checks and copies the values. */
        public ErrorCase {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(contentType, "contentType");
            headers = Map.copyOf(headers);
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(expected, "expected");
        }

        /** A JSON answer. */
        public static ErrorCase json(String name, int status, String body, ErrorCode expected) {
            return new ErrorCase(name, status, "application/json; charset=utf-8", Map.of(), body, expected);
        }

        /** An HTML answer (a login wall, a captcha page). */
        public static ErrorCase html(String name, int status, String body, ErrorCode expected) {
            return new ErrorCase(name, status, "text/html; charset=utf-8", Map.of(), body, expected);
        }

        /** A copy with one more header. */
        public ErrorCase withHeader(String header, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(header, value);
            return new ErrorCase(name, status, contentType, more, body, expected);
        }

        @Override
        public String toString() {
            return name + ": HTTP " + status + " -> " + expected;
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private static void check(Platform platform, UrlCase row) {
        URI url = URI.create(row.url());
        if (row instanceof UrlCase.Resolves expected) {
            Target target = platform.resolve(url).orElseThrow(() -> new AssertionError(row.url() + " was not recognised"));
            assertEquals(platform.id(), target.platform(), "platform of " + row.url());
            assertEquals(expected.kind(), target.kind(), "kind of " + row.url());
            assertEquals(expected.id(), target.id(), "id of " + row.url());
            assertEquals(expected.canonicalUrl(), target.url(), "canonical URL of " + row.url());
            Target again = platform.resolve(URI.create(target.url()))
                    .orElseThrow(() -> new AssertionError("the canonical URL " + target.url() + " was not recognised"));
            // Same id; the kind may be what the URL alone tells (a Hacker News comment's page is an item page).
            assertEquals(target.id(), again.id(), "the canonical URL " + target.url() + " resolves to another target");
        } else if (row instanceof UrlCase.Fails expected) {
            ExportException error = assertThrows(ExportException.class, () -> platform.resolve(url), row.url());
            assertEquals(expected.code(), error.code(), error.getMessage());
        } else {
            assertEquals(Optional.empty(), platform.resolve(url), row.url() + " must be left to other platforms");
        }
    }

    private StarExport engine(Platform platform, String baseUrl) {
        StarExport.Builder builder = StarExport.builder().discovery(false).environment(Map.of()).platform(platform)
                .format(new IdLines()).retryPolicy(RetryPolicy.none()).rateLimit(platform.id(), RateLimit.perSecond(1000));
        credentials().forEach((name, value) -> builder.credential(platform.id(), name, value));
        configure(builder, baseUrl);
        return builder.build();
    }

    private static ExportSpec<Item> spec(StarExport star, RecordedExport export, Path file) {
        ExportSpec<Item> spec = star.export(export.url()).<Item>content(export.content()).replies(export.replies())
                .to(file, FORMAT);
        return export.limit().isPresent() ? spec.limit(export.limit().getAsLong()) : spec;
    }

    private static Stream<Item> stream(StarExport star, RecordedExport export) {
        ExportSpec<Item> spec = star.export(export.url()).<Item>content(export.content()).replies(export.replies());
        return (export.limit().isPresent() ? spec.limit(export.limit().getAsLong()) : spec).stream();
    }

    /** The ids the export writes uninterrupted; skips the calling test when that takes a single page. */
    private List<String> uninterrupted(RecordedExport export, Path dir) throws IOException {
        Path file = dir.resolve("uninterrupted.ids");
        AtomicInteger pages = new AtomicInteger();
        try (StarExport star = engine(new Stopping(platform(), Integer.MAX_VALUE, pages), export.baseUrl())) {
            spec(star, export, file).run();
        }
        Assumptions.assumeTrue(pages.get() > 1, "the recorded export has a single page, so it has no cursor to resume from");
        return Files.readAllLines(file);
    }

    private record Interrupted(Path file, Path checkpointFile, ExportException error, String cursor) {
    }

    /** Runs the export until its first page is written, then fails it as a lost connection would. */
    private Interrupted interrupt(RecordedExport export, Path dir) {
        Path file = dir.resolve("resumed.ids");
        ExportException error;
        try (StarExport star = engine(new Stopping(platform(), 1, new AtomicInteger()), export.baseUrl())) {
            error = assertThrows(ExportException.class, () -> spec(star, export, file).run(),
                    "the export was stopped after its first page");
        }
        assertEquals(ErrorCode.NETWORK, error.code(), error.getMessage());
        Path checkpointFile = dir.resolve(file.getFileName() + ".checkpoint.json");
        assertTrue(Files.exists(checkpointFile), "a checkpoint was written: " + checkpointFile);
        String cursor = error.checkpoint().flatMap(Checkpoint::cursor)
                .orElseThrow(() -> new AssertionError("the checkpoint after the first page has no cursor"));
        return new Interrupted(file, checkpointFile, error, cursor);
    }

    /** No credential value, nor any value of a credential holding cookies ({@code name=value; ...}), is in the text. */
    private void assertNoSecret(String where, String text) {
        credentials().forEach((name, value) -> {
            List<String> secrets = new ArrayList<>(List.of(value));
            for (String cookie : value.split(";")) {
                String part = cookie.substring(cookie.indexOf('=') + 1).trim();
                if (part.length() >= 8 && cookie.contains("=")) {
                    secrets.add(part);
                }
            }
            secrets.forEach(secret -> assertFalse(text != null && text.contains(secret),
                    where + " contains (part of) the credential '" + name + "'"));
        });
    }

    /** The platform, with an extractor that fails like a lost connection once it has delivered some pages. */
    private static final class Stopping implements Platform {
        private final Platform platform;
        private final int pagesBeforeFailure;
        private final AtomicInteger pages;

        Stopping(Platform platform, int pagesBeforeFailure, AtomicInteger pages) {
            this.platform = platform;
            this.pagesBeforeFailure = pagesBeforeFailure;
            this.pages = pages;
        }

        @Override
        public Extractor<? extends Item> extractor(ExportQuery query, PlatformContext context) {
            return stopping(platform.extractor(query, context));
        }

        private <T extends Item> Extractor<T> stopping(Extractor<T> extractor) {
            return request -> {
                if (pages.get() >= pagesBeforeFailure) {
                    throw ExportException.of(ErrorCode.NETWORK, "The platform contract stopped this export after "
                            + pages.get() + " page(s), as a lost connection would.");
                }
                Page<T> page = extractor.fetch(request);
                pages.incrementAndGet();
                return page;
            };
        }

        @Override
        public int spiVersion() {
            return platform.spiVersion();
        }

        @Override
        public String id() {
            return platform.id();
        }

        @Override
        public String displayName() {
            return platform.displayName();
        }

        @Override
        public Optional<Target> resolve(URI url) {
            return platform.resolve(url);
        }

        @Override
        public Set<Content> contents(Target.Kind kind) {
            return platform.contents(kind);
        }

        @Override
        public Set<Sort> sorts(Content content) {
            return platform.sorts(content);
        }

        @Override
        public RateLimit defaultRateLimit(Credentials credentials) {
            return platform.defaultRateLimit(credentials);
        }

        @Override
        public List<Endpoint> endpoints() {
            return platform.endpoints();
        }

        @Override
        public List<String> credentialNames() {
            return platform.credentialNames();
        }

        @Override
        public Set<String> mediaHosts() {
            return platform.mediaHosts();
        }

        @Override
        public void onResponse(HttpResponse response, RateLimitControl rateLimit) {
            platform.onResponse(response, rateLimit);
        }

        @Override
        public Optional<ExportException> finalError(HttpResponse response) {
            return platform.finalError(response);
        }
    }

    /** One item id a line: all the contract needs to compare exports, and appendable for resumes. */
    private static final class IdLines implements OutputFormat {
        @Override
        public String id() {
            return FORMAT;
        }

        @Override
        public List<String> extensions() {
            return List.of("ids");
        }

        @Override
        public String mediaType() {
            return "text/plain";
        }

        @Override
        public RecordWriter open(OutputStream out, WriterOptions options) {
            return new RecordWriter() {
                @Override
                public void write(Item item) throws IOException {
                    out.write((item.id() + "\n").getBytes(StandardCharsets.UTF_8));
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.close();
                }
            };
        }
    }
}
