package io.starexport;

import io.starexport.api.Content;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An installed platform, as {@link StarExport#platforms()} lists it.
 *
 * @param id          the platform id
 * @param name        its display name
 * @param contents    every content it can export from some kind of target
 * @param endpoints   endpoint names to the base URLs in effect (host overrides applied)
 * @param credentials names of the credentials it understands
 */
public record PlatformInfo(String id, String name, Set<Content> contents, Map<String, URI> endpoints,
                           List<String> credentials) {
    public PlatformInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        contents = Set.copyOf(contents);
        endpoints = Map.copyOf(endpoints);
        credentials = List.copyOf(credentials);
    }
}
