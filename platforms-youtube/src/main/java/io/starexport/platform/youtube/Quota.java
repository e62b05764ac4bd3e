package io.starexport.platform.youtube;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Data API units spent, per API key: a running total and the count of the current quota day, which
 * Google resets at midnight Pacific Time. Keys are held only as SHA-256 fingerprints. Thread-safe.
 */
final class Quota {
    static final ZoneId QUOTA_ZONE = ZoneId.of("America/Los_Angeles");

    private final Map<String, Usage> usage = new ConcurrentHashMap<>();

    private static final class Usage {
        long total;
        LocalDate day;
        long today;
    }

    /** Adds {@code units} spent at {@code now} with a key, and returns that key's units of the quota day. */
    long spend(String apiKey, long units, Instant now) {
        LocalDate day = now.atZone(QUOTA_ZONE).toLocalDate();
        Usage entry = usage.computeIfAbsent(fingerprint(apiKey), k -> new Usage());
        synchronized (entry) {
            if (!day.equals(entry.day)) {
                entry.day = day;
                entry.today = 0;
            }
            entry.total += units;
            entry.today += units;
            return entry.today;
        }
    }

    /** Units a key spent on the quota day of {@code now}. */
    long today(String apiKey, Instant now) {
        Usage entry = usage.get(fingerprint(apiKey));
        if (entry == null) {
            return 0;
        }
        synchronized (entry) {
            return now.atZone(QUOTA_ZONE).toLocalDate().equals(entry.day) ? entry.today : 0;
        }
    }

    /** Units a key spent since this counter was created. */
    long total(String apiKey) {
        Usage entry = usage.get(fingerprint(apiKey));
        if (entry == null) {
            return 0;
        }
        synchronized (entry) {
            return entry.total;
        }
    }

    /** Units every key spent since this counter was created. */
    long total() {
        long sum = 0;
        for (Usage entry : usage.values()) {
            synchronized (entry) {
                sum += entry.total;
            }
        }
        return sum;
    }

    private static String fingerprint(String apiKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
