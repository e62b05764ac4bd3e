package io.starexport.automation;

/**
 * What a schedule does with runs whose time passed while nothing ticked (the host was down, or paused the
 * scheduler's thread for longer than the grace period).
 */
public enum MissedRunPolicy {
    /** Run once as soon as possible, however many runs were missed; the default. */
    RUN_ONCE,
    /** Run nothing now; record a {@link ScheduleRun.Status#SKIPPED} run and wait for the next time. */
    SKIP
}
