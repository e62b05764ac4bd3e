package io.starexport.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** This build's version, which Maven writes into {@code version.properties} beside this class. */
public final class Version {
    /** The version, such as {@code 0.1.0}; {@code development} in a build that did not filter the resource. */
    public static final String CURRENT = read();

    private Version() {
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "development";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            return version.isBlank() || version.startsWith("${") ? "development" : version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read this build's version.properties", e);
        }
    }
}
