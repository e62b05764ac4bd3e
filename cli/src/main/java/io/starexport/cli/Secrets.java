package io.starexport.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The secret values of one run (credential values from the arguments and from {@code STAREXPORT_*}
 * environment variables, proxy passwords, and later what {@link #add} adds: config-file credentials and
 * cookie values), and writers that mask them. Every line the CLI prints goes through such a writer, so a
 * secret that slips into a message (an unknown-option error that echoes its argument, say) still never
 * reaches the terminal. Thread-safe.
 */
final class Secrets {
    /** Shorter values are not masked: they would blank out ordinary words. */
    private static final int MIN_LENGTH = 4;
    private static final String MASK = "***";

    private volatile List<String> values;

    private Secrets(List<String> values) {
        this.values = usable(values);
    }

    private static List<String> usable(Collection<String> values) {
        return values.stream().filter(v -> v.length() >= MIN_LENGTH).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** Masks these values too from now on: secrets found after the arguments were read. */
    synchronized void add(Collection<String> more) {
        List<String> all = new ArrayList<>(values);
        all.addAll(more);
        values = usable(all);
    }

    /** Adds the password of a proxy URL, as for {@code --proxy}. */
    void addProxy(String proxy) {
        List<String> found = new ArrayList<>();
        addSecretOf("--proxy", proxy, found);
        add(found);
    }

    static Secrets find(String[] args, Map<String, String> environment) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--credential") || arg.equals("--proxy")) && i + 1 < args.length) {
                addSecretOf(arg, args[i + 1], found);
            } else if (arg.startsWith("--credential=")) {
                addSecretOf("--credential", arg.substring("--credential=".length()), found);
            } else if (arg.startsWith("--proxy=")) {
                addSecretOf("--proxy", arg.substring("--proxy=".length()), found);
            }
        }
        environment.forEach((name, value) -> {
            if (name.startsWith("STAREXPORT_") && value != null) {
                found.add(value);
            }
        });
        return new Secrets(found);
    }

    private static void addSecretOf(String option, String value, List<String> found) {
        if (option.equals("--credential")) {
            int equals = value.indexOf('=');
            // Without '=' the argument is malformed and may be the bare secret: mask all of it.
            found.add(equals < 0 ? value : value.substring(equals + 1));
            return;
        }
        try {
            String userInfo = URI.create(value.trim()).getRawUserInfo();
            int colon = userInfo == null ? -1 : userInfo.indexOf(':');
            if (colon >= 0) {
                String password = userInfo.substring(colon + 1);
                found.add(password);
                found.add(URLDecoder.decode(password, StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            found.add(value); // not parseable: treat the whole proxy argument as secret
        }
    }

    String mask(String text) {
        String result = text;
        for (String value : values) {
            result = result.replace(value, MASK);
        }
        return result;
    }

    /** A print writer on the stream that masks secrets, writing through on each line end and flush. */
    PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new MaskingWriter(stream), true);
    }

    private final class MaskingWriter extends Writer {
        private final PrintStream target;
        private final StringBuilder pending = new StringBuilder();

        MaskingWriter(PrintStream target) {
            this.target = target;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            synchronized (lock) {
                pending.append(buffer, offset, length);
                int lineEnd = pending.lastIndexOf("\n");
                if (lineEnd >= 0) {
                    target.print(mask(pending.substring(0, lineEnd + 1)));
                    pending.delete(0, lineEnd + 1);
                }
            }
        }

        @Override
        public void flush() {
            synchronized (lock) {
                if (pending.length() > 0) {
                    target.print(mask(pending.toString()));
                    pending.setLength(0);
                }
                target.flush();
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
