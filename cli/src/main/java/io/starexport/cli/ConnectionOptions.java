package io.starexport.cli;

import io.starexport.PlatformInfo;
import io.starexport.ProxyConfig;
import io.starexport.StarExport;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How the engine reaches the platforms: proxy, endpoint overrides, credentials, cookies and the config file.
 * Precedence, highest first: options on the command line ({@code --credential} before {@code --cookies}), the
 * environment ({@code STAREXPORT_<PLATFORM>_<NAME>}, {@code STAREXPORT_PROXY}), the config file.
 */
final class ConnectionOptions {
    /** The environment variable for the proxy, between {@code --proxy} and the config file's {@code proxy}. */
    static final String PROXY_VARIABLE = "STAREXPORT_PROXY";

    @Option(names = "--proxy", paramLabel = "URL", description = "Send requests through http://[user:pass@]host:port "
            + "or socks5://[user:password@]host:port (or set STAREXPORT_PROXY, or proxy= in the config file).")
    String proxy;

    @Option(names = "--endpoint", paramLabel = "PLATFORM.NAME=URL", description = "Point a platform endpoint "
            + "elsewhere, e.g. youtube.api=http://localhost:8080. Repeatable.")
    List<String> endpoints = new ArrayList<>();

    @Option(names = "--credential", paramLabel = "PLATFORM.NAME=VALUE", description = "A credential, e.g. "
            + "youtube.api_key=… (or set STAREXPORT_YOUTUBE_API_KEY, or youtube.api_key= in the config file). "
            + "Never printed. Repeatable.")
    List<String> credentials = new ArrayList<>();

    @Option(names = "--cookies", paramLabel = "FILE", description = "Cookies of a logged-in browser, in the Netscape "
            + "cookies.txt format yt-dlp and browser extensions write: tiktok.com cookies become TikTok's cookie "
            + "credential, instagram.com's sessionid, csrftoken and ds_user_id Instagram's; others are reported as "
            + "ignored. Never printed.")
    Path cookies;

    @Option(names = "--config", paramLabel = "FILE", description = "Read settings from FILE instead of "
            + "$XDG_CONFIG_HOME/starexport/config.properties (default ~/.config/starexport/config.properties).")
    Path config;

    /** The config file: {@code --config}, else the default location when it exists. */
    ConfigFile configFile(Map<String, String> environment) {
        return config != null ? ConfigFile.load(ConfigFile.home(config), true)
                : ConfigFile.load(ConfigFile.defaultLocation(environment, System.getProperty("user.home")), false);
    }

    /**
     * Applies the options, the environment and the config file to an engine builder.
     *
     * @param platforms the installed platforms, asked for only when cookies or config credentials need them
     * @throws IllegalArgumentException or {@link IllegalStateException} for a malformed or rejected value;
     *                                  the message never holds a credential value
     */
    void configure(StarExport.Builder builder, ConfigFile file, Map<String, String> environment, Secrets secrets,
                   PrintWriter err, Supplier<List<PlatformInfo>> platforms) {
        file.file().filter(f -> file.holdsSecrets()).flatMap(f -> ConfigFile.permissionWarning(f, "credentials"))
                .ifPresent(err::println);
        configureProxy(builder, file, environment, secrets);
        Set<String> endpointsGiven = new HashSet<>();
        for (String endpoint : endpoints) {
            Setting setting = Setting.parse("--endpoint", endpoint, false);
            builder.endpoint(setting.platform(), setting.name(), setting.value());
            endpointsGiven.add(key(setting.platform(), setting.name()));
        }
        for (ConfigFile.Entry entry : file.endpoints()) {
            Setting setting = Setting.parse(file.where(entry), entry.key() + "=" + entry.value(), false);
            if (!endpointsGiven.contains(key(setting.platform(), setting.name()))) {
                try {
                    builder.endpoint(setting.platform(), setting.name(), setting.value());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file.where(entry) + ": " + e.getMessage(), e);
                }
            }
        }
        Set<String> given = new HashSet<>();
        for (String credential : credentials) {
            Setting setting = Setting.parse("--credential", credential, true);
            builder.credential(setting.platform(), setting.name(), setting.value());
            given.add(key(setting.platform(), setting.name()));
        }
        Path cookieFile = cookies != null ? ConfigFile.home(cookies) : file.option(ConfigFile.COOKIES).map(file::path).orElse(null);
        List<PlatformInfo> installed = cookieFile != null || !file.credentials().isEmpty() ? platforms.get() : List.of();
        if (cookieFile != null) {
            configureCookies(builder, cookieFile, installed, given, secrets, err);
        }
        builder.environment(environmentWithConfig(file, environment, installed, secrets));
    }

    private void configureProxy(StarExport.Builder builder, ConfigFile file, Map<String, String> environment,
                                Secrets secrets) {
        if (proxy != null) {
            builder.proxy(ProxyConfig.parse(proxy));
            return;
        }
        String fromEnvironment = environment.get(PROXY_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            builder.proxy(parseProxy(fromEnvironment, PROXY_VARIABLE));
            return;
        }
        Optional<ConfigFile.Entry> entry = file.option(ConfigFile.PROXY);
        if (entry.isPresent()) {
            secrets.addProxy(entry.get().value());
            builder.proxy(parseProxy(entry.get().value(), file.where(entry.get())));
        }
    }

    private static ProxyConfig parseProxy(String value, String where) {
        try {
            return ProxyConfig.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static void configureCookies(StarExport.Builder builder, Path file, List<PlatformInfo> platforms,
                                         Set<String> given, Secrets secrets, PrintWriter err) {
        CookieFile.Contents contents = CookieFile.read(file, Instant.now());
        secrets.add(contents.cookies().stream().map(CookieFile.Cookie::value).toList());
        ConfigFile.permissionWarning(file, "cookies").ifPresent(err::println);
        contents.warnings().forEach(err::println);
        if (contents.expired() > 0) {
            err.println("cookies: " + contents.expired() + " expired cookie" + (contents.expired() == 1 ? "" : "s")
                    + " in " + file + " left out");
        }
        CookieCredentials.Mapping mapping = CookieCredentials.map(contents.cookies(), platforms, given);
        mapping.credentials().forEach(c -> builder.credential(c.platform(), c.name(), c.value()));
        secrets.add(mapping.credentials().stream().map(CookieCredentials.Credential::value).toList());
        mapping.notes().forEach(err::println);
        err.flush();
    }

    /**
     * The environment the engine reads credentials from, with the config file's credentials added under their
     * {@code STAREXPORT_<PLATFORM>_<NAME>} names where the real environment does not set them, so that
     * environment variables win over the file and {@code --credential} (set on the builder) wins over both.
     */
    private static Map<String, String> environmentWithConfig(ConfigFile file, Map<String, String> environment,
                                                             List<PlatformInfo> platforms, Secrets secrets) {
        Map<String, String> merged = new HashMap<>();
        for (ConfigFile.Entry entry : file.credentials()) {
            int dot = entry.key().indexOf('.');
            String platform = entry.key().substring(0, dot);
            String name = entry.key().substring(dot + 1).replace('-', '_');
            PlatformInfo info = platforms.stream().filter(p -> p.id().equals(platform)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(file.where(entry) + ": no installed platform '"
                            + platform + "'; installed: " + String.join(", ", platforms.stream().map(PlatformInfo::id)
                            .sorted().toList())));
            if (!info.credentials().contains(name)) {
                throw new IllegalArgumentException(file.where(entry) + ": " + info.name() + " has no credential '"
                        + name + "'; it takes " + (info.credentials().isEmpty() ? "none"
                        : String.join(", ", info.credentials())));
            }
            merged.put(variable(platform, name), entry.value());
            secrets.add(List.of(entry.value()));
        }
        merged.putAll(environment);
        return merged;
    }

    /** The environment variable of a credential: {@code STAREXPORT_YOUTUBE_API_KEY}. */
    static String variable(String platform, String name) {
        return "STAREXPORT_" + (platform + "_" + name).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static String key(String platform, String name) {
        return platform.toLowerCase(Locale.ROOT) + "." + name.toLowerCase(Locale.ROOT).replace('-', '_');
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
