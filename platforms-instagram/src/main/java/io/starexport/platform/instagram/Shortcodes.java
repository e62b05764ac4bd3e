package io.starexport.platform.instagram;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Shortcode ↔ media pk. A shortcode is the pk written in base 64 with the URL-safe alphabet, most
 * significant digit first (gallery-dl {@code id_from_shortcode}, yt-dlp {@code _id_to_pk}, Instaloader
 * {@code shortcode_to_mediaid}). Private posts carry 28 extra characters after the real shortcode, which
 * yt-dlp and gallery-dl cut off before decoding.
 */
final class Shortcodes {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final int PRIVATE_SUFFIX = 28;
    private static final int MAX_LENGTH = 11;
    private static final BigInteger SIXTY_FOUR = BigInteger.valueOf(64);

    private Shortcodes() {
    }

    /** The media pk of a shortcode, or empty when it is not a valid shortcode of a 63-bit pk. */
    static Optional<Long> toMediaId(String shortcode) {
        String code = shortcode.length() > PRIVATE_SUFFIX ? shortcode.substring(0, shortcode.length() - PRIVATE_SUFFIX)
                : shortcode;
        if (code.isEmpty() || code.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        BigInteger value = BigInteger.ZERO;
        for (int i = 0; i < code.length(); i++) {
            int digit = ALPHABET.indexOf(code.charAt(i));
            if (digit < 0) {
                return Optional.empty();
            }
            value = value.multiply(SIXTY_FOUR).add(BigInteger.valueOf(digit));
        }
        return value.bitLength() <= 63 && value.signum() > 0 ? Optional.of(value.longValue()) : Optional.empty();
    }

    /** The shortcode of a positive media pk. */
    static String fromMediaId(long mediaId) {
        if (mediaId <= 0) {
            throw new IllegalArgumentException("media id must be positive but was " + mediaId);
        }
        StringBuilder code = new StringBuilder();
        for (long rest = mediaId; rest > 0; rest >>>= 6) {
            code.append(ALPHABET.charAt((int) (rest & 63)));
        }
        return code.reverse().toString();
    }

    /** The pk part of a media id such as {@code 2317006284167526179_305701719}. */
    static String pkOf(String mediaId) {
        int underscore = mediaId.indexOf('_');
        return underscore < 0 ? mediaId : mediaId.substring(0, underscore);
    }
}
