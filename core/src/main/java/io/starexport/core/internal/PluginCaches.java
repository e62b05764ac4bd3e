package io.starexport.core.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.starexport.spi.PluginCache;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/** Caffeine-backed named caches, one set per engine, keyed by platform and name. */
public final class PluginCaches {
    private final ConcurrentMap<String, PluginCache<?, ?>> caches = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    public <K, V> PluginCache<K, V> get(String platform, String name, Duration expiry, long maxSize) {
        return (PluginCache<K, V>) caches.computeIfAbsent(platform + "/" + name,
                key -> new CaffeineCache<>(Caffeine.newBuilder().expireAfterWrite(expiry).maximumSize(maxSize).build()));
    }

    private record CaffeineCache<K, V>(Cache<K, V> cache) implements PluginCache<K, V> {
        @Override
        public Optional<V> get(K key) {
            return Optional.ofNullable(cache.getIfPresent(key));
        }

        @Override
        public V get(K key, Function<? super K, ? extends V> loader) {
            return cache.get(key, loader);
        }

        @Override
        public void put(K key, V value) {
            cache.put(key, value);
        }

        @Override
        public void invalidate(K key) {
            cache.invalidate(key);
        }
    }
}
