package io.starexport.core.internal.media;

import io.starexport.spi.Hosts;
import okhttp3.HttpUrl;

import java.util.Set;
import java.util.TreeSet;

/** The hosts one export may fetch media from: the platform's media hosts and the host's extra ones. */
final class MediaHosts {
    private final Set<String> domains;

    MediaHosts(Set<String> platformHosts, Set<String> extraHosts) {
        Set<String> all = new TreeSet<>(platformHosts);
        all.addAll(extraHosts);
        this.domains = Set.copyOf(all);
    }

    boolean isEmpty() {
        return domains.isEmpty();
    }

    /** True for an http(s) URL on one of the hosts or a subdomain, with no user info. */
    boolean allows(HttpUrl url) {
        if (url == null || !url.username().isEmpty() || !url.password().isEmpty()) {
            return false;
        }
        return domains.stream().anyMatch(domain -> Hosts.matches(url.host(), domain));
    }

    @Override
    public String toString() {
        return domains.toString();
    }
}
