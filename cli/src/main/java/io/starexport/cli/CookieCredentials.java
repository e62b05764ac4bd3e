package io.starexport.cli;

import io.starexport.PlatformInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the cookies of a {@code cookies.txt} file into platform credentials. A platform gets the cookies of
 * its sites (youtube.com, reddit.com, instagram.com, tiktok.com) either as one {@code cookie} credential, the
 * whole {@code Cookie} header (TikTok), or as the credentials named like single cookies (Instagram's
 * {@code sessionid}, {@code csrftoken}, {@code ds_user_id}). Cookies no installed platform takes are
 * reported as ignored, once per site group, never silently.
 */
final class CookieCredentials {
    /** The sites whose cookies each built-in platform may take. */
    static final Map<String, List<String>> SITES = Map.of(
            "youtube", List.of("youtube.com"),
            "reddit", List.of("reddit.com"),
            "instagram", List.of("instagram.com"),
            "tiktok", List.of("tiktok.com"));
    static final String COOKIE_HEADER = "cookie";
    private static final int DOMAINS_SHOWN = 5;

    /** A credential to set. */
    record Credential(String platform, String name, String value) {
        @Override
        public String toString() {
            return platform + "." + name + "=***";
        }
    }

    /** The credentials to set and the notes saying what was used and what was ignored. */
    record Mapping(List<Credential> credentials, List<String> notes) {
    }

    private CookieCredentials() {
    }

    /**
     * Maps cookies to the installed platforms.
     *
     * @param given credentials already given as {@code platform.name}; they win over cookies
     */
    static Mapping map(List<CookieFile.Cookie> cookies, List<PlatformInfo> platforms, Set<String> given) {
        List<Credential> credentials = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<CookieFile.Cookie> unclaimed = new ArrayList<>(cookies);
        for (PlatformInfo platform : platforms.stream().filter(p -> SITES.containsKey(p.id()))
                .sorted(Comparator.comparing(PlatformInfo::id)).toList()) {
            List<String> sites = SITES.get(platform.id());
            List<CookieFile.Cookie> own = cookies.stream().filter(c -> sites.stream().anyMatch(c::belongsTo)).toList();
            if (own.isEmpty()) {
                continue;
            }
            unclaimed.removeAll(own);
            String from = String.join(", ", sites);
            Map<String, CookieFile.Cookie> byName = byName(own);
            if (platform.credentials().contains(COOKIE_HEADER)) {
                if (given.contains(platform.id() + "." + COOKIE_HEADER)) {
                    notes.add("cookies: " + platform.id() + "." + COOKIE_HEADER + " given as a credential wins over the "
                            + byName.size() + " " + from + " cookies");
                    continue;
                }
                String header = String.join("; ", byName.values().stream().map(c -> c.name() + "=" + c.value()).toList());
                credentials.add(new Credential(platform.id(), COOKIE_HEADER, header));
                notes.add("cookies: " + platform.name() + " gets the " + byName.size() + " " + from + " cookie"
                        + (byName.size() == 1 ? "" : "s") + " as its '" + COOKIE_HEADER + "' credential");
                continue;
            }
            List<String> used = new ArrayList<>();
            List<String> overridden = new ArrayList<>();
            for (String name : platform.credentials()) {
                CookieFile.Cookie cookie = byName.get(name);
                if (cookie == null) {
                    continue;
                }
                if (given.contains(platform.id() + "." + name)) {
                    overridden.add(name);
                } else {
                    credentials.add(new Credential(platform.id(), name, cookie.value()));
                    used.add(name);
                }
            }
            int rest = byName.size() - used.size() - overridden.size();
            if (used.isEmpty() && overridden.isEmpty()) {
                notes.add("cookies: " + byName.size() + " " + from + " cookie" + (byName.size() == 1 ? "" : "s")
                        + " ignored: " + platform.name() + " takes no cookies");
                continue;
            }
            StringBuilder note = new StringBuilder("cookies: ").append(platform.name());
            if (!used.isEmpty()) {
                note.append(" gets ").append(String.join(", ", used)).append(" from ").append(from);
            }
            if (!overridden.isEmpty()) {
                note.append(used.isEmpty() ? " keeps " : "; keeps ").append(String.join(", ", overridden))
                        .append(" given as credentials");
            }
            if (rest > 0) {
                note.append("; ").append(rest).append(" other cookie").append(rest == 1 ? "" : "s").append(" not used");
            }
            notes.add(note.toString());
        }
        if (!unclaimed.isEmpty()) {
            TreeSet<String> domains = new TreeSet<>();
            unclaimed.forEach(cookie -> domains.add(cookie.host()));
            List<String> shown = domains.stream().limit(DOMAINS_SHOWN).toList();
            notes.add("cookies: " + unclaimed.size() + " cookie" + (unclaimed.size() == 1 ? "" : "s")
                    + " of sites no installed platform takes ignored (" + String.join(", ", shown)
                    + (domains.size() > DOMAINS_SHOWN ? ", and " + (domains.size() - DOMAINS_SHOWN) + " more" : "") + ")");
        }
        return new Mapping(List.copyOf(credentials), List.copyOf(notes));
    }

    /**
     * One cookie per name, as a browser would send for the site's root: the most specific domain, then the
     * longest path, first in the file among equals.
     */
    private static Map<String, CookieFile.Cookie> byName(List<CookieFile.Cookie> cookies) {
        Map<String, CookieFile.Cookie> byName = new LinkedHashMap<>();
        for (CookieFile.Cookie cookie : cookies) {
            byName.merge(cookie.name(), cookie, (kept, other) -> rank(other) > rank(kept) ? other : kept);
        }
        return byName;
    }

    private static int rank(CookieFile.Cookie cookie) {
        return cookie.host().length() * 1000 + cookie.path().length();
    }
}
