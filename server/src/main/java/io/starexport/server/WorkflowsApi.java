package io.starexport.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.starexport.Detection;
import io.starexport.PlatformInfo;
import io.starexport.StarExport;
import io.starexport.api.Content;
import io.starexport.api.ExportException;
import io.starexport.automation.Frequency;
import io.starexport.automation.InputMode;
import io.starexport.automation.ScheduleSpec;
import io.starexport.automation.Workflow;
import io.starexport.automation.WorkflowRun;
import io.starexport.automation.WorkflowSpec;
import io.starexport.automation.WorkflowStep;
import io.starexport.automation.Workflows;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * ExportComments' workflow routes ({@code /api/v1/workflows…}, seed {@code 003_…} "Workflows") over {@link Workflows}.
 * The engine exports posts and comments, so the actions are {@code export_posts} and {@code export_comments}; the
 * seed's likes, shares, followers and reviews actions are refused with the reason. Step options are {@code limit}
 * and {@code replies}; conditions {@code max_age_hours} and {@code keyword}. Each workflow writes its runs' files
 * into a folder of its own under the server's directory; as for schedules, results are stored and a webhook
 * subscribed to {@code workflow.finished} replaces the seed's e-mail and webhook delivery.
 */
final class WorkflowsApi {
    private static final Set<String> FIELDS = Set.of("url", "name", "frequency", "customCron", "preferredTime",
            "timezone", "steps", "deliveryMethod", "webhook", "sendNotification");
    private static final Set<String> STEP_FIELDS = Set.of("position", "action", "inputMode", "options", "conditions");
    private static final Map<String, Content> ACTIONS = Map.of("export_posts", Content.POSTS, "export_comments", Content.COMMENTS);
    private static final Set<String> REFUSED_ACTIONS = Set.of("export_likes", "export_shares", "export_followers",
            "export_reviews");

    private final Workflows workflows;
    private final StarExport engine;
    private final ExportCommentsApi api;
    private final SchedulesApi schedules;
    private final Path folders;

    WorkflowsApi(Workflows workflows, StarExport engine, ExportCommentsApi api, SchedulesApi schedules, Path folders) {
        this.workflows = workflows;
        this.engine = engine;
        this.api = api;
        this.schedules = schedules;
        this.folders = folders;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/workflows", this::list);
        routes.post("/api/v1/workflows", this::create);
        routes.get("/api/v1/workflows/pipeline-info", this::pipelineInfo);
        routes.get("/api/v1/workflows/{uuid}", ctx -> {
            Workflow workflow = workflow(ctx);
            ObjectNode node = object(workflow);
            ArrayNode runs = node.putArray("recent_runs");
            workflow.history().forEach(run -> runs.add(run(run)));
            api.send(ctx, 200, node);
        });
        routes.put("/api/v1/workflows/{uuid}", this::update);
        routes.delete("/api/v1/workflows/{uuid}", ctx -> {
            workflows.delete(workflow(ctx).id());
            ctx.status(204);
        });
        routes.post("/api/v1/workflows/{uuid}/pause", ctx -> {
            Workflow paused = workflows.pause(workflow(ctx).id());
            api.send(ctx, 200, node().put("uuid", paused.id().toString()).put("status", "paused").put("enabled", false));
        });
        routes.post("/api/v1/workflows/{uuid}/resume", ctx -> {
            Workflow resumed = workflows.resume(workflow(ctx).id());
            api.send(ctx, 200, node().put("uuid", resumed.id().toString()).put("status", "active").put("enabled", true)
                    .put("nextRunAt", next(resumed)));
        });
        routes.post("/api/v1/workflows/{uuid}/run-now", this::runNow);
    }

    private void list(Context ctx) {
        List<Workflow> all = workflows.list().stream().sorted(Comparator.comparing(Workflow::createdAt).reversed()).toList();
        ArrayNode answer = api.json().createArrayNode();
        WebhooksApi.page(ctx, all).forEach(workflow -> answer.add(object(workflow)));
        api.send(ctx, 200, answer);
    }

    private void create(Context ctx) {
        ObjectNode body = fields(ctx);
        String url = ExportCommentsApi.text(body.get("url"), "url");
        detect(url);
        if (!body.has("frequency")) {
            throw ApiException.badRequest("frequency is required: hourly, daily, weekly, monthly or custom");
        }
        if (!body.has("steps")) {
            throw ApiException.badRequest("steps is required, such as [{\"position\": 1, \"action\": \"export_comments\", "
                    + "\"inputMode\": \"url\"}]");
        }
        WorkflowSpec.Builder spec = WorkflowSpec.builder(url, folders.resolve(UUID.randomUUID().toString()))
                .sandbox(api.sandbox(ctx)).steps(steps(body.get("steps")));
        SchedulesApi.when(timing(spec), body, Frequency.DAILY, LocalTime.MIDNIGHT);
        api.send(ctx, 201, object(workflows.create(build(spec, body))));
    }

    /** The seed's PUT: every field optional; those sent replace the workflow's ({@code steps} all of them). */
    private void update(Context ctx) {
        Workflow workflow = workflow(ctx);
        ObjectNode body = fields(ctx);
        WorkflowSpec old = workflow.spec();
        String url = body.has("url") ? ExportCommentsApi.text(body.get("url"), "url") : old.url();
        detect(url);
        WorkflowSpec.Builder spec = WorkflowSpec.builder(url, old.folder()).name(old.name())
                .sandbox(old.sandbox() || api.sandbox(ctx))
                .steps(body.has("steps") ? steps(body.get("steps")) : old.steps());
        old.credentials().ifPresent(spec::credentials);
        old.proxy().ifPresent(spec::proxy);
        SchedulesApi.Timing timing = timing(spec);
        Optional<ScheduleSpec> schedule = old.schedule();
        schedule.ifPresent(s -> keep(timing, s));
        SchedulesApi.when(timing, body, schedule.map(ScheduleSpec::frequency).orElse(Frequency.DAILY),
                schedule.map(ScheduleSpec::time).orElse(LocalTime.MIDNIGHT));
        if (schedule.isEmpty() && !body.has("frequency")) {
            spec.onDemand();
        }
        api.send(ctx, 200, object(workflows.update(workflow.id(), build(spec, body))));
    }

    private void runNow(Context ctx) {
        Workflow workflow = workflow(ctx);
        try {
            workflows.runNow(workflow.id());
        } catch (IllegalStateException e) {
            throw ApiException.badRequest("a run of this workflow is in progress; try again when it has ended");
        }
        api.send(ctx, 200, node().put("message", "Workflow triggered successfully").put("uuid", workflow.id().toString())
                .put("status", status(workflow)));
    }

    /**
     * The seed's pipeline info: the actions the URL's platform can export (all of them without a URL), the valid
     * transitions, templates, and every installed platform's actions. The seed's {@code platform_categories} is
     * left out: platforms declare no category.
     */
    private void pipelineInfo(Context ctx) {
        String url = ctx.queryParam("url");
        ObjectNode info = node();
        ArrayNode available = info.putArray("available_actions");
        if (url == null) {
            info.putNull("platform");
            ACTIONS.keySet().stream().sorted(Comparator.reverseOrder()).forEach(available::add);
        } else {
            Detection detection = detect(url);
            info.put("platform", detection.target().platform());
            actions(detection.contents()).forEach(available::add);
        }
        ObjectNode transitions = info.putObject("transitions");
        transitions.putArray("export_posts").add("export_comments");
        transitions.putArray("export_comments");
        ArrayNode templates = info.putArray("templates");
        String example = url == null ? "about:blank" : url;
        templates.add(template("comments_monitor", "Comments Monitor", "Export new posts, then export comments on each",
                WorkflowSpec.profilePostsComments(example, folders).build()));
        templates.add(template("channel_monitor", "Channel Monitor", "Export new comments of a post or channel",
                WorkflowSpec.postComments(example, folders).build()));
        ObjectNode platformActions = info.putObject("platform_actions");
        for (PlatformInfo platform : engine.platforms()) {
            ArrayNode actions = platformActions.putArray(platform.id());
            actions(platform.contents()).forEach(actions::add);
        }
        api.send(ctx, 200, info);
    }

    private ObjectNode template(String id, String name, String description, WorkflowSpec spec) {
        ObjectNode node = node().put("id", id).put("name", name).put("description", description);
        ArrayNode steps = node.putArray("steps");
        for (int i = 0; i < spec.steps().size(); i++) {
            steps.add(step(i + 1, spec.steps().get(i)));
        }
        return node;
    }

    private static List<String> actions(Set<Content> contents) {
        return ACTIONS.entrySet().stream().filter(e -> contents.contains(e.getValue())).map(Map.Entry::getKey)
                .sorted(Comparator.reverseOrder()).toList();
    }

    /** The seed's steps, in {@code position} order (1, 2, …). */
    private static List<WorkflowStep> steps(JsonNode steps) {
        if (steps == null || !steps.isArray() || steps.isEmpty()) {
            throw ApiException.badRequest("steps must be a non-empty array of step objects");
        }
        List<JsonNode> ordered = new ArrayList<>();
        steps.forEach(ordered::add);
        ordered.sort(Comparator.comparingLong(step -> step.path("position").asLong()));
        List<WorkflowStep> result = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            result.add(step(ordered.get(i), i + 1));
        }
        return result;
    }

    private static WorkflowStep step(JsonNode node, int position) {
        if (!node.isObject()) {
            throw ApiException.badRequest("each step must be an object");
        }
        String where = "steps[position " + position + "].";
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!STEP_FIELDS.contains(field.getKey())) {
                throw ApiException.badRequest("unknown step field '" + field.getKey() + "'; a step takes "
                        + STEP_FIELDS.stream().sorted().toList());
            }
        }
        JsonNode given = node.get("position");
        if (given == null || !given.isIntegralNumber() || given.asLong() != position) {
            throw ApiException.badRequest("step positions must be 1, 2, … with no gaps; expected " + position);
        }
        String action = ExportCommentsApi.text(node.get("action"), where + "action");
        if (REFUSED_ACTIONS.contains(action)) {
            throw ApiException.badRequest(where + "action '" + action + "' is not supported: this server exports posts "
                    + "and comments; like, share and follower counts are fields of each exported post");
        }
        Content content = ACTIONS.get(action);
        if (content == null) {
            throw ApiException.badRequest(where + "action must be export_posts or export_comments; got '" + action + "'");
        }
        String mode = ExportCommentsApi.text(node.get("inputMode"), where + "inputMode");
        InputMode input = switch (mode) {
            case "url" -> InputMode.URL;
            case "previous_results" -> InputMode.PREVIOUS_RESULTS;
            default -> throw ApiException.badRequest(where + "inputMode must be url or previous_results; got '" + mode + "'");
        };
        WorkflowStep.Builder step = WorkflowStep.builder(content).input(input);
        JsonNode options = node.get("options");
        if (options != null && !options.isNull()) {
            if (!options.isObject()) {
                throw ApiException.badRequest(where + "options must be an object");
            }
            for (Map.Entry<String, JsonNode> option : options.properties()) {
                JsonNode value = option.getValue();
                switch (option.getKey()) {
                    case "limit" -> step.limit(positive(value, where + "options.limit"));
                    case "replies" -> {
                        if (!value.isBoolean()) {
                            throw ApiException.badRequest(where + "options.replies must be true or false");
                        }
                        step.replies(value.booleanValue());
                    }
                    default -> throw ApiException.badRequest("unknown step option '" + option.getKey()
                            + "'; a step takes [limit, replies]");
                }
            }
        }
        JsonNode conditions = node.get("conditions");
        if (conditions != null && !conditions.isNull()) {
            if (!conditions.isObject()) {
                throw ApiException.badRequest(where + "conditions must be an object");
            }
            for (Map.Entry<String, JsonNode> condition : conditions.properties()) {
                switch (condition.getKey()) {
                    case "max_age_hours" -> step.maxAge(Duration.ofHours(positive(condition.getValue(),
                            where + "conditions.max_age_hours")));
                    case "keyword" -> step.keyword(ExportCommentsApi.text(condition.getValue(), where + "conditions.keyword"));
                    default -> throw ApiException.badRequest("unknown condition '" + condition.getKey()
                            + "'; a step takes [keyword, max_age_hours]");
                }
            }
        }
        return step.build();
    }

    private static long positive(JsonNode value, String name) {
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 1) {
            throw ApiException.badRequest(name + " must be a positive integer");
        }
        return value.longValue();
    }

    private static WorkflowSpec build(WorkflowSpec.Builder spec, ObjectNode body) {
        if (body.has("name")) {
            spec.name(ExportCommentsApi.text(body.get("name"), "name"));
        }
        SchedulesApi.storageOnly(body, "workflow.finished");
        try {
            return spec.build();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** Sets a workflow's old timing again on a new builder, before the request's fields change it. */
    private static void keep(SchedulesApi.Timing timing, ScheduleSpec old) {
        timing.zone(old.zone());
        switch (old.frequency()) {
            case HOURLY -> timing.hourly(old.time().getMinute());
            case DAILY -> timing.daily(old.time());
            case WEEKLY -> timing.weekly(old.dayOfWeek(), old.time());
            case MONTHLY -> timing.monthly(old.dayOfMonth(), old.time());
            case CUSTOM -> timing.cron(old.cron().orElseThrow());
            default -> throw new IllegalStateException(old.frequency().name());
        }
    }

    private ObjectNode object(Workflow workflow) {
        WorkflowSpec spec = workflow.spec();
        Optional<ScheduleSpec> schedule = spec.schedule();
        ZoneId zone = schedule.map(ScheduleSpec::zone).orElse(ZoneId.of("UTC"));
        ObjectNode node = node().put("uuid", workflow.id().toString()).put("url", spec.url())
                .put("platform", schedules.platform(spec.url())).put("name", spec.name())
                .put("frequency", schedule.map(s -> s.frequency().name().toLowerCase(Locale.ROOT)).orElse(null))
                .put("customCron", schedule.flatMap(ScheduleSpec::cron).orElse(null))
                .put("preferredTime", schedule.filter(s -> s.frequency() != Frequency.CUSTOM)
                        .map(s -> SchedulesApi.CLOCK_TIME.format(s.time())).orElse(null))
                .put("timezone", zone.getId());
        ArrayNode steps = node.putArray("steps");
        for (int i = 0; i < spec.steps().size(); i++) {
            steps.add(step(i + 1, spec.steps().get(i)));
        }
        node.put("enabled", !workflow.paused()).put("status", status(workflow)).put("deliveryMethod", "storage")
                .put("sendNotification", false)
                .put("lastRunAt", workflow.lastRunAt().map(t -> SchedulesApi.zoned(t, zone)).orElse(null))
                .put("nextRunAt", next(workflow)).put("runCount", workflow.runCount())
                .put("failCount", workflow.failCount()).put("createdAt", WebhooksApi.time(workflow.createdAt()));
        if (spec.sandbox()) {
            node.put("sandbox", true);
        }
        return node;
    }

    private ObjectNode step(int position, WorkflowStep step) {
        String action = ACTIONS.entrySet().stream().filter(e -> e.getValue() == step.content()).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
        ObjectNode node = node().put("position", position).put("action", action).put("inputMode", step.input().wireName());
        ObjectNode options = node.putObject("options");
        step.limit().ifPresent(limit -> options.put("limit", limit));
        if (step.replies()) {
            options.put("replies", true);
        }
        if (step.maxAge().isEmpty() && step.keyword().isEmpty()) {
            node.putNull("conditions");
        } else {
            ObjectNode conditions = node.putObject("conditions");
            step.maxAge().ifPresent(age -> conditions.put("max_age_hours", age.toHours()));
            step.keyword().ifPresent(keyword -> conditions.put("keyword", keyword));
        }
        return node;
    }

    /** A run as the seed's {@code recent_runs} entry, with its jobs' {@code guid}s and the error of a failed run. */
    private ObjectNode run(WorkflowRun run) {
        String status = switch (run.status()) {
            case SUCCEEDED -> "completed";
            case FAILED -> "failed";
            case SKIPPED -> "skipped";
        };
        ObjectNode node = node().put("startedAt", WebhooksApi.time(run.startedAt()))
                .put("completedAt", run.finishedAt().map(WebhooksApi::time).orElse(null)).put("status", status)
                .put("stepsCompleted", run.stepsCompleted()).put("totalResults", run.totalResults());
        ArrayNode guids = node.putArray("guids");
        run.jobIds().forEach(id -> guids.add(id.toString()));
        node.put("error", run.error().orElse(null));
        return node;
    }

    private static String status(Workflow workflow) {
        return workflow.paused() ? "paused" : "active";
    }

    private static String next(Workflow workflow) {
        return workflow.nextRunAt().map(t -> SchedulesApi.zoned(t, workflow.spec().schedule().orElseThrow().zone()))
                .orElse(null);
    }

    private Detection detect(String url) {
        try {
            return engine.detect(url);
        } catch (ExportException e) {
            throw ExportCommentsApi.translate(e);
        }
    }

    private Workflow workflow(Context ctx) {
        UUID id = ExportCommentsApi.uuid(ctx.pathParam("uuid"));
        return workflows.get(id).orElseThrow(() -> ApiException.notFound("no workflow with uuid " + id));
    }

    private ObjectNode fields(Context ctx) {
        ObjectNode body = api.object(ctx);
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (!FIELDS.contains(field.getKey())) {
                throw ApiException.badRequest("unknown field '" + field.getKey() + "'; a workflow takes "
                        + FIELDS.stream().sorted().toList());
            }
        }
        return body;
    }

    private ObjectNode node() {
        return api.json().createObjectNode();
    }

    private static SchedulesApi.Timing timing(WorkflowSpec.Builder spec) {
        return new SchedulesApi.Timing() {
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
}
