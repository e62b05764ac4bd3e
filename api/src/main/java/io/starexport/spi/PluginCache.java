package io.starexport.spi;

import java.util.Optional;
import java.util.function.Function;

/**
 * A bounded cache with expiry, shared by the exports of one engine. Cache only what is safe to reuse:
 * tokens until they expire, id lookups, client configuration. Thread-safe.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface PluginCache<K, V> {

    /** The cached value, if present and not expired. */
    Optional<V> get(K key);

    /** The cached value, computing and storing it when absent; concurrent callers compute once. */
    V get(K key, Function<? super K, ? extends V> loader);

    /** Stores a value. */
    void put(K key, V value);

    /** Removes a value, for example a token the platform rejected. */
    void invalidate(K key);
}
