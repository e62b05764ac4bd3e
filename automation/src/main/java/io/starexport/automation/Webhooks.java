package io.starexport.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.RetryPolicy;
import io.starexport.api.ExportEvent;
import io.starexport.api.ExportException;
import io.starexport.api.ExportListener;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;

/**
 * Signed webhook deliveries of job, schedule and workflow events: register endpoints, and each event is POSTed
 * as JSON to every enabled webhook that asked for it, with {@code X-Signature} = lower-case hex HMAC-SHA256 of
 * the raw body keyed with the webhook's secret (check it with {@link #verify}).
 *
 * <pre>{@code
 * Webhooks webhooks = Webhooks.builder().directory(dir.resolve("webhooks")).build();
 * WebhookRegistration created = webhooks.register("https://example.com/hooks", Set.of(WebhookEvent.EXPORT_FINISHED));
 * store(created.secret());                          // shown this once
 * JobExecutor jobs = JobExecutor.builder(star).listener(webhooks.listener()).build();
 * }</pre>
 *
 * <p><b>Payload.</b> {@code {"version": "1", "event": "export.finished", "message_id": "msg_…", "timestamp":
 * "2026-12-07T09:00:00Z", "data": {…}}}; for job events {@code data} holds the job's {@code id},
 * {@code status} ({@code queued}, {@code succeeded}, {@code failed}, {@code cancelled}), {@code url},
 * {@code items} and, once finished, {@code files}; failures add {@code error} with its {@code code} and
 * {@code message}.
 *
 * <p><b>Delivery.</b> Deliveries run on this object's own threads, so a slow or dead receiver never delays an
 * export. An attempt that fails with a network error, a timeout or a 5xx answer is retried after the retry
 * policy's backoff; 2xx counts as delivered, anything else as failed. After {@value #SUSPEND_AFTER}
 * consecutive failed deliveries the webhook is {@link WebhookStatus#SUSPENDED} and gets nothing until
 * {@link #toggle} turns it back on. Redirects are not followed.
 *
 * <p><b>Targets.</b> Only {@code https} URLs, unless {@link Builder#allowHttpOnLoopback()}; hosts that resolve
 * to private, link-local, shared or loopback addresses are refused, when registered and when each delivery
 * connects, unless {@link Builder#allowPrivateAddresses()}. Cloud metadata addresses are always refused.
 *
 * <p><b>Storage.</b> With {@link Builder#directory(Path)} each webhook, its secret and its last
 * {@value #LOG_SIZE} deliveries (bodies included, for {@link #resend}) live in {@code <id>.json}, readable by
 * the owner only; otherwise in memory. Secrets never appear in logs, messages or {@code toString()}.
 * Thread-safe.
 */
public final class Webhooks implements AutoCloseable {
    /** Consecutive failed deliveries that suspend a webhook. */
    public static final int SUSPEND_AFTER = 30;
    /** Deliveries kept per webhook. */
    public static final int LOG_SIZE = 100;

    private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final SecureRandom SECRETS = new SecureRandom();

    private final Optional<Documents> documents;
    private final Clock clock;
    private final RetryPolicy retry;
    private final RandomGenerator random;
    private final Targets targets;
    private final OkHttpClient http;
    private final ScheduledThreadPoolExecutor threads;
    private final Map<UUID, State> webhooks = new LinkedHashMap<>();
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<Call> calls = ConcurrentHashMap.newKeySet();
    private final Map<UUID, String> jobUrls = new ConcurrentHashMap<>();
    private boolean closed;

    private Webhooks(Builder builder) {
        this.documents = Optional.ofNullable(builder.directory).map(Documents::new);
        this.clock = builder.clock;
        this.retry = builder.retry;
        this.random = builder.random;
        this.targets = new Targets(builder.httpOnLoopback, builder.privateAddresses);
        this.http = new OkHttpClient.Builder().dns(targets).followRedirects(false).followSslRedirects(false)
                .retryOnConnectionFailure(false).callTimeout(builder.timeout).connectTimeout(builder.timeout)
                .readTimeout(builder.timeout).writeTimeout(builder.timeout).build();
        this.threads = new ScheduledThreadPoolExecutor(builder.threads, runnable -> {
            Thread thread = new Thread(runnable, "starexport-webhooks");
            thread.setDaemon(true);
            return thread;
        });
        this.threads.setRemoveOnCancelPolicy(true);
        documents.ifPresent(docs -> docs.loadAll().forEach(doc -> {
            State state = State.read(doc);
            webhooks.put(state.id, state);
        }));
    }

    /** A builder with the defaults: in memory, system clock, 5 attempts from 1 s backoff, 10 s timeout. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks a delivery the way a receiver should: recomputes HMAC-SHA256 of the raw body with the secret and
     * compares it with the {@code X-Signature} header in constant time.
     *
     * @param body      the raw request body, exactly as received
     * @param signature the {@code X-Signature} header; null or malformed gives false
     * @param secret    the webhook's signing secret
     */
    public static boolean verify(byte[] body, String signature, String secret) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(secret, "secret");
        if (signature == null) {
            return false;
        }
        byte[] expected = sign(body, secret).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII));
    }

    static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /**
     * Registers an enabled webhook; see {@link #register(String, Set, boolean)}.
     */
    public WebhookRegistration register(String url, Set<WebhookEvent> events) {
        return register(url, events, true);
    }

    /**
     * Registers a webhook with a new random signing secret, returned this once.
     *
     * @throws ExportException          {@code INVALID_URL} when the URL is not an allowed target
     * @throws IllegalArgumentException when {@code events} is empty
     */
    public WebhookRegistration register(String url, Set<WebhookEvent> events, boolean enabled) {
        URI uri = targets.check(Objects.requireNonNull(url, "url"));
        Set<WebhookEvent> kinds = events(events);
        String secret = newSecret();
        synchronized (this) {
            open();
            State state = new State(UUID.randomUUID(), uri, kinds, enabled ? WebhookStatus.ENABLED : WebhookStatus.DISABLED,
                    secret, clock.instant());
            webhooks.put(state.id, state);
            save(state);
            return new WebhookRegistration(state.view(), secret);
        }
    }

    /** Every webhook, oldest first. */
    public synchronized List<Webhook> list() {
        return webhooks.values().stream().map(State::view).toList();
    }

    /** The webhook with this id. */
    public synchronized Optional<Webhook> get(UUID id) {
        return Optional.ofNullable(webhooks.get(id)).map(State::view);
    }

    /**
     * Changes a webhook's URL and events; the secret and status stay.
     *
     * @throws ExportException          {@code INVALID_URL} as {@link #register}
     * @throws IllegalArgumentException when no webhook has this id or {@code events} is empty
     */
    public Webhook update(UUID id, String url, Set<WebhookEvent> events) {
        URI uri = targets.check(Objects.requireNonNull(url, "url"));
        Set<WebhookEvent> kinds = events(events);
        synchronized (this) {
            State state = state(id);
            state.url = uri;
            state.events = kinds;
            save(state);
            return state.view();
        }
    }

    /**
     * Replaces a webhook's signing secret with a new random one, returned this once; later deliveries are
     * signed with it.
     *
     * @throws IllegalArgumentException when no webhook has this id
     */
    public synchronized String rotateSecret(UUID id) {
        State state = state(id);
        state.secret = newSecret();
        save(state);
        return state.secret;
    }

    /**
     * Switches a webhook between enabled and disabled; a suspended webhook becomes enabled, with its failure
     * count reset.
     *
     * @throws IllegalArgumentException when no webhook has this id
     */
    public synchronized Webhook toggle(UUID id) {
        State state = state(id);
        state.status = state.status == WebhookStatus.ENABLED ? WebhookStatus.DISABLED : WebhookStatus.ENABLED;
        state.failures = 0;
        save(state);
        return state.view();
    }

    /**
     * Deletes a webhook and its delivery log; deliveries in flight finish but are not logged.
     *
     * @return false when no webhook had this id
     */
    public synchronized boolean delete(UUID id) {
        if (webhooks.remove(id) == null) {
            return false;
        }
        documents.ifPresent(docs -> docs.delete(id.toString()));
        return true;
    }

    /**
     * A webhook's delivery log, newest first, at most {@value #LOG_SIZE}.
     *
     * @throws IllegalArgumentException when no webhook has this id
     */
    public synchronized List<Delivery> deliveries(UUID id) {
        List<Delivery> log = new ArrayList<>();
        state(id).log.descendingIterator().forEachRemaining(entry -> log.add(entry.delivery));
        return log;
    }

    /** Totals over every webhook's delivery log. */
    public synchronized DeliverySummary summary() {
        long total = 0;
        long ok = 0;
        long failed = 0;
        for (State state : webhooks.values()) {
            for (Entry entry : state.log) {
                if (entry.delivery.attempts() == 0) {
                    continue;
                }
                total++;
                if (entry.delivery.delivered()) {
                    ok++;
                } else {
                    failed++;
                }
            }
        }
        int active = (int) webhooks.values().stream().filter(s -> s.status == WebhookStatus.ENABLED).count();
        return new DeliverySummary(webhooks.size(), active, total, ok, failed);
    }

    /**
     * Sends a logged delivery again, with the same body and {@code message_id} and a fresh signature.
     *
     * @return the delivery as logged once the resend is done
     * @throws IllegalArgumentException when no delivery has this message id
     * @throws IllegalStateException    when its webhook is not enabled
     */
    public CompletableFuture<Delivery> resend(String messageId) {
        Objects.requireNonNull(messageId, "messageId");
        synchronized (this) {
            open();
            for (State state : webhooks.values()) {
                for (Entry entry : state.log) {
                    if (entry.delivery.messageId().equals(messageId)) {
                        if (state.status != WebhookStatus.ENABLED) {
                            throw new IllegalStateException("Webhook " + state.id + " is " + state.status
                                    + "; enable it with toggle() before resending");
                        }
                        return start(state, entry);
                    }
                }
            }
        }
        throw new IllegalArgumentException("No logged delivery has message id " + messageId);
    }

    /**
     * Sends an event to every enabled webhook that asked for it. Schedules and workflows call this; hosts may
     * too, for their own events of these kinds.
     *
     * @param data the {@code data} object of the payload: JSON-like values (strings, numbers, booleans, lists, maps)
     * @return the deliveries, once each is done (after its retries)
     */
    public CompletableFuture<List<Delivery>> publish(WebhookEvent event, Map<String, ?> data) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(data, "data");
        String messageId = "msg_" + UUID.randomUUID().toString().replace("-", "");
        ObjectNode payload = Documents.JSON.createObjectNode();
        payload.put("version", "1");
        payload.put("event", event.wireName());
        payload.put("message_id", messageId);
        payload.put("timestamp", clock.instant().toString());
        payload.set("data", Documents.JSON.valueToTree(data));
        byte[] body;
        try {
            body = Documents.JSON.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("The event data is not JSON-like: " + e.getMessage(), e);
        }
        List<CompletableFuture<Delivery>> sent = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return CompletableFuture.completedFuture(List.of());
            }
            for (State state : webhooks.values()) {
                if (state.status == WebhookStatus.ENABLED && state.events.contains(event)) {
                    Entry entry = new Entry(new Delivery(messageId, state.id, event, clock.instant(), OptionalInt.empty(),
                            0, Duration.ZERO, false, Optional.empty()), body);
                    state.log.addLast(entry);
                    while (state.log.size() > LOG_SIZE) {
                        state.log.removeFirst();
                    }
                    sent.add(start(state, entry));
                }
            }
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                .thenApply(done -> sent.stream().map(CompletableFuture::join).toList());
    }

    /**
     * The listener to give {@code JobExecutor.Builder.listener(...)}: it turns job events into
     * {@code export.*} deliveries. It only queues work, so it never slows a job.
     */
    public ExportListener listener() {
        return new ExportListener() {
            @Override
            public void onCreated(ExportEvent.Created event) {
                jobUrls.put(event.exportId(), event.url());
                publish(WebhookEvent.EXPORT_CREATED, job(event.exportId(), "queued", null));
            }

            @Override
            public void onFinished(ExportEvent.Finished event) {
                Map<String, Object> data = job(event.exportId(), "succeeded", event.result().items());
                data.put("files", event.result().files().stream().map(Path::toString).toList());
                jobUrls.remove(event.exportId());
                publish(WebhookEvent.EXPORT_FINISHED, data);
            }

            @Override
            public void onFailed(ExportEvent.Failed event) {
                Map<String, Object> data = job(event.exportId(), "failed", event.progress().items());
                data.put("error", error(event.error()));
                jobUrls.remove(event.exportId());
                publish(WebhookEvent.EXPORT_FAILED, data);
            }

            @Override
            public void onRequeued(ExportEvent.Requeued event) {
                Map<String, Object> data = job(event.exportId(), "queued", null);
                data.put("attempt", event.attempt());
                data.put("error", error(event.cause()));
                publish(WebhookEvent.EXPORT_REQUEUED, data);
            }

            @Override
            public void onCancelled(ExportEvent.Cancelled event) {
                Map<String, Object> data = job(event.exportId(), "cancelled", event.progress().items());
                jobUrls.remove(event.exportId());
                publish(WebhookEvent.EXPORT_STOPPED, data);
            }
        };
    }

    private Map<String, Object> job(UUID id, String status, Long items) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id.toString());
        data.put("status", status);
        data.put("url", jobUrls.get(id));
        if (items != null) {
            data.put("items", items);
        }
        return data;
    }

    private static Map<String, Object> error(ExportException error) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", error.code().name());
        data.put("message", error.getMessage());
        return data;
    }

    /**
     * Waits until every delivery queued so far is done, retries included.
     *
     * @return false when the timeout passed first
     */
    public boolean awaitDeliveries(Duration timeout) {
        CompletableFuture<?>[] pending = inFlight.toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(pending).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops delivering: pending retries are dropped and requests in flight cancelled. The log keeps what was done. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        threads.shutdownNow();
        calls.forEach(Call::cancel);
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        inFlight.forEach(future -> future.cancel(false));
    }

    @Override
    public synchronized String toString() {
        return "Webhooks[" + webhooks.size() + " webhooks" + documents.map(d -> ", in " + d.folder()).orElse("") + "]";
    }

    private CompletableFuture<Delivery> start(State state, Entry entry) {
        CompletableFuture<Delivery> done = new CompletableFuture<>();
        inFlight.add(done);
        done.whenComplete((delivery, failure) -> inFlight.remove(done));
        schedule(state, entry, 1, Duration.ZERO, Duration.ZERO, done);
        return done;
    }

    private void schedule(State state, Entry entry, int attempt, Duration delay, Duration spent, CompletableFuture<Delivery> done) {
        try {
            threads.schedule(() -> attempt(state, entry, attempt, spent, done), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            done.cancel(false);
        }
    }

    private void attempt(State state, Entry entry, int attempt, Duration spent, CompletableFuture<Delivery> done) {
        String secret;
        URI url;
        synchronized (this) {
            if (closed || webhooks.get(state.id) != state || state.status != WebhookStatus.ENABLED) {
                done.complete(entry.delivery);
                return;
            }
            secret = state.secret;
            url = state.url;
        }
        Request request = new Request.Builder().url(url.toString())
                .header("X-Signature", sign(entry.body, secret))
                .header("User-Agent", "starexport-webhooks")
                .post(RequestBody.create(entry.body, JSON_TYPE)).build();
        long started = System.nanoTime();
        OptionalInt code = OptionalInt.empty();
        Optional<String> error = Optional.empty();
        Call call = http.newCall(request);
        calls.add(call);
        try (Response response = call.execute()) {
            code = OptionalInt.of(response.code());
        } catch (IOException e) {
            error = Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } finally {
            calls.remove(call);
        }
        Duration took = spent.plusNanos(System.nanoTime() - started);
        boolean delivered = code.isPresent() && code.getAsInt() >= 200 && code.getAsInt() < 300;
        boolean retryable = !delivered && (code.isEmpty() || code.getAsInt() >= 500);
        if (retryable && attempt < retry.maxAttempts()) {
            synchronized (this) {
                entry.delivery = with(entry.delivery, code, entry.delivery.attempts() + 1, took, false, error);
            }
            schedule(state, entry, attempt + 1, retry.backoff(attempt, random), took, done);
            return;
        }
        Delivery result;
        synchronized (this) {
            result = with(entry.delivery, code, entry.delivery.attempts() + 1, took, delivered, error);
            entry.delivery = result;
            state.lastEventAt = Optional.of(clock.instant());
            if (delivered) {
                state.failures = 0;
                state.eventsCount++;
            } else if (++state.failures >= SUSPEND_AFTER && state.status == WebhookStatus.ENABLED) {
                state.status = WebhookStatus.SUSPENDED;
                LOG.warn("Webhook {} ({}) suspended after {} consecutive failed deliveries; toggle it to re-enable",
                        state.id, Targets.redacted(state.url), state.failures);
            }
            if (webhooks.get(state.id) == state) {
                save(state);
            }
        }
        done.complete(result);
    }

    private static Delivery with(Delivery d, OptionalInt code, int attempts, Duration took, boolean delivered,
                                 Optional<String> error) {
        return new Delivery(d.messageId(), d.webhookId(), d.event(), d.at(), code, attempts, took, delivered,
                delivered ? Optional.empty() : error);
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("Webhooks is closed");
        }
    }

    private State state(UUID id) {
        State state = webhooks.get(Objects.requireNonNull(id, "id"));
        if (state == null) {
            throw new IllegalArgumentException("No webhook has id " + id);
        }
        return state;
    }

    private static Set<WebhookEvent> events(Collection<WebhookEvent> events) {
        if (Objects.requireNonNull(events, "events").isEmpty()) {
            throw new IllegalArgumentException("A webhook needs at least one event, such as WebhookEvent.EXPORT_FINISHED");
        }
        return Set.copyOf(EnumSet.copyOf(events));
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        SECRETS.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void save(State state) {
        documents.ifPresent(docs -> docs.save(state.id.toString(), state.write()));
    }

    /** A logged delivery and the exact body it sends. */
    private static final class Entry {
        Delivery delivery;
        final byte[] body;

        Entry(Delivery delivery, byte[] body) {
            this.delivery = delivery;
            this.body = body;
        }
    }

    /** A webhook's mutable state, guarded by the Webhooks lock. */
    private static final class State {
        final UUID id;
        URI url;
        Set<WebhookEvent> events;
        WebhookStatus status;
        String secret;
        final Instant createdAt;
        int failures;
        long eventsCount;
        Optional<Instant> lastEventAt = Optional.empty();
        final ArrayDeque<Entry> log = new ArrayDeque<>();

        State(UUID id, URI url, Set<WebhookEvent> events, WebhookStatus status, String secret, Instant createdAt) {
            this.id = id;
            this.url = url;
            this.events = events;
            this.status = status;
            this.secret = secret;
            this.createdAt = createdAt;
        }

        Webhook view() {
            return new Webhook(id, url, events, status, failures, eventsCount, lastEventAt, createdAt);
        }

        ObjectNode write() {
            ObjectNode doc = Documents.JSON.createObjectNode();
            doc.put("version", 1);
            doc.put("id", id.toString());
            doc.put("url", url.toString());
            ArrayNode kinds = doc.putArray("events");
            events.stream().sorted(Comparator.naturalOrder()).forEach(e -> kinds.add(e.wireName()));
            doc.put("status", status.code());
            doc.put("secret", secret);
            doc.put("createdAt", createdAt.toString());
            doc.put("consecutiveFailures", failures);
            doc.put("eventsCount", eventsCount);
            lastEventAt.ifPresent(at -> doc.put("lastEventAt", at.toString()));
            ArrayNode deliveries = doc.putArray("deliveries");
            for (Entry entry : log) {
                Delivery d = entry.delivery;
                ObjectNode node = deliveries.addObject();
                node.put("messageId", d.messageId());
                node.put("event", d.event().wireName());
                node.put("at", d.at().toString());
                d.responseCode().ifPresent(c -> node.put("responseCode", c));
                node.put("attempts", d.attempts());
                node.put("durationMillis", d.duration().toMillis());
                node.put("delivered", d.delivered());
                d.error().ifPresent(e -> node.put("error", e));
                node.put("body", new String(entry.body, StandardCharsets.UTF_8));
            }
            return doc;
        }

        static State read(JsonNode doc) {
            WebhookStatus status = WebhookStatus.values()[doc.path("status").asInt(1)];
            Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
            doc.path("events").forEach(e -> events.add(WebhookEvent.fromWireName(e.asText())));
            UUID id = UUID.fromString(doc.path("id").asText());
            State state = new State(id, URI.create(doc.path("url").asText()), Set.copyOf(events), status,
                    doc.path("secret").asText(), Instant.parse(doc.path("createdAt").asText()));
            state.failures = doc.path("consecutiveFailures").asInt();
            state.eventsCount = doc.path("eventsCount").asLong();
            if (doc.hasNonNull("lastEventAt")) {
                state.lastEventAt = Optional.of(Instant.parse(doc.get("lastEventAt").asText()));
            }
            for (JsonNode node : doc.path("deliveries")) {
                Delivery d = new Delivery(node.path("messageId").asText(), id,
                        WebhookEvent.fromWireName(node.path("event").asText()), Instant.parse(node.path("at").asText()),
                        node.has("responseCode") ? OptionalInt.of(node.get("responseCode").asInt()) : OptionalInt.empty(),
                        node.path("attempts").asInt(), Duration.ofMillis(node.path("durationMillis").asLong()),
                        node.path("delivered").asBoolean(),
                        node.hasNonNull("error") ? Optional.of(node.get("error").asText()) : Optional.empty());
                state.log.addLast(new Entry(d, node.path("body").asText().getBytes(StandardCharsets.UTF_8)));
            }
            return state;
        }
    }

    /** Configures {@link Webhooks}. Not thread-safe. */
    public static final class Builder {
        private Path directory;
        private Clock clock = Clock.systemUTC();
        private RetryPolicy retry = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ZERO);
        private RandomGenerator random = new SecureRandom();
        private Duration timeout = Duration.ofSeconds(10);
        private int threads = 2;
        private boolean httpOnLoopback;
        private boolean privateAddresses;

        private Builder() {
        }

        /** Keeps webhooks and their logs in this folder (created when missing), so they survive a restart. */
        public Builder directory(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** The clock of timestamps and log times; the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Attempts per delivery and the backoff between them (full jitter, see {@link RetryPolicy#backoff});
         * 5 attempts from 1 s up to 5 minutes by default. Its {@code maxRetryAfter} is not used.
         */
        public Builder retryPolicy(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /** The source of backoff jitter; a {@link SecureRandom} by default. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Connect, read and whole-call timeout of each attempt; 10 s by default. */
        public Builder timeout(Duration timeout) {
            if (Objects.requireNonNull(timeout, "timeout").isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive but was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Delivery threads; 2 by default. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1 but was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** Allows plain {@code http} URLs whose host is {@code localhost} or a loopback address, for local receivers and tests. */
        public Builder allowHttpOnLoopback() {
            this.httpOnLoopback = true;
            return this;
        }

        /** Allows targets on private, link-local, shared and loopback addresses (not cloud metadata addresses). */
        public Builder allowPrivateAddresses() {
            this.privateAddresses = true;
            return this;
        }

        /**
         * Builds the webhooks and loads the folder.
         *
         * @throws ExportException {@code OUTPUT} when the folder cannot be read
         */
        public Webhooks build() {
            return new Webhooks(this);
        }
    }
}
