package io.starexport.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A Netscape {@code cookies.txt} file, the format curl, wget, yt-dlp, gallery-dl and the "Get cookies.txt"
 * browser extensions write: one cookie per line with seven tab-separated fields (domain, include subdomains,
 * path, secure, expiry in Unix seconds, name, value). Lines starting with {@code #HttpOnly_} are cookies with
 * that prefix on the domain; other lines starting with {@code #} and blank lines are skipped. Expiry 0 (or
 * empty) is a session cookie and is kept; cookies that expired before {@code now} are left out. As yt-dlp does,
 * a line that is not a cookie is skipped with a warning (by line number only: it may hold a secret), but a
 * file without a single cookie line is refused.
 */
final class CookieFile {

    /** One cookie. {@code value} is a secret. */
    record Cookie(String domain, boolean includeSubdomains, String path, boolean secure, long expires, String name,
                  String value) {

        /** Whether the cookie belongs to {@code site} or one of its subdomains, such as {@code www.tiktok.com}. */
        boolean belongsTo(String site) {
            String host = domain.startsWith(".") ? domain.substring(1) : domain;
            return host.equals(site) || host.endsWith("." + site);
        }

        String host() {
            return domain.startsWith(".") ? domain.substring(1) : domain;
        }

        @Override
        public String toString() {
            return "Cookie[" + domain + " " + name + "=***]";
        }
    }

    /** The cookies read, the warnings about skipped lines, and how many cookies had expired. */
    record Contents(List<Cookie> cookies, List<String> warnings, int expired) {
    }

    private CookieFile() {
    }

    /**
     * Reads a cookies file.
     *
     * @throws IllegalArgumentException when the file is missing or unreadable, or holds no cookie line at all (only
     *                                  comments, blank lines or lines that are not cookies)
     */
    static Contents read(Path file, Instant now) {
        List<String> lines;
        try {
            lines = UserFiles.readLines(file, "cookies file");
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("cookies file not found: " + file);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("cookies file " + file + " is not UTF-8 text in the Netscape "
                    + "cookies.txt format");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read cookies file " + file + ": " + e.getMessage());
        }
        List<Cookie> cookies = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int expired = 0;
        List<Integer> notCookies = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = (i == 0 ? lines.get(i).replaceFirst("^\uFEFF", "") : lines.get(i)).replaceFirst("\r$", "");
            if (line.startsWith("#HttpOnly_")) {
                line = line.substring("#HttpOnly_".length());
            } else if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String problem = null;
            String[] fields = line.split("\t", -1);
            if (fields.length == 6) {
                // Some exporters drop the tab before an empty value.
                fields = new String[] {fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], ""};
            }
            if (fields.length != 7) {
                problem = "expected 7 tab-separated fields but found " + fields.length;
            } else if (fields[0].isBlank() || fields[5].isBlank()) {
                problem = "the domain or the name is empty";
            } else if (!fields[4].strip().matches("-?[0-9]*(\\.[0-9]+)?")) {
                problem = "the expiry is not a number of seconds";
            }
            if (problem != null) {
                warnings.add("warning: " + file + " line " + (i + 1) + " skipped: " + problem);
                notCookies.add(i + 1);
                continue;
            }
            String expiry = fields[4].strip();
            long expires = expiry.isEmpty() ? 0 : (long) Double.parseDouble(expiry);
            if (expires > 0 && expires < now.getEpochSecond()) {
                expired++;
                continue;
            }
            cookies.add(new Cookie(fields[0].strip().toLowerCase(Locale.ROOT), flag(fields[1]), fields[2],
                    flag(fields[3]), expires, fields[5].strip(), fields[6]));
        }
        if (cookies.isEmpty() && expired == 0) {
            // Only comments, or only lines that are not cookies: the file is not what --cookies reads.
            String which = notCookies.isEmpty() ? "" : " (line" + (notCookies.size() == 1 ? " " : "s ")
                    + notCookies.stream().limit(10).map(String::valueOf).collect(Collectors.joining(", "))
                    + (notCookies.size() > 10 ? ", …" : "") + (notCookies.size() == 1 ? " is" : " are") + " not cookies)";
            throw new IllegalArgumentException("cookies file " + file + " holds no cookies" + which + "; it should be "
                    + "in the Netscape cookies.txt format (7 tab-separated fields per line), as yt-dlp and the "
                    + "'Get cookies.txt' browser extensions write it");
        }
        return new Contents(List.copyOf(cookies), List.copyOf(warnings), expired);
    }

    private static boolean flag(String field) {
        return field.strip().equalsIgnoreCase("TRUE");
    }
}
