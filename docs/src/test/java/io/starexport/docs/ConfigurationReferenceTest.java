package io.starexport.docs;

import io.starexport.ExportSpec;
import io.starexport.ProxyConfig;
import io.starexport.RetryPolicy;
import io.starexport.spi.Platform;
import io.starexport.spi.RateLimit;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/configuration.md} lists exactly what the code offers, both ways: every option is documented,
 * and nothing documented is gone.
 * <ul>
 *   <li><b>Builder options</b>: every public nested {@code Builder} class of an {@code io.starexport} package
 *       found on the class path (the api/spi item and request builders, internal packages, the examples and
 *       these tests left out), plus the fluent configuration types {@link #FLUENT_TYPES}. An option is a public
 *       method that returns its own type, other than {@code build}. Each type has a {@code ### `Type`} heading
 *       (for a nested builder, {@code `Outer.Builder`}); the first cell of each table row under it holds one
 *       or more signatures such as {@code `proxy(String, ProxyConfig)`} (generic arguments ignored).</li>
 *   <li><b>CLI flags</b>: the commands from {@code starexport --help} (recursively), and each command's
 *       options from its own {@code --help}, the public surface; a {@code ### `starexport <command>`} heading
 *       each, with the flags in the first cell of its table rows.</li>
 *   <li><b>Environment variables</b>: {@code STAREXPORT_<PLATFORM>_<NAME>} for each credential name the
 *       bundled platforms expose through {@link Platform#credentialNames()}, plus any other
 *       {@code STAREXPORT_*} variable the CLI's help mentions; the first cells of the table under
 *       {@code ## Environment variables}.</li>
 * </ul>
 */
class ConfigurationReferenceTest {
    /**
     * Configuration types that are not named {@code Builder} but are set up the same way, and the export request's
     * builder, which lives in the api package beside the item model.
     */
    static final List<Class<?>> FLUENT_TYPES = List.of(ExportSpec.class, RetryPolicy.class, ProxyConfig.class,
            RateLimit.class, io.starexport.api.ExportRequest.Builder.class);
    /** Packages whose builders are not configuration: the item model and plugin SPI (see writing-a-platform.md). */
    private static final List<String> NOT_CONFIGURATION = List.of("io.starexport.api", "io.starexport.spi",
            "io.starexport.examples", "io.starexport.benchmarks", "io.starexport.docs");
    private static final Pattern SIGNATURE = Pattern.compile("`(\\w+)\\(([^`]*)\\)`");
    private static final Pattern ENV = Pattern.compile("STAREXPORT_[A-Z0-9_]+");

    private final Markdown reference = Markdown.read(Markdown.docsDirectory().resolve("configuration.md"));

    @Test
    void everyBuilderOptionIsDocumentedAndNothingElse() {
        Map<String, Set<String>> code = new TreeMap<>();
        for (Class<?> type : configurationTypes()) {
            code.put(displayName(type), options(type));
        }
        Map<String, Set<String>> documented = new TreeMap<>();
        for (Markdown.Heading heading : reference.headings()) {
            String title = singleCodeSpan(heading);
            if (heading.level() != 3 || title == null || title.startsWith("starexport")) {
                continue;
            }
            Set<String> signatures = documented.computeIfAbsent(title, t -> new TreeSet<>());
            for (Markdown.Row row : reference.rowsUnder(heading)) {
                Matcher signature = SIGNATURE.matcher(row.cells().get(0));
                while (signature.find()) {
                    signatures.add(signature.group(1) + "(" + normalise(signature.group(2)) + ")");
                }
            }
        }
        assertThat(code).as("builders found").containsKeys("StarExport.Builder", "JobExecutor.Builder",
                "MediaOptions.Builder", "YouTubePlatform.Builder", "RedditPlatform.Builder",
                "InstagramPlatform.Builder", "TikTokPlatform.Builder");
        assertThat(differences(code, documented)).as("builder options missing from (+) or stale in (-) "
                + "docs/configuration.md; a type needs a ### `Type` heading and a table row per option").isEmpty();
    }

    @Test
    void everyCliFlagIsDocumentedAndNothingElse() {
        Map<String, Set<String>> code = new TreeMap<>();
        collectFlags(List.of(), code);
        Map<String, Set<String>> documented = new TreeMap<>();
        for (Markdown.Heading heading : reference.headings()) {
            String title = singleCodeSpan(heading);
            if (heading.level() != 3 || title == null || !title.startsWith("starexport")) {
                continue;
            }
            Set<String> flags = documented.computeIfAbsent(title, t -> new TreeSet<>());
            for (Markdown.Row row : reference.rowsUnder(heading)) {
                Matcher span = Pattern.compile("`([^`]+)`").matcher(row.cells().get(0));
                while (span.find()) {
                    flags.addAll(CliHelp.flagsIn(span.group(1)));
                }
            }
        }
        assertThat(code).as("commands found in starexport --help").containsKeys("starexport", "starexport export");
        assertThat(differences(code, documented)).as("CLI flags missing from (+) or stale in (-) "
                + "docs/configuration.md; a command needs a ### `starexport <command>` heading and a row per option")
                .isEmpty();
    }

    @Test
    void everyEnvironmentVariableIsDocumentedAndNothingElse() {
        Set<String> code = new TreeSet<>();
        for (Platform platform : ServiceLoader.load(Platform.class)) {
            if (!platform.getClass().getPackageName().startsWith("io.starexport.platform.")) {
                continue; // a third-party plugin, such as the examples' guestbook
            }
            for (String name : platform.credentialNames()) {
                code.add(("STAREXPORT_" + platform.id() + "_" + name).toUpperCase(Locale.ROOT).replace('-', '_'));
            }
        }
        assertThat(code).as("credential variables of the bundled platforms").hasSizeGreaterThanOrEqualTo(4);
        StringBuilder help = new StringBuilder();
        for (List<String> command : CliHelp.commands(List.of())) {
            help.append(CliHelp.help(command));
        }
        Matcher mentioned = ENV.matcher(help);
        while (mentioned.find()) {
            code.add(mentioned.group());
        }

        Set<String> documented = new TreeSet<>();
        Markdown.Heading section = reference.headings().stream()
                .filter(h -> h.level() == 2 && h.text().equals("Environment variables")).findFirst()
                .orElseThrow(() -> new AssertionError("docs/configuration.md has no ## Environment variables"));
        for (Markdown.Row row : reference.rowsUnder(section)) {
            Matcher name = ENV.matcher(row.cells().get(0));
            while (name.find()) {
                documented.add(name.group());
            }
        }
        assertThat(differences(Map.of("environment", code), Map.of("environment", documented)))
                .as("environment variables missing from (+) or stale in (-) docs/configuration.md").isEmpty();
    }

    /** "+ Type: option" for what the code has and the page lacks, "- Type: option" for the reverse. */
    private static List<String> differences(Map<String, Set<String>> code, Map<String, Set<String>> documented) {
        List<String> differences = new ArrayList<>();
        Set<String> types = new TreeSet<>(code.keySet());
        types.addAll(documented.keySet());
        for (String type : types) {
            Set<String> inCode = code.getOrDefault(type, Set.of());
            Set<String> inDoc = documented.getOrDefault(type, Set.of());
            if (!documented.containsKey(type)) {
                differences.add("+ " + type + " (no section)");
            }
            if (!code.containsKey(type)) {
                differences.add("- " + type + " (no such type or command)");
                continue;
            }
            inCode.stream().filter(o -> !inDoc.contains(o)).forEach(o -> differences.add("+ " + type + ": " + o));
            inDoc.stream().filter(o -> !inCode.contains(o)).forEach(o -> differences.add("- " + type + ": " + o));
        }
        return differences;
    }

    private static Set<String> options(Class<?> type) {
        Set<String> options = new TreeSet<>();
        for (Method method : type.getMethods()) {
            if (method.getDeclaringClass() == type && method.getReturnType() == type && !method.isSynthetic()
                    && !method.isBridge() && !method.getName().equals("build")) {
                String parameters = Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(", "));
                if (method.isVarArgs()) {
                    parameters = parameters.substring(0, parameters.length() - 2) + "...";
                }
                options.add(method.getName() + "(" + parameters + ")");
            }
        }
        return options;
    }

    /** {@code Outer.Builder} for nested builders, the simple name otherwise. */
    private static String displayName(Class<?> type) {
        return type.getEnclosingClass() == null ? type.getSimpleName()
                : type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName();
    }

    /** Drops generic arguments and parameter names: {@code List<ProxyConfig> proxies} becomes {@code List}. */
    private static String normalise(String parameters) {
        String erased = parameters;
        String previous;
        do {
            previous = erased;
            erased = erased.replaceAll("<[^<>]*>", "");
        } while (!erased.equals(previous));
        return Arrays.stream(erased.split(",")).map(String::strip).filter(p -> !p.isEmpty())
                .map(p -> p.split("\\s+")[0]).collect(Collectors.joining(", "));
    }

    private static String singleCodeSpan(Markdown.Heading heading) {
        Matcher matcher = Pattern.compile("`([^`]+)`").matcher(heading.text());
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** The public configuration types: nested {@code Builder}s on the class path, and {@link #FLUENT_TYPES}. */
    private static List<Class<?>> configurationTypes() {
        List<Class<?>> types = new ArrayList<>(FLUENT_TYPES);
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            for (String name : classNames(path)) {
                if (!name.startsWith("io.starexport.") || !name.endsWith("$Builder")) {
                    continue;
                }
                String packageName = name.substring(0, name.lastIndexOf('.'));
                if (packageName.contains(".internal") || NOT_CONFIGURATION.stream()
                        .anyMatch(p -> packageName.equals(p) || packageName.startsWith(p + "."))) {
                    continue;
                }
                try {
                    Class<?> type = Class.forName(name, false, ConfigurationReferenceTest.class.getClassLoader());
                    if (Modifier.isPublic(type.getModifiers()) && Modifier.isPublic(type.getEnclosingClass().getModifiers())) {
                        types.add(type);
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return types;
    }

    private static List<String> classNames(Path entry) {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(entry)) {
            try (Stream<Path> walk = Files.walk(entry)) {
                walk.map(p -> entry.relativize(p).toString().replace(java.io.File.separatorChar, '/'))
                        .filter(p -> p.endsWith(".class")).forEach(p -> names.add(className(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (entry.toString().endsWith(".jar") && Files.isRegularFile(entry)) {
            try (JarFile jar = new JarFile(entry.toFile())) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    String name = entries.nextElement().getName();
                    if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                        names.add(className(name));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }

    /** Each command's flags, keyed by {@code starexport <command…>}. */
    private static void collectFlags(List<String> command, Map<String, Set<String>> flags) {
        for (List<String> each : CliHelp.commands(command)) {
            flags.put(String.join(" ", prepend("starexport", each)), CliHelp.flags(each));
        }
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
