package io.starexport.spi;

import java.util.Locale;

/** Host-name checks for {@link Platform#resolve}: exact or subdomain matches, never substrings. */
public final class Hosts {
    private Hosts() {
    }

    /**
     * True when {@code host} is {@code domain} or a subdomain of it. {@code youtube.com.evil.example}
     * and {@code notyoutube.com} do not match {@code youtube.com}.
     */
    public static boolean matches(String host, String domain) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        String d = domain.toLowerCase(Locale.ROOT);
        return h.equals(d) || h.endsWith("." + d);
    }
}
