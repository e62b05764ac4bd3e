package io.starexport.spi;

import java.time.Duration;
import java.time.Instant;

/**
 * The shared rate-limit bucket of one platform and credentials, as a plugin may steer it from
 * feedback headers. A pause holds every export using the bucket.
 */
public interface RateLimitControl {

    /** Holds all requests of the bucket until the given time; an earlier time than a pause already set is ignored. */
    void pauseUntil(Instant until);

    /** Holds all requests of the bucket for the given time from now. */
    void pauseFor(Duration duration);
}
