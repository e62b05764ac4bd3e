package io.starexport.server;

import java.util.Optional;
import java.util.Set;

/**
 * The settings of a server the routes read.
 *
 * @param sandbox     whether every job runs in the sandbox, whatever the request says
 * @param concurrency jobs running at once
 * @param proxyPools  the engine's named proxies clients may choose with {@code options.pool}
 * @param publicUrl   the scheme, host and port clients reach the server at, when not the request's own
 */
record ServerSettings(boolean sandbox, int concurrency, Set<String> proxyPools, Optional<String> publicUrl) {
}
