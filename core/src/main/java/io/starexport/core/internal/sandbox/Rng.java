package io.starexport.core.internal.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * A tiny SplitMix64 generator. Written out here instead of using {@link java.util.SplittableRandom}
 * so the sequence is fixed by this file, not by a JDK version: the sandbox promises the same items on
 * every machine and in every release that keeps the cursor prefix.
 */
final class Rng {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    /** A generator for one numbered thing (an item, a block) below a seed. */
    static Rng of(long seed, long index) {
        return new Rng(mix(seed + GOLDEN * (index + 1)));
    }

    /** The first eight bytes of the SHA-256 of a text, big-endian. */
    static long seed(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (int i = 0; i < 8; i++) {
                seed = (seed << 8) | (digest[i] & 0xFF);
            }
            return seed;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The SplitMix64 finaliser: a bijection on 64-bit values. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in {@code [0, bound)}; {@code bound} must be positive. */
    int nextInt(int bound) {
        return (int) nextLong(bound);
    }

    /** Uniform in {@code [0, bound)}; {@code bound} must be positive. */
    long nextLong(long bound) {
        return Math.floorMod(nextLong() >>> 1, bound);
    }

    /** Uniform in {@code [from, to]}. */
    int between(int from, int to) {
        return from + nextInt(to - from + 1);
    }

    /** Uniform in {@code [0, 1)}. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    <T> T pick(List<T> values) {
        return values.get(nextInt(values.size()));
    }
}
