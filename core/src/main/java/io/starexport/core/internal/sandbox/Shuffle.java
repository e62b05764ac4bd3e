package io.starexport.core.internal.sandbox;

/**
 * A keyed bijection on {@code [0, size)} with its inverse, in constant memory: {@link Ids#permute} on
 * the next power of two, walking the cycle until the value falls inside the range. Used to rank
 * comments by likes without ever holding them all.
 */
final class Shuffle {
    private final long size;
    private final int bits;
    private final long key;

    Shuffle(long size, long key) {
        this.size = size;
        this.bits = Math.max(2, 64 - Long.numberOfLeadingZeros(Math.max(1, size - 1)));
        this.key = key;
    }

    long apply(long value) {
        long x = Ids.permute(value, bits, key);
        while (x >= size) {
            x = Ids.permute(x, bits, key);
        }
        return x;
    }

    long invert(long value) {
        long x = Ids.unpermute(value, bits, key);
        while (x >= size) {
            x = Ids.unpermute(x, bits, key);
        }
        return x;
    }
}
