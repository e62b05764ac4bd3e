package io.starexport.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.starexport.StarExport;
import io.starexport.api.ExportException;
import io.starexport.api.ExportRequest;
import io.starexport.automation.Frequency;
import io.starexport.automation.Schedule;
import io.starexport.automation.ScheduleRun;
import io.starexport.automation.ScheduleSpec;
import io.starexport.automation.Scheduler;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * ExportComments' scheduled-export routes ({@code /api/v1/schedules…}, seed {@code 003_…} "Scheduled Exports") over
 * a {@link Scheduler}. Each run is an ordinary job with the same files as {@code POST /api/v3/job} makes, their
 * names stamped with the run's time. Weekly schedules run on Mondays and monthly ones on the 1st, since the seed
 * has only a preferred time. Results are stored ({@code deliveryMethod} {@code storage}); a webhook subscribed
 * to {@code schedule.run} hears of every run, so {@code webhook} delivery and e-mail are refused with that advice.
 */
final class SchedulesApi {
    private static final Set<String> FIELDS = Set.of("url", "name", "frequency", "customCron", "preferredTime",
            "timezone", "exportOptions", "deliveryMethod", "webhook", "sendNotification");

    static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Scheduler scheduler;
    private final StarExport engine;
    private final ExportCommentsApi api;

    SchedulesApi(Scheduler scheduler, StarExport engine, ExportCommentsApi api) {
        this.scheduler = scheduler;
        this.engine = engine;
        this.api = api;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/schedules", this::list);
        routes.post("/api/v1/schedules", this::create);
        routes.get("/api/v1/schedules/{uuid}", ctx -> {
            Schedule schedule = schedule(ctx);
            ObjectNode node = object(schedule);
            ArrayNode history = node.putArray("recent_history");
            schedule.history().forEach(run -> history.add(run(run)));
            api.send(ctx, 200, node);
        });
        routes.put("/api/v1/schedules/{uuid}", this::update);
        routes.delete("/api/v1/schedules/{uuid}", ctx -> {
            scheduler.delete(schedule(ctx).id());
            ctx.status(204);
        });
        routes.post("/api/v1/schedules/{uuid}/pause", ctx -> {
            Schedule paused = scheduler.pause(schedule(ctx).id());
            api.send(ctx, 200, node().put("uuid", paused.id().toString()).put("status", status(paused))
                    .put("enabled", false));
        });
        routes.post("/api/v1/schedules/{uuid}/resume", ctx -> {
            Schedule resumed = scheduler.resume(schedule(ctx).id());
            api.send(ctx, 200, node().put("uuid", resumed.id().toString()).put("status", status(resumed))
                    .put("enabled", true).put("nextRunAt", next(resumed)));
        });
        routes.post("/api/v1/schedules/{uuid}/run-now", this::runNow);
    }

    private void list(Context ctx) {
        List<Schedule> all = scheduler.list().stream().sorted(Comparator.comparing(Schedule::createdAt).reversed()).toList();
        ArrayNode answer = api.json().createArrayNode();
        WebhooksApi.page(ctx, all).forEach(schedule -> answer.add(object(schedule)));
        api.send(ctx, 200, answer);
    }

    private void create(Context ctx) {
        ObjectNode body = fields(ctx);
        String url = ExportCommentsApi.text(body.get("url"), "url");
        if (!body.has("frequency")) {
            throw ApiException.badRequest("frequency is required: hourly, daily, weekly, monthly or custom");
        }
        ExportRequest request = api.request(url, api.options(body.get("exportOptions"), api.sandbox(ctx)));
        ScheduleSpec.Builder spec = ScheduleSpec.builder(request);
        when(timing(spec), body, Frequency.DAILY, LocalTime.MIDNIGHT);
        api.send(ctx, 201, object(scheduler.create(build(spec, body))));
    }

    /** The seed's PUT: every field optional; those sent replace the schedule's, the others stay. */
    private void update(Context ctx) {
        Schedule schedule = schedule(ctx);
        ObjectNode body = fields(ctx);
        ScheduleSpec old = schedule.spec();
        ScheduleSpec.Builder spec = old.toBuilder();
        if (body.has("url") || body.has("exportOptions")) {
            ExportRequest template = body.has("exportOptions")
                    ? api.options(body.get("exportOptions"), api.sandbox(ctx) || old.request().sandbox())
                    : old.request();
            String url = body.has("url") ? ExportCommentsApi.text(body.get("url"), "url") : old.request().url();
            spec.request(api.request(url, template));
        }
        when(timing(spec), body, old.frequency(), old.time());
        api.send(ctx, 200, object(scheduler.update(schedule.id(), build(spec, body))));
    }

    private void runNow(Context ctx) {
        Schedule schedule = schedule(ctx);
        try {
            scheduler.runNow(schedule.id());
        } catch (IllegalStateException e) {
            throw ApiException.badRequest("a run of this schedule is in progress; try again when it has ended");
        }
        api.send(ctx, 200, node().put("message", "Export triggered successfully").put("uuid", schedule.id().toString())
                .put("status", status(schedule)));
    }

    /** The timing setters {@link ScheduleSpec.Builder} and {@code WorkflowSpec.Builder} share. */
    interface Timing {
        void hourly(int minute);

        void daily(LocalTime time);

        void weekly(DayOfWeek day, LocalTime time);

        void monthly(int day, LocalTime time);

        void cron(String expression);

        void zone(ZoneId zone);
    }

    private static Timing timing(ScheduleSpec.Builder spec) {
        return new Timing() {
            @Override
            public void hourly(int minute) {
                spec.hourly(minute);
            }

            @Override
            public void daily(LocalTime time) {
                spec.daily(time);
            }

            @Override
            public void weekly(DayOfWeek day, LocalTime time) {
                spec.weekly(day, time);
            }

            @Override
            public void monthly(int day, LocalTime time) {
                spec.monthly(day, time);
            }

            @Override
            public void cron(String expression) {
                spec.cron(expression);
            }

            @Override
            public void zone(ZoneId zone) {
                spec.zone(zone);
            }
        };
    }

    /**
     * Applies {@code frequency}, {@code customCron}, {@code preferredTime} and {@code timezone} over the
     * {@code current} frequency and {@code time}; a {@code customCron} alone makes it custom. Weekly runs on Mondays
     * and monthly on the 1st, since the seed has only a preferred time.
     */
    static void when(Timing spec, ObjectNode body, Frequency current, LocalTime time) {
        if (body.has("timezone")) {
            String zone = ExportCommentsApi.text(body.get("timezone"), "timezone");
            try {
                spec.zone(ZoneId.of(zone));
            } catch (DateTimeException e) {
                throw ApiException.badRequest("timezone '" + zone + "' is not an IANA time zone such as America/New_York");
            }
        }
        LocalTime at = time;
        if (body.has("preferredTime")) {
            String text = ExportCommentsApi.text(body.get("preferredTime"), "preferredTime");
            try {
                at = LocalTime.parse(text);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("preferredTime must be HH:MM, such as 09:00; got '" + text + "'");
            }
        }
        if (!body.has("frequency") && !body.has("preferredTime") && !body.has("customCron")) {
            return;
        }
        Frequency frequency = body.has("customCron") && !body.get("customCron").isNull() ? Frequency.CUSTOM : current;
        if (body.has("frequency")) {
            String name = ExportCommentsApi.text(body.get("frequency"), "frequency");
            try {
                frequency = Frequency.valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("frequency must be hourly, daily, weekly, monthly or custom; got '" + name + "'");
            }
        }
        if (frequency != Frequency.CUSTOM && body.has("customCron") && !body.get("customCron").isNull()) {
            throw ApiException.badRequest("customCron is for frequency 'custom' only");
        }
        switch (frequency) {
            case HOURLY -> spec.hourly(at.getMinute());
            case DAILY -> spec.daily(at);
            case WEEKLY -> spec.weekly(DayOfWeek.MONDAY, at);
            case MONTHLY -> spec.monthly(1, at);
            case CUSTOM -> {
                String cron = ExportCommentsApi.text(body.get("customCron"), "customCron (required with frequency 'custom')");
                try {
                    spec.cron(cron);
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("customCron: " + e.getMessage());
                }
            }
            default -> throw new IllegalStateException(frequency.name());
        }
    }

    /** The remaining fields: name, and the delivery settings this server can honour. */
    private static ScheduleSpec build(ScheduleSpec.Builder spec, ObjectNode body) {
        if (body.has("name")) {
            spec.name(ExportCommentsApi.text(body.get("name"), "name"));
        }
        storageOnly(body, "schedule.run");
        try {
            return spec.build();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** Refuses the delivery settings other than storage, pointing to the webhook {@code event} that replaces them. */
    static void storageOnly(ObjectNode body, String event) {
        JsonNode delivery = body.get("deliveryMethod");
        if (delivery != null && !delivery.isNull() && !"storage".equals(delivery.asText())) {
            throw ApiException.badRequest("deliveryMethod '" + delivery.asText() + "' is not supported: runs are "
                    + "stored; to hear of each run, register a webhook for '" + event + "' events");
        }
        JsonNode webhook = body.get("webhook");
        if (webhook != null && !webhook.isNull()) {
            throw ApiException.badRequest("webhook is not supported: every webhook subscribed to '" + event + "' "
                    + "events hears of every run");
        }
        JsonNode notify = body.get("sendNotification");
        if (notify != null && !notify.isNull() && !(notify.isBoolean() && !notify.booleanValue())) {
            throw ApiException.badRequest("sendNotification must be false: this server sends no e-mail; register "
                    + "a webhook for '" + event + "' events instead");
        }
    }

    private ObjectNode object(Schedule schedule) {
        ScheduleSpec spec = schedule.spec();
        ExportRequest request = spec.request();
        ObjectNode node = node().put("uuid", schedule.id().toString()).put("url", request.url())
                .put("platform", platform(request.url())).put("name", spec.name())
                .put("frequency", spec.frequency().name().toLowerCase(Locale.ROOT))
                .put("customCron", spec.cron().orElse(null))
                .put("preferredTime", spec.frequency() == Frequency.CUSTOM ? null : CLOCK_TIME.format(spec.time()))
                .put("timezone", spec.zone().getId());
        ExportCommentsApi.writeOptions(request, node.putObject("exportOptions"));
        node.put("enabled", !schedule.paused()).put("status", status(schedule)).put("deliveryMethod", "storage")
                .put("sendNotification", false)
                .put("lastRunAt", schedule.lastRunAt().map(t -> zoned(t, spec.zone())).orElse(null))
                .put("nextRunAt", next(schedule)).put("runCount", schedule.runCount())
                .put("failCount", schedule.failCount()).put("createdAt", WebhooksApi.time(schedule.createdAt()));
        if (request.sandbox()) {
            node.put("sandbox", true);
        }
        return node;
    }

    /** A run as the seed's {@code recent_history} entry, with the job's {@code guid} and the files' count of new items. */
    private ObjectNode run(ScheduleRun run) {
        String status = switch (run.status()) {
            case SUCCEEDED -> "completed";
            case FAILED -> "failed";
            case SKIPPED -> "skipped";
        };
        ObjectNode node = node().put("scheduledFor", WebhooksApi.time(run.scheduledFor()))
                .put("startedAt", WebhooksApi.time(run.startedAt()))
                .put("completedAt", run.finishedAt().map(WebhooksApi::time).orElse(null)).put("status", status)
                .put("commentsExported", run.newItems().orElse(run.items()))
                .put("guid", run.jobId().map(UUID::toString).orElse(null));
        node.put("error", run.error().orElse(null));
        return node;
    }

    private static String status(Schedule schedule) {
        return schedule.paused() ? "paused" : "active";
    }

    private static String next(Schedule schedule) {
        return schedule.nextRunAt().map(t -> zoned(t, schedule.spec().zone())).orElse(null);
    }

    static String zoned(Instant instant, ZoneId zone) {
        return WebhooksApi.TIME.format(instant.atZone(zone));
    }

    String platform(String url) {
        try {
            return engine.detect(url).target().platform();
        } catch (ExportException e) {
            return null;
        }
    }

    private Schedule schedule(Context ctx) {
        UUID id = ExportCommentsApi.uuid(ctx.pathParam("uuid"));
        return scheduler.get(id).orElseThrow(() -> ApiException.notFound("no schedule with uuid " + id));
    }

    private ObjectNode fields(Context ctx) {
        ObjectNode body = api.object(ctx);
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (!FIELDS.contains(field.getKey())) {
                throw ApiException.badRequest("unknown field '" + field.getKey() + "'; a schedule takes " + FIELDS.stream().sorted().toList());
            }
        }
        return body;
    }

    private ObjectNode node() {
        return api.json().createObjectNode();
    }
}
