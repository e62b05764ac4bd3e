package io.starexport.core.internal.sandbox;

import io.starexport.spi.SampleStyle.IdShape;

/**
 * Id encodings and keyed bijections. Ids come from a bijection of a unique key (an item's position
 * in its export), so two items of one export never share an id, however many there are.
 */
final class Ids {
    private Ids() {
    }

    /**
     * A keyed bijection on {@code [0, 2^bits)}: rounds of multiply-by-odd, add and xor-shift, each of
     * which is invertible modulo a power of two.
     */
    static long permute(long value, int bits, long key) {
        long mask = mask(bits);
        int shift = Math.max(1, bits / 2);
        long x = value & mask;
        for (int round = 0; round < 3; round++) {
            x = (x * multiplier(key, round) + addend(key, round)) & mask;
            x ^= x >>> shift;
        }
        return x;
    }

    /** The inverse of {@link #permute}. */
    static long unpermute(long value, int bits, long key) {
        long mask = mask(bits);
        int shift = Math.max(1, bits / 2);
        long x = value & mask;
        for (int round = 2; round >= 0; round--) {
            long y = x;
            for (int s = shift; s < bits; s += shift) {
                x = y ^ (x >>> shift);
            }
            x = ((x - addend(key, round)) * inverse(multiplier(key, round))) & mask;
        }
        return x;
    }

    private static long mask(int bits) {
        return bits >= 64 ? -1L : (1L << bits) - 1;
    }

    private static long multiplier(long key, int round) {
        return Rng.mix(key + 0x51A7L * (round + 1)) | 1L;
    }

    private static long addend(long key, int round) {
        return Rng.mix(key ^ (0xB0A7L << round));
    }

    /** The inverse of an odd number modulo 2^64 (Newton's iteration doubles the correct bits each step). */
    private static long inverse(long odd) {
        long inverse = odd;
        for (int i = 0; i < 5; i++) {
            inverse *= 2 - odd * inverse;
        }
        return inverse;
    }

    /**
     * The id of shape {@code shape} for a unique number {@code key}: distinct keys give distinct ids while
     * the shape can spell more ids than there are keys. A shape with room for at most 2^63 ids spells a
     * keyed bijection of the key; a larger one spells a 63-bit bijection of it, least significant digit
     * first, and fills the remaining characters from a hash of it.
     */
    static String spell(IdShape shape, long key, long salt) {
        String alphabet = shape.alphabet();
        int base = alphabet.length();
        int length = shape.length();
        long capacity = 1;
        for (int i = 0; i < length && capacity > 0; i++) {
            capacity = capacity > Long.MAX_VALUE / base ? -1 : capacity * base;
        }
        char[] text = new char[length];
        if (capacity > 0) {
            long value = new Shuffle(capacity, salt).apply(Math.floorMod(key, capacity));
            for (int i = length - 1; i >= 0; i--) {
                text[i] = alphabet.charAt((int) (value % base));
                value /= base;
            }
        } else {
            long value = permute(key, 63, salt);
            int i = 0;
            for (long rest = Long.MAX_VALUE; rest != 0; rest /= base) {
                text[i++] = alphabet.charAt((int) (value % base));
                value /= base;
            }
            Rng filler = new Rng(Rng.mix(key ^ salt));
            while (i < length) {
                text[i++] = alphabet.charAt(filler.nextInt(base));
            }
        }
        return shape.prefix() + new String(text) + shape.suffix();
    }
}
