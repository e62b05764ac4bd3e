package io.starexport.benchmarks;

import java.nio.file.Path;

/**
 * How long and how often to measure.
 *
 * @param quick   the short run of {@code run.sh --quick}: fewer and shorter runs, same figures
 * @param scratch a directory for output files, deleted after the run
 */
record Settings(boolean quick, Path scratch) {

    /** Runs per figure; the table reports their median, min and max. */
    int runs() {
        return quick ? 3 : 5;
    }

    /** Picks the quick or the full value of a size or duration. */
    <T> T pick(T quickValue, T fullValue) {
        return quick ? quickValue : fullValue;
    }
}
