package io.starexport.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import io.starexport.automation.Delivery;
import io.starexport.automation.Webhook;
import io.starexport.automation.WebhookEvent;
import io.starexport.automation.WebhookRegistration;
import io.starexport.automation.Webhooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/** {@code starexport webhook …}: the signed webhooks of an automation folder ({@link Webhooks}). */
@Command(name = "webhook", usageHelpWidth = 100, mixinStandardHelpOptions = true,
        description = {
            "Registers, lists, toggles and deletes the webhooks that 'starexport run' and 'starexport schedule "
                    + "run-now' notify, and shows and resends their deliveries. Each delivery is a JSON POST signed "
                    + "with X-Signature = HMAC-SHA256 hex of the body, keyed with the webhook's secret (shown once, "
                    + "by add).",
            "Events: export.created, export.finished, export.failed, export.requeued, export.stopped, schedule.run, "
                    + "workflow.finished."},
        subcommands = {WebhookCommand.Add.class, WebhookCommand.ListWebhooks.class, WebhookCommand.Toggle.class,
            WebhookCommand.Delete.class, WebhookCommand.Deliveries.class, WebhookCommand.Resend.class},
        footer = {
            "",
            "Examples:",
            "  starexport webhook add https://example.com/hook --event export.finished --event schedule.run",
            "  starexport webhook add http://127.0.0.1:9000/hook --allow-local --json",
            "  starexport webhook list",
            "  starexport webhook toggle 3f2b8c1e-5d4a-4f7e-9c3b-2a1d0e9f8b7c",
            "  starexport webhook deliveries 3f2b8c1e-5d4a-4f7e-9c3b-2a1d0e9f8b7c --json",
            "  starexport webhook resend 3f2b8c1e-5d4a-4f7e-9c3b-2a1d0e9f8b7c msg_6f1c0a9e"})
final class WebhookCommand {

    /** What every subcommand has: the folder options, the common options, and its spec. */
    abstract static class Sub implements Callable<Integer>, Main.HasCommonOptions {
        @Spec
        CommandSpec spec;
        @Mixin
        Automation.Options folder;
        @Mixin
        CommonOptions common;

        @Override
        public CommonOptions common() {
            return common;
        }

        @Override
        public Integer call() {
            try (Webhooks webhooks = folder.webhooks()) {
                return call(webhooks, Commands.main(spec).out());
            }
        }

        abstract int call(Webhooks webhooks, PrintWriter out);

        Webhook find(Webhooks webhooks, String id) {
            UUID uuid = Commands.id(spec, id);
            return Commands.found(webhooks.get(uuid), "webhook", uuid, "starexport webhook list");
        }

        void message(String text) {
            Commands.main(spec).err().println(text);
            Commands.main(spec).err().flush();
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Registers a webhook and prints its "
            + "signing secret on stdout, this once.")
    static final class Add extends Sub {
        @Parameters(paramLabel = "URL", description = "The https URL to POST deliveries to.")
        String url;
        @Option(names = "--event", paramLabel = "EVENT", description = "An event to deliver, such as export.finished; "
                + "repeatable. Default: every event.")
        List<String> events = List.of();

        @Override
        int call(Webhooks webhooks, PrintWriter out) {
            Set<WebhookEvent> chosen = events.isEmpty() ? EnumSet.allOf(WebhookEvent.class)
                    : Commands.usage(spec, () -> events.stream().map(WebhookEvent::fromWireName)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(WebhookEvent.class))));
            WebhookRegistration registration = Commands.usage(spec, () -> webhooks.register(url, chosen));
            if (common.json) {
                ObjectNode data = json(registration.webhook());
                data.put("secret", registration.secret());
                JsonOutput.success(out, data);
                return ExitCode.OK;
            }
            out.println(registration.secret());
            out.flush();
            message("Registered webhook " + registration.webhook().id() + " for " + names(chosen)
                    + ". The signing secret above is shown only this once.");
            return ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the webhooks.")
    static final class ListWebhooks extends Sub {
        @Override
        int call(Webhooks webhooks, PrintWriter out) {
            if (common.json) {
                ArrayNode data = JsonOutput.array();
                webhooks.list().forEach(w -> data.add(json(w)));
                JsonOutput.success(out, data);
                return ExitCode.OK;
            }
            TextTable table = new TextTable("ID", "URL", "STATUS", "EVENTS", "DELIVERED", "FAILING");
            webhooks.list().forEach(w -> table.row(w.id().toString(), w.url().toString(), status(w),
                    names(w.events()), String.valueOf(w.eventsCount()), String.valueOf(w.consecutiveFailures())));
            table.print(out);
            return ExitCode.OK;
        }
    }

    @Command(name = "toggle", mixinStandardHelpOptions = true, description = "Turns a webhook off, or back on "
            + "(also after it was suspended for failing 30 times in a row).")
    static final class Toggle extends Sub {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int call(Webhooks webhooks, PrintWriter out) {
            Webhook toggled = webhooks.toggle(find(webhooks, id).id());
            if (common.json) {
                JsonOutput.success(out, json(toggled));
            } else {
                message("Webhook " + toggled.id() + " is now " + status(toggled) + ".");
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a webhook and its delivery log.")
    static final class Delete extends Sub {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int call(Webhooks webhooks, PrintWriter out) {
            UUID uuid = find(webhooks, id).id();
            webhooks.delete(uuid);
            if (common.json) {
                JsonOutput.success(out, JsonOutput.object().put("deleted", uuid.toString()));
            } else {
                message("Deleted webhook " + uuid + ".");
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "deliveries", mixinStandardHelpOptions = true, description = "The webhook's logged deliveries (the last "
            + "100): message id, event, response code, attempts, duration.")
    static final class Deliveries extends Sub {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int call(Webhooks webhooks, PrintWriter out) {
            List<Delivery> deliveries = webhooks.deliveries(find(webhooks, id).id());
            if (common.json) {
                ArrayNode data = JsonOutput.array();
                deliveries.forEach(d -> data.add(json(d)));
                JsonOutput.success(out, data);
                return ExitCode.OK;
            }
            TextTable table = new TextTable("MESSAGE", "EVENT", "AT", "CODE", "ATTEMPTS", "MS", "DELIVERED");
            deliveries.forEach(d -> table.row(d.messageId(), d.event().wireName(), d.at().toString(),
                    d.responseCode().isPresent() ? String.valueOf(d.responseCode().getAsInt()) : d.error().orElse("-"),
                    String.valueOf(d.attempts()), String.valueOf(d.duration().toMillis()), d.delivered() ? "yes" : "no"));
            table.print(out);
            return ExitCode.OK;
        }
    }

    @Command(name = "resend", mixinStandardHelpOptions = true, description = "Sends a logged delivery again (same "
            + "body and message_id, fresh signature) and waits for the answer.")
    static final class Resend extends Sub {
        @Parameters(index = "0", paramLabel = "ID")
        String id;
        @Parameters(index = "1", paramLabel = "MESSAGE_ID", description = "From 'starexport webhook deliveries ID'.")
        String messageId;

        @Override
        int call(Webhooks webhooks, PrintWriter out) {
            Webhook webhook = find(webhooks, id);
            if (webhooks.deliveries(webhook.id()).stream().noneMatch(d -> d.messageId().equals(messageId))) {
                throw ExportException.of(ErrorCode.NOT_FOUND, "Webhook " + webhook.id() + " has no logged delivery "
                        + messageId + "; 'starexport webhook deliveries " + webhook.id() + "' lists them.");
            }
            Delivery delivery;
            try {
                delivery = Commands.usage(spec, () -> webhooks.resend(messageId)).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ExportException.of(ErrorCode.CANCELLED, "The resend was interrupted.", e);
            } catch (ExecutionException e) {
                throw ExportException.of(ErrorCode.NETWORK, "The resend failed: " + e.getCause().getMessage(), e);
            }
            String outcome = delivery.responseCode().isPresent() ? "HTTP " + delivery.responseCode().getAsInt()
                    : delivery.error().orElse("no answer");
            if (!delivery.delivered()) {
                throw ExportException.of(ErrorCode.NETWORK, "The receiver did not accept " + messageId + ": " + outcome);
            }
            if (common.json) {
                JsonOutput.success(out, json(delivery));
            } else {
                message("Resent " + messageId + ": " + outcome + ".");
            }
            return ExitCode.OK;
        }
    }

    static ObjectNode json(Webhook webhook) {
        ObjectNode node = JsonOutput.object();
        node.put("id", webhook.id().toString());
        node.put("url", webhook.url().toString());
        ArrayNode events = node.putArray("events");
        webhook.events().stream().map(WebhookEvent::wireName).sorted().forEach(events::add);
        node.put("status", JsonOutput.lowerCase(webhook.status()));
        node.put("status_code", webhook.status().code());
        node.put("consecutive_failures", webhook.consecutiveFailures());
        node.put("events_count", webhook.eventsCount());
        node.put("last_event_at", Commands.time(webhook.lastEventAt()));
        node.put("created_at", webhook.createdAt().toString());
        return node;
    }

    private static ObjectNode json(Delivery delivery) {
        ObjectNode node = JsonOutput.object();
        node.put("message_id", delivery.messageId());
        node.put("event", delivery.event().wireName());
        node.put("at", delivery.at().toString());
        if (delivery.responseCode().isPresent()) {
            node.put("response_code", delivery.responseCode().getAsInt());
        } else {
            node.putNull("response_code");
        }
        node.put("attempts", delivery.attempts());
        node.put("duration_ms", delivery.duration().toMillis());
        node.put("delivered", delivery.delivered());
        node.put("error", delivery.error().orElse(null));
        return node;
    }

    private static String status(Webhook webhook) {
        return JsonOutput.lowerCase(webhook.status());
    }

    private static String names(Set<WebhookEvent> events) {
        return events.stream().map(WebhookEvent::wireName).sorted().collect(Collectors.joining(", "));
    }
}
