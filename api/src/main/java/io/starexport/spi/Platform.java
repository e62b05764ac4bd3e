package io.starexport.spi;

import io.starexport.api.Content;
import io.starexport.api.ExportException;
import io.starexport.api.Item;
import io.starexport.api.Sort;
import io.starexport.api.Target;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A social platform the engine can export from. Implementations are stateless and thread-safe;
 * everything per export comes through {@link PlatformContext}. Found with {@link java.util.ServiceLoader}
 * or registered on the engine's builder.
 */
public interface Platform {

    /** The SPI version this interface describes; the engine refuses plugins built for a newer one. */
    int SPI_VERSION = 1;

    /** The SPI version the plugin was built for; keep the default. */
    default int spiVersion() {
        return SPI_VERSION;
    }

    /** Stable lower-case id, for example {@code "youtube"}; used in config, credentials and output. */
    String id();

    /** Name shown to people, for example {@code "YouTube"}. */
    String displayName();

    /**
     * Whether the URL is this platform's and what it points at. The URL is absolute, http or https,
     * with a lower-case host. Match hosts exactly or as subdomains ({@link Hosts#matches}), never by
     * substring. Return empty for URLs that are not this platform's.
     */
    Optional<Target> resolve(URI url);

    /** What can be exported from a target of this kind; empty when the kind is not supported. */
    Set<Content> contents(Target.Kind kind);

    /** The orders this platform can deliver for a content; others are reported and ignored. */
    default Set<Sort> sorts(Content content) {
        return Set.of();
    }

    /**
     * An extractor for one export. Called once per export; the extractor may keep state for that
     * export only. Throw {@link io.starexport.api.ExportException} with
     * {@link io.starexport.api.ErrorCode#AUTH_REQUIRED} when the credentials it needs are missing.
     */
    Extractor<? extends Item> extractor(ExportQuery query, PlatformContext context);

    /** Default request rate, for the given credentials; the host may override it. */
    RateLimit defaultRateLimit(Credentials credentials);

    /** Named base URLs the platform calls; the host may point each elsewhere (proxies, mirrors, tests). */
    List<Endpoint> endpoints();

    /** Names of the credentials the platform understands, for example {@code api_key}. */
    default List<String> credentialNames() {
        return List.of();
    }

    /**
     * Hosts that serve this platform's media files (its CDNs), matched exactly or as subdomains like
     * {@link Hosts#matches}. Media downloads fetch only from these hosts, and follow redirects only to
     * them, so a URL a comment or caption made up is never requested. Empty means no media downloads.
     */
    default Set<String> mediaHosts() {
        return Set.of();
    }

    /**
     * How this platform's items look in sandbox mode, where the engine makes up sample items for URLs this
     * platform resolves instead of calling it. The default, {@link SampleStyle#generic()}, gives plain
     * ids and names; return a style of your own so sandbox exports look like the real ones.
     */
    default SampleStyle sampleStyle() {
        return SampleStyle.generic();
    }

    /**
     * Sees every response the platform's requests get, to read feedback headers (remaining quota,
     * reset time) and pause the shared bucket before the platform refuses. Called on the requesting
     * thread; must not throw.
     */
    default void onResponse(HttpResponse response, RateLimitControl rateLimit) {
    }

    /**
     * An error that ends a request at once, for a response the engine would otherwise retry (a 429, or a
     * 5xx on an idempotent request), when its body says that retrying cannot help: a daily quota that is
     * used up, for example. Empty, the default, lets the engine retry. Called on the requesting thread,
     * after {@link #onResponse}; must not throw.
     */
    default Optional<ExportException> finalError(HttpResponse response) {
        return Optional.empty();
    }
}
