package io.starexport.benchmarks;

import java.util.List;

/**
 * One benchmark of issue 10, such as writer throughput or rate-limit fidelity. Each implementation
 * runs its figure and its baseline in this process (or in child JVMs it starts), several times, and
 * returns table rows. Add a measurement by writing a class and listing it in {@link Measurements}.
 */
interface Measurement {

    /** A short id, used by {@code --only} and as the prefix of the keys in latest.json. */
    String id();

    /** Runs the measurement; may take minutes. */
    List<Row> run(Settings settings) throws Exception;
}
