package io.starexport.platform.instagram;

import com.fasterxml.jackson.databind.JsonNode;
import io.starexport.kit.Json;
import io.starexport.spi.HttpResponse;

import java.time.Duration;
import java.util.Optional;

/**
 * Graph API usage headers (doc: developers.facebook.com/docs/graph-api/overview/rate-limiting):
 * {@code X-App-Usage: {"call_count":91,"total_cputime":15,"total_time":12}} and
 * {@code X-Business-Use-Case-Usage: {"<id>":[{"type":…,"call_count":…,"total_cputime":…,"total_time":…,
 * "estimated_time_to_regain_access":<minutes>}]}}, all percentages of the budget. From
 * {@value #SLOW_FROM}% on, each response pauses the bucket a little longer (up to a minute at 100%), so
 * the export slows down before Meta throttles it; at 100% or over it pauses for
 * {@code estimated_time_to_regain_access} minutes, or {@link #FULL} when Meta gives none. Calls made
 * while throttled make recovery take longer, so pausing is the only safe reaction.
 */
final class UsageFeedback {
    static final int SLOW_FROM = 80;
    static final Duration FULL = Duration.ofMinutes(5);
    private static final Duration SLOWEST = Duration.ofMinutes(1);

    private UsageFeedback() {
    }

    /** How long to pause after this response, if at all. Unreadable headers are ignored. */
    static Optional<Duration> pause(HttpResponse response) {
        double highest = 0;
        long regainMinutes = 0;
        JsonNode app = read(response.header("X-App-Usage"));
        if (app != null) {
            highest = Math.max(highest, highestPercentage(app));
        }
        JsonNode business = read(response.header("X-Business-Use-Case-Usage"));
        if (business != null) {
            for (JsonNode entries : business) {
                for (JsonNode entry : entries) {
                    highest = Math.max(highest, highestPercentage(entry));
                    regainMinutes = Math.max(regainMinutes, entry.path("estimated_time_to_regain_access").asLong(0));
                }
            }
        }
        if (regainMinutes > 0) {
            return Optional.of(Duration.ofMinutes(regainMinutes));
        }
        if (highest >= 100) {
            return Optional.of(FULL);
        }
        if (highest > SLOW_FROM) {
            return Optional.of(Duration.ofMillis(Math.round(SLOWEST.toMillis() * (highest - SLOW_FROM) / (100 - SLOW_FROM))));
        }
        return Optional.empty();
    }

    private static double highestPercentage(JsonNode usage) {
        double highest = 0;
        for (String field : new String[] {"call_count", "total_cputime", "total_time"}) {
            highest = Math.max(highest, usage.path(field).asDouble(0));
        }
        return highest;
    }

    private static JsonNode read(Optional<String> header) {
        if (header.isEmpty()) {
            return null;
        }
        JsonNode node = Json.parseOrNull(header.get());
        return node != null && node.isObject() ? node : null;
    }
}
