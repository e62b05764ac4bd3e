package io.starexport.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.starexport.api.ExportException;
import io.starexport.automation.Delivery;
import io.starexport.automation.DeliverySummary;
import io.starexport.automation.Webhook;
import io.starexport.automation.WebhookEvent;
import io.starexport.automation.WebhookRegistration;
import io.starexport.automation.Webhooks;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * ExportComments' webhook routes ({@code /api/v1/webhooks…}, seed {@code 003_…} "Webhooks") over {@link Webhooks}.
 * The server makes each webhook's signing secret itself and answers it once, as {@code signingSecret} in the
 * creation answer; a client-chosen {@code signingSecret} is refused rather than silently replaced.
 */
final class WebhooksApi {
    /** The creation and update fields the seed documents; any other is refused. */
    private static final Set<String> FIELDS = Set.of("url", "events", "signingSecret", "enabled");
    /** Seed timestamps, as {@code 2026-02-23T12:00:00+00:00}. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final Webhooks webhooks;
    private final ExportCommentsApi api;

    WebhooksApi(Webhooks webhooks, ExportCommentsApi api) {
        this.webhooks = webhooks;
        this.api = api;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/webhooks", this::list);
        routes.post("/api/v1/webhooks", this::create);
        routes.get("/api/v1/webhooks/summary", this::summary);
        routes.get("/api/v1/webhooks/events", this::events);
        routes.post("/api/v1/webhooks/events/{uuid}/resend", this::resend);
        routes.get("/api/v1/webhooks/{uuid}", ctx -> api.send(ctx, 200, object(webhook(ctx))));
        routes.patch("/api/v1/webhooks/{uuid}", this::update);
        routes.delete("/api/v1/webhooks/{uuid}", ctx -> {
            webhooks.delete(webhook(ctx).id());
            ctx.status(204);
        });
        routes.patch("/api/v1/webhooks/{uuid}/toggle", ctx -> {
            Webhook toggled = webhooks.toggle(webhook(ctx).id());
            api.send(ctx, 200, node().put("uuid", toggled.id().toString()).put("enabled", toggled.enabled())
                    .put("status", toggled.status().code()));
        });
    }

    private void list(Context ctx) {
        String query = ctx.queryParam("query");
        List<Webhook> all = webhooks.list().stream()
                .filter(w -> query == null || w.url().toString().toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparing(Webhook::createdAt).reversed()).toList();
        ArrayNode answer = api.json().createArrayNode();
        page(ctx, all).forEach(webhook -> answer.add(object(webhook)));
        api.send(ctx, 200, answer);
    }

    private void create(Context ctx) {
        ObjectNode body = fields(ctx);
        if (body.has("signingSecret")) {
            throw ApiException.badRequest("this server makes each webhook's signing secret itself and answers it "
                    + "once as 'signingSecret'; send no signingSecret");
        }
        String url = ExportCommentsApi.text(body.get("url"), "url");
        Set<WebhookEvent> events = events(body.get("events"));
        boolean enabled = bool(body, "enabled", true);
        WebhookRegistration created;
        try {
            created = webhooks.register(url, events, enabled);
        } catch (ExportException e) {
            throw ExportCommentsApi.translate(e);
        }
        ObjectNode answer = object(created.webhook());
        answer.put("signingSecret", created.secret());
        api.send(ctx, 201, answer);
    }

    private void update(Context ctx) {
        Webhook webhook = webhook(ctx);
        ObjectNode body = fields(ctx);
        if (body.has("signingSecret")) {
            throw ApiException.badRequest("this server makes signing secrets itself; delete the webhook and create "
                    + "it again for a new one");
        }
        String url = body.has("url") ? ExportCommentsApi.text(body.get("url"), "url") : webhook.url().toString();
        Set<WebhookEvent> events = body.has("events") ? events(body.get("events")) : webhook.events();
        boolean enabled = bool(body, "enabled", webhook.enabled());
        try {
            webhook = webhooks.update(webhook.id(), url, events);
        } catch (ExportException e) {
            throw ExportCommentsApi.translate(e);
        }
        if (enabled != webhook.enabled()) {
            webhook = webhooks.toggle(webhook.id());
        }
        api.send(ctx, 200, object(webhook));
    }

    private void summary(Context ctx) {
        DeliverySummary summary = webhooks.summary();
        api.send(ctx, 200, node().put("total_webhooks", summary.totalWebhooks())
                .put("active_webhooks", summary.activeWebhooks()).put("total_events", summary.totalEvents())
                .put("successful_deliveries", summary.successfulDeliveries())
                .put("failed_deliveries", summary.failedDeliveries()));
    }

    /** Deliveries of every webhook (or of {@code webhook.uuid}), newest first; an event's {@code uuid} is its message id. */
    private void events(Context ctx) {
        String only = ctx.queryParam("webhook.uuid");
        String event = ctx.queryParam("event");
        String messageId = ctx.queryParam("message_id");
        List<Delivery> all = new ArrayList<>();
        for (Webhook webhook : webhooks.list()) {
            if (only == null || webhook.id().toString().equalsIgnoreCase(only)) {
                all.addAll(webhooks.deliveries(webhook.id()));
            }
        }
        WebhookEvent kind = event == null ? null : parse(event, "event");
        List<Delivery> matching = all.stream()
                .filter(d -> kind == null || d.event() == kind)
                .filter(d -> messageId == null || d.messageId().equals(messageId))
                .sorted(Comparator.comparing(Delivery::at).reversed()).toList();
        ArrayNode answer = api.json().createArrayNode();
        for (Delivery d : page(ctx, matching)) {
            ObjectNode node = answer.addObject().put("uuid", d.messageId()).put("webhook", d.webhookId().toString())
                    .put("event", d.event().wireName()).put("messageId", d.messageId());
            if (d.responseCode().isPresent()) {
                node.put("responseCode", d.responseCode().getAsInt());
            } else {
                node.putNull("responseCode");
            }
            node.put("numberOfCalls", d.attempts()).put("delivered", d.delivered())
                    .put("createdAt", time(d.at()));
        }
        api.send(ctx, 200, answer);
    }

    private void resend(Context ctx) {
        try {
            webhooks.resend(ctx.pathParam("uuid"));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("no webhook event " + ctx.pathParam("uuid"));
        } catch (IllegalStateException e) {
            throw ApiException.badRequest("the event's webhook is not enabled; toggle it on before resending");
        }
        api.send(ctx, 200, node().put("message", "Webhook event queued for redelivery"));
    }

    private ObjectNode object(Webhook webhook) {
        ObjectNode node = node().put("uuid", webhook.id().toString()).put("url", webhook.url().toString());
        ArrayNode events = node.putArray("events");
        webhook.events().stream().sorted().forEach(e -> events.add(e.wireName()));
        node.put("status", webhook.status().code()).put("enabled", webhook.enabled())
                .put("isSuspended", webhook.status().code() == 2)
                .put("lastEventAt", webhook.lastEventAt().map(WebhooksApi::time).orElse(null))
                .put("webhookEventsCount", webhook.eventsCount()).put("createdAt", time(webhook.createdAt()));
        return node;
    }

    private Webhook webhook(Context ctx) {
        UUID id = ExportCommentsApi.uuid(ctx.pathParam("uuid"));
        return webhooks.get(id).orElseThrow(() -> ApiException.notFound("no webhook with uuid " + id));
    }

    private ObjectNode fields(Context ctx) {
        ObjectNode body = api.object(ctx);
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (!FIELDS.contains(field.getKey())) {
                throw ApiException.badRequest("unknown field '" + field.getKey() + "'; a webhook takes url, events and enabled");
            }
        }
        return body;
    }

    private static Set<WebhookEvent> events(JsonNode value) {
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw ApiException.badRequest("'events' must be a non-empty array such as [\"export.finished\", \"export.failed\"]");
        }
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        value.forEach(name -> events.add(parse(ExportCommentsApi.text(name, "events[]"), "events[]")));
        return events;
    }

    private static WebhookEvent parse(String name, String field) {
        try {
            return WebhookEvent.fromWireName(name);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field + ": " + e.getMessage());
        }
    }

    private static boolean bool(ObjectNode body, String name, boolean absent) {
        JsonNode value = body.get(name);
        if (value == null) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest(name + " must be true or false");
        }
        return value.booleanValue();
    }

    /** The seed's {@code page} and {@code limit} (default 10, at most 30) over a list. */
    static <T> List<T> page(Context ctx, List<T> all) {
        int page = ExportCommentsApi.queryInt(ctx, "page", 1, 1, Integer.MAX_VALUE);
        int limit = Math.min(ExportCommentsApi.queryInt(ctx, "limit", 10, 1, Integer.MAX_VALUE), ExportCommentsApi.MAX_PAGE);
        long from = (long) (page - 1) * limit;
        return from >= all.size() ? List.of() : all.subList((int) from, (int) Math.min(all.size(), from + limit));
    }

    static String time(Instant instant) {
        return TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    private ObjectNode node() {
        return api.json().createObjectNode();
    }
}
