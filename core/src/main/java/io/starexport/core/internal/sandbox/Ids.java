package io.starexport.core.internal.sandbox;

/**
 * Id encodings and keyed bijections. Ids come from a bijection of a unique key (an item's position
 * in its export), so two items of one export never share an id, however many there are.
 */
final class Ids {
    static final String BASE64_URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

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

    static String base36(long value) {
        return Long.toString(value, 36);
    }

    /** {@code length} base64url characters from the high bits of {@code value}, six bits each. */
    static String base64(long value, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int shift = 58 - 6 * i;
            int digit = shift >= 0 ? (int) ((value >>> shift) & 63) : (int) ((value << -shift) & 63);
            text.append(BASE64_URL.charAt(digit));
        }
        return text.toString();
    }

    /** A non-negative number in Instagram's shortcode alphabet (base 64, no padding). */
    static String shortcode(long value) {
        StringBuilder text = new StringBuilder();
        long rest = value;
        do {
            text.append(BASE64_URL.charAt((int) (rest & 63)));
            rest >>>= 6;
        } while (rest != 0);
        return text.reverse().toString();
    }

    /** The number an Instagram shortcode encodes, or -1 when it is not one (too long, other characters). */
    static long fromShortcode(String shortcode) {
        if (shortcode.isEmpty() || shortcode.length() > 11) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < shortcode.length(); i++) {
            int digit = BASE64_URL.indexOf(shortcode.charAt(i));
            if (digit < 0 || (i == 10 && (value >>> 58) != 0)) {
                return -1;
            }
            value = (value << 6) | digit;
        }
        return value;
    }
}
