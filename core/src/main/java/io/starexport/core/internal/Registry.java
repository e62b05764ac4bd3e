package io.starexport.core.internal;

import io.starexport.spi.Enricher;
import io.starexport.spi.OutputFormat;
import io.starexport.spi.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The platforms, formats and enrichers of one engine, keyed by id. Explicit registrations win over discovered
 * plugins with the same id; two discovered plugins with one id are refused with both named; a broken
 * provider is reported and skipped.
 */
public final class Registry {
    private static final Logger LOG = LoggerFactory.getLogger(Registry.class);

    private final Map<String, Platform> platforms;
    private final Map<String, OutputFormat> formats;
    private final Map<String, Enricher> enrichers;

    private Registry(Map<String, Platform> platforms, Map<String, OutputFormat> formats, Map<String, Enricher> enrichers) {
        this.platforms = Collections.unmodifiableMap(platforms);
        this.formats = Collections.unmodifiableMap(formats);
        this.enrichers = Collections.unmodifiableMap(enrichers);
    }

    public static Registry create(List<Platform> explicitPlatforms, List<OutputFormat> explicitFormats,
                                  List<Enricher> explicitEnrichers, boolean discover) {
        Registry registry = create(explicitPlatforms, explicitFormats, discover ? discover(Platform.class) : List.of(),
                discover ? discover(OutputFormat.class) : List.of());
        return new Registry(registry.platforms, registry.formats,
                merge("enricher", explicitEnrichers, discover ? discover(Enricher.class) : List.of(), Enricher::id));
    }

    /** The registry from explicit registrations and what discovery found. */
    static Registry create(List<Platform> explicitPlatforms, List<OutputFormat> explicitFormats,
                           List<Platform> discoveredPlatforms, List<OutputFormat> discoveredFormats) {
        for (Platform platform : explicitPlatforms) {
            if (platform.spiVersion() > Platform.SPI_VERSION) {
                throw new IllegalArgumentException("platform '" + platform.id() + "' was built for SPI version "
                        + platform.spiVersion() + " but this engine supports " + Platform.SPI_VERSION
                        + "; upgrade starexport-core");
            }
        }
        Map<String, Platform> platforms = merge("platform", explicitPlatforms, discoveredPlatforms, Platform::id);
        Map<String, OutputFormat> formats = merge("output format", explicitFormats, discoveredFormats, OutputFormat::id);
        platforms.values().removeIf(p -> {
            boolean tooNew = p.spiVersion() > Platform.SPI_VERSION;
            if (tooNew) {
                LOG.warn("Platform plugin '{}' ({}) needs SPI version {} but this engine supports {}; skipped. "
                        + "Upgrade starexport-core.", p.id(), p.getClass().getName(), p.spiVersion(), Platform.SPI_VERSION);
            }
            return tooNew;
        });
        if (formats.isEmpty()) {
            LOG.warn("No output formats found; add io.starexport:starexport-writer-csv or starexport-writer-json "
                    + "to write files (streaming still works).");
        }
        return new Registry(platforms, formats, Map.of());
    }

    private static <T> List<T> discover(Class<T> type) {
        List<T> found = new ArrayList<>();
        ServiceLoader<T> loader = ServiceLoader.load(type);
        var iterator = loader.iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                found.add(iterator.next());
            } catch (ServiceConfigurationError e) {
                LOG.warn("A {} provider could not be loaded and was skipped: {}", type.getSimpleName(), e.getMessage());
            }
        }
        return found;
    }

    private static <T> Map<String, T> merge(String what, List<T> explicit, List<T> discovered, Function<T, String> id) {
        Map<String, T> result = new TreeMap<>();
        for (T plugin : explicit) {
            String key = id.apply(plugin).toLowerCase(Locale.ROOT);
            T previous = result.putIfAbsent(key, plugin);
            if (previous != null && previous != plugin) {
                throw new IllegalArgumentException(what + " '" + key + "' was registered twice: "
                        + previous.getClass().getName() + " and " + plugin.getClass().getName());
            }
        }
        Map<String, List<T>> byId = new LinkedHashMap<>();
        for (T plugin : discovered) {
            byId.computeIfAbsent(id.apply(plugin).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(plugin);
        }
        byId.forEach((key, plugins) -> {
            if (result.containsKey(key)) {
                return;
            }
            List<String> classes = plugins.stream().map(p -> p.getClass().getName()).distinct().sorted().toList();
            if (classes.size() > 1) {
                throw new IllegalStateException("Two " + what + " plugins claim the id '" + key + "': "
                        + String.join(" and ", classes) + ". Remove one from the class path, or register the one "
                        + "you want on StarExport.builder(), which takes precedence.");
            }
            result.put(key, plugins.get(0));
        });
        return result;
    }

    public Map<String, Platform> platforms() {
        return platforms;
    }

    public Optional<Platform> platform(String id) {
        return Optional.ofNullable(platforms.get(id));
    }

    /** The enrichers, by id. */
    public Map<String, Enricher> enrichers() {
        return enrichers;
    }

    public Map<String, OutputFormat> formats() {
        return formats;
    }

    /** The format with this id, or the one that claims the file's extension. */
    public Optional<OutputFormat> format(String id) {
        return Optional.ofNullable(formats.get(id.toLowerCase(Locale.ROOT)));
    }

    public Optional<OutputFormat> formatForFile(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return formats.values().stream()
                .filter(f -> f.extensions().stream().anyMatch(ext -> lower.endsWith("." + ext.toLowerCase(Locale.ROOT))))
                .findFirst();
    }
}
