package io.starexport.cli;

import io.starexport.ProxyConfig;
import io.starexport.StarExport;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** How the engine reaches the platforms: proxy, endpoint overrides and credentials. */
final class ConnectionOptions {

    @Option(names = "--proxy", paramLabel = "URL", description = "Send requests through http://[user:pass@]host:port "
            + "or socks5://[user:password@]host:port.")
    String proxy;

    @Option(names = "--endpoint", paramLabel = "PLATFORM.NAME=URL", description = "Point a platform endpoint "
            + "elsewhere, e.g. youtube.api=http://localhost:8080. Repeatable.")
    List<String> endpoints = new ArrayList<>();

    @Option(names = "--credential", paramLabel = "PLATFORM.NAME=VALUE", description = "A credential, e.g. "
            + "youtube.api_key=… (or set STAREXPORT_YOUTUBE_API_KEY). Never printed. Repeatable.")
    List<String> credentials = new ArrayList<>();

    /**
     * Applies the options to an engine builder.
     *
     * @throws IllegalArgumentException or {@link IllegalStateException} for a malformed or rejected value;
     *                                  the message never holds a credential value
     */
    void configure(StarExport.Builder builder) {
        if (proxy != null) {
            builder.proxy(ProxyConfig.parse(proxy));
        }
        for (String endpoint : endpoints) {
            Setting setting = Setting.parse("--endpoint", endpoint, false);
            builder.endpoint(setting.platform(), setting.name(), setting.value());
        }
        for (String credential : credentials) {
            Setting setting = Setting.parse("--credential", credential, true);
            builder.credential(setting.platform(), setting.name(), setting.value());
        }
    }

    /** One {@code PLATFORM.NAME=VALUE} argument. */
    record Setting(String platform, String name, String value) {

        /** Parses the argument; a secret's value never appears in the error message. */
        static Setting parse(String option, String text, boolean secret) {
            int equals = text.indexOf('=');
            int dot = equals < 0 ? -1 : text.substring(0, equals).indexOf('.');
            if (dot <= 0 || dot == equals - 1) {
                String shown = !secret ? "'" + text + "'" : equals < 0 ? "a value without '='"
                        : "'" + text.substring(0, equals) + "=…'";
                throw new IllegalArgumentException(option + " expects PLATFORM.NAME=VALUE, like "
                        + (secret ? "youtube.api_key=…" : "youtube.api=http://localhost:8080") + ", but was " + shown);
            }
            return new Setting(text.substring(0, dot), text.substring(dot + 1, equals), text.substring(equals + 1));
        }
    }
}
