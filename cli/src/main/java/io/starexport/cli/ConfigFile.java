package io.starexport.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The user's settings file, {@code $XDG_CONFIG_HOME/starexport/config.properties} (by default
 * {@code ~/.config/starexport/config.properties}), or the file {@code --config} names. One {@code key=value}
 * per line; blank lines and lines starting with {@code #} or {@code !} are skipped; white space around keys and
 * values is ignored; no line continuations or escapes. Keys:
 * <ul>
 *   <li>{@code <platform>.<name>}: a credential, such as {@code youtube.api_key};</li>
 *   <li>{@code endpoint.<platform>.<name>}: an endpoint base URL, as {@code --endpoint};</li>
 *   <li>{@code proxy}, {@code cookies}, {@code format}, {@code name}, {@code concurrency}: defaults of the
 *       options of the same names.</li>
 * </ul>
 * A file that breaks these rules is refused with its path and line number; values are never quoted in messages.
 */
final class ConfigFile {
    static final String PROXY = "proxy";
    static final String COOKIES = "cookies";
    static final String FORMAT = "format";
    static final String NAME = "name";
    static final String CONCURRENCY = "concurrency";
    private static final Set<String> OPTIONS = Set.of(PROXY, COOKIES, FORMAT, NAME, CONCURRENCY);
    private static final String ENDPOINT = "endpoint.";
    private static final Pattern KEY = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*");

    /** One setting and where it came from. */
    record Entry(String key, String value, int line) {
    }

    private final Path file;
    private final Map<String, Entry> entries;

    private ConfigFile(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = Collections.unmodifiableMap(entries);
    }

    static ConfigFile empty() {
        return new ConfigFile(null, new LinkedHashMap<>());
    }

    /** Where the file is looked for without {@code --config}: {@code XDG_CONFIG_HOME} when absolute, else {@code ~/.config}. */
    static Path defaultLocation(Map<String, String> environment, String userHome) {
        String xdg = environment.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(userHome, ".config");
        return base.resolve("starexport").resolve("config.properties");
    }

    /**
     * Reads the file. A missing default file is no file; a missing file given with {@code --config} is an error.
     *
     * @throws IllegalArgumentException naming the file (and line) when it is missing, unreadable or malformed
     */
    static ConfigFile load(Path file, boolean explicit) {
        if (!Files.exists(file)) {
            if (explicit) {
                throw new IllegalArgumentException("config file not found: " + file);
            }
            return empty();
        }
        List<String> lines;
        try {
            lines = UserFiles.readLines(file, "config file");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("config file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage());
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = (i == 0 ? lines.get(i).replaceFirst("^\uFEFF", "") : lines.get(i)).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw malformed(file, number, "expected key=value");
            }
            String key = line.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(equals + 1).strip();
            if (!KEY.matcher(key).matches()) {
                throw malformed(file, number, "'" + key + "' is not a key (letters, digits, _ and - in dotted parts)");
            }
            checkKey(file, number, key, value);
            Entry earlier = entries.put(key, new Entry(key, value, number));
            if (earlier != null) {
                throw malformed(file, number, key + " was already set on line " + earlier.line());
            }
        }
        return new ConfigFile(file, entries);
    }

    private static void checkKey(Path file, int number, String key, String value) {
        if (value.isEmpty()) {
            throw malformed(file, number, key + " has no value");
        }
        if (OPTIONS.contains(key)) {
            if (key.equals(CONCURRENCY) && !value.matches("[1-9][0-9]{0,3}")) {
                throw malformed(file, number, "concurrency must be a whole number from 1 to 9999");
            }
            return;
        }
        String[] parts = key.split("\\.");
        boolean endpoint = key.startsWith(ENDPOINT);
        if (endpoint ? parts.length != 3 : parts.length != 2) {
            throw malformed(file, number, "unknown key '" + key + "'; keys are " + String.join(", ", OPTIONS.stream()
                    .sorted().toList()) + ", <platform>.<credential> and endpoint.<platform>.<name>");
        }
    }

    private static IllegalArgumentException malformed(Path file, int line, String problem) {
        return new IllegalArgumentException("config file " + file + " line " + line + ": " + problem);
    }

    /** The file read, when there was one. */
    Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    Optional<Entry> option(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** {@code <platform>.<name>} credentials, in file order. */
    List<Entry> credentials() {
        return entries.values().stream().filter(e -> !OPTIONS.contains(e.key()) && !e.key().startsWith(ENDPOINT)).toList();
    }

    /** {@code endpoint.<platform>.<name>} entries, with the key shortened to {@code <platform>.<name>}. */
    List<Entry> endpoints() {
        return entries.values().stream().filter(e -> e.key().startsWith(ENDPOINT))
                .map(e -> new Entry(e.key().substring(ENDPOINT.length()), e.value(), e.line())).toList();
    }

    /**
     * A path setting: {@code ~/} is the user's home folder, and a relative path is relative to the folder of
     * the config file, so the setting means the same from any working directory.
     */
    Path path(Entry entry) {
        Path path = home(Path.of(entry.value()));
        return path.isAbsolute() || file == null ? path : file.toAbsolutePath().getParent().resolve(path);
    }

    /**
     * A path with a leading {@code ~} or {@code ~/} taken as the user's home folder, as the shell would, for the
     * spellings it leaves alone: {@code --cookies=~/cookies.txt}, or a value in this file.
     */
    static Path home(Path path) {
        String value = path.toString();
        if (value.equals("~") || value.startsWith("~/") || value.startsWith("~" + path.getFileSystem().getSeparator())) {
            return Path.of(System.getProperty("user.home")).resolve(value.substring(1).replaceFirst("^[/\\\\]", ""));
        }
        return path;
    }

    /** Where a setting was given, for messages: {@code config file PATH line N}. */
    String where(Entry entry) {
        return "config file " + file + " line " + entry.line();
    }

    /** Whether the file holds secrets: credentials, or a proxy with a password. */
    boolean holdsSecrets() {
        return !credentials().isEmpty() || option(PROXY).map(e -> e.value().matches("^[a-zA-Z0-9+.-]+://[^/@]*:[^/@]*@.*"))
                .orElse(false);
    }

    /**
     * A warning when a file holding secrets can be read by other users (POSIX systems only), else empty.
     */
    static Optional<String> permissionWarning(Path file, String what) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                return Optional.of("warning: " + file + " holds " + what + " and can be read by other users; "
                        + "restrict it with: chmod 600 " + file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system (Windows), or the file went away: nothing to say.
        }
        return Optional.empty();
    }
}
