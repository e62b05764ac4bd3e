package io.starexport.cli;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.starexport.PlatformInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --cookies}: Netscape cookies.txt files and how their cookies become platform credentials. The file
 * layout follows what yt-dlp's {@code YoutubeDLCookieJar} and the "Get cookies.txt LOCALLY" extension write
 * (header comment, {@code #HttpOnly_} prefix, TRUE/FALSE flags, Unix-second expiry, 0 for session cookies);
 * the cookie values here are synthetic.
 */
class CookiesTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final long FUTURE = 1_900_000_000L;
    private static final String SESSION = "5169843%3AsEsSiOnVaLuE%3A21%3AAYd";
    private static final String MS_TOKEN = "msTokenValue-abcdefghijklmnop";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private Path cookies(String... lines) throws IOException {
        Path file = dir.resolve("cookies.txt");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    private static String line(String domain, String name, String value, long expires) {
        return String.join("\t", domain, domain.startsWith(".") ? "TRUE" : "FALSE", "/", "TRUE", Long.toString(expires),
                name, value);
    }

    private Path browserCookies() throws IOException {
        return cookies("# Netscape HTTP Cookie File",
                "# https://curl.haxx.se/rfc/cookie_spec.html",
                "# This is a generated file! Do not edit.",
                "",
                "#HttpOnly_" + line(".instagram.com", "sessionid", SESSION, FUTURE),
                line(".instagram.com", "csrftoken", "csrfTokenValue123", FUTURE),
                line(".instagram.com", "mid", "ZmIdValue", FUTURE),
                line(".tiktok.com", "msToken", MS_TOKEN, FUTURE),
                "#HttpOnly_" + line(".tiktok.com", "ttwid", "1%7CttwidValue", 0),
                line(".tiktok.com", "old_cookie", "expiredValue", 1_600_000_000L),
                line(".youtube.com", "PREF", "f6=40000000", FUTURE),
                line(".youtube.com", "VISITOR_INFO1_LIVE", "visitorValue", FUTURE),
                line(".google.com", "NID", "nidValue1234", FUTURE),
                line("example.org", "session", "exampleValue", FUTURE));
    }

    @Test
    void readsNetscapeLinesHttpOnlyPrefixesAndSessionCookiesAndLeavesExpiredOnesOut() throws IOException {
        CookieFile.Contents contents = CookieFile.read(browserCookies(), NOW);

        assertThat(contents.cookies()).extracting(CookieFile.Cookie::name).containsExactly("sessionid", "csrftoken",
                "mid", "msToken", "ttwid", "PREF", "VISITOR_INFO1_LIVE", "NID", "session");
        CookieFile.Cookie session = contents.cookies().get(0);
        assertThat(session.domain()).isEqualTo(".instagram.com");
        assertThat(session.includeSubdomains()).isTrue();
        assertThat(session.secure()).isTrue();
        assertThat(session.value()).isEqualTo(SESSION);
        assertThat(session.toString()).doesNotContain(SESSION);
        assertThat(contents.cookies().get(4).expires()).isZero();
        assertThat(contents.expired()).isEqualTo(1);
        assertThat(contents.warnings()).isEmpty();
    }

    @Test
    void skipsBrokenLinesByNumberWithoutQuotingThem() throws IOException {
        Path file = cookies(line(".tiktok.com", "msToken", MS_TOKEN, FUTURE), ".tiktok.com\tTRUE\t/\tsecret-in-a-bad-line",
                line(".tiktok.com", "a", "b", FUTURE).replace(Long.toString(FUTURE), "soon"),
                ".tiktok.com\tTRUE\t/\tFALSE\t0\tempty_value");

        CookieFile.Contents contents = CookieFile.read(file, NOW);

        assertThat(contents.cookies()).extracting(CookieFile.Cookie::name).containsExactly("msToken", "empty_value");
        assertThat(contents.warnings()).containsExactly(
                "warning: " + file + " line 2 skipped: expected 7 tab-separated fields but found 4",
                "warning: " + file + " line 3 skipped: the expiry is not a number of seconds");
        assertThat(String.join("\n", contents.warnings())).doesNotContain("secret-in-a-bad-line");
    }

    @Test
    void aFileWithoutCookieLinesIsRefused() throws IOException {
        Path file = cookies("[{\"name\": \"sessionid\", \"value\": \"x\"}]".replace("\t", " "));
        Path comments = cookies("# Netscape HTTP Cookie File");

        assertThatThrownBy(() -> CookieFile.read(file, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CookieFile.read(comments, NOW)).hasMessageContaining("holds no cookies")
                .hasMessageContaining("Netscape cookies.txt format");
    }

    @Test
    void aFileOfOnlyLinesThatAreNotCookiesIsRefusedNamingTheLines() throws IOException {
        Path file = cookies("# Netscape HTTP Cookie File", "sessionid=secret-in-junk; csrftoken=abc",
                ".instagram.com\tTRUE\t/\tTRUE\tnever\tsessionid\tsecret-in-junk");

        assertThatThrownBy(() -> CookieFile.read(file, NOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no cookies")
                .hasMessageContaining("lines 2, 3 are not cookies")
                .message().doesNotContain("secret-in-junk");
    }

    @Test
    void mapsCookiesToWhatEachPlatformTakesAndReportsTheRestAsIgnored() throws IOException {
        List<CookieFile.Cookie> cookies = CookieFile.read(browserCookies(), NOW).cookies();
        List<PlatformInfo> platforms = List.of(
                info("instagram", "Instagram", "access_token", "ig_user_id", "sessionid", "csrftoken", "ds_user_id"),
                info("tiktok", "TikTok", "client_key", "client_secret", "cookie"),
                info("youtube", "YouTube", "api_key"),
                info("reddit", "Reddit", "client_id", "client_secret", "username", "password"));

        CookieCredentials.Mapping mapping = CookieCredentials.map(cookies, platforms, Set.of());

        assertThat(mapping.credentials()).extracting(c -> c.platform() + "." + c.name() + "=" + c.value()).containsExactly(
                "instagram.sessionid=" + SESSION, "instagram.csrftoken=csrfTokenValue123",
                "tiktok.cookie=msToken=" + MS_TOKEN + "; ttwid=1%7CttwidValue");
        assertThat(mapping.notes()).containsExactly(
                "cookies: Instagram gets sessionid, csrftoken from instagram.com; 1 other cookie not used",
                "cookies: TikTok gets the 2 tiktok.com cookies as its 'cookie' credential",
                "cookies: 2 youtube.com cookies ignored: YouTube takes no cookies",
                "cookies: 2 cookies of sites no installed platform takes ignored (example.org, google.com)");
        assertThat(mapping.credentials().get(0).toString()).doesNotContain(SESSION);
    }

    @Test
    void credentialsGivenOnTheCommandLineWinOverCookies() throws IOException {
        List<CookieFile.Cookie> cookies = CookieFile.read(browserCookies(), NOW).cookies();
        List<PlatformInfo> platforms = List.of(
                info("instagram", "Instagram", "sessionid", "csrftoken", "ds_user_id"),
                info("tiktok", "TikTok", "cookie"));

        CookieCredentials.Mapping mapping = CookieCredentials.map(cookies, platforms,
                Set.of("instagram.sessionid", "tiktok.cookie"));

        assertThat(mapping.credentials()).extracting(c -> c.platform() + "." + c.name())
                .containsExactly("instagram.csrftoken");
        assertThat(mapping.notes()).contains(
                "cookies: Instagram gets csrftoken from instagram.com; keeps sessionid given as credentials; "
                        + "1 other cookie not used",
                "cookies: tiktok.cookie given as a credential wins over the 2 tiktok.com cookies");
    }

    @Test
    void theInstagramSessionCookieReachesInstagramAndIsNeverPrinted() throws IOException {
        Path file = browserCookies();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        Cli.Run run = Cli.run(Map.of("XDG_CONFIG_HOME", Cli.NO_CONFIG), "", "export",
                "https://www.instagram.com/p/DPmHd5bDjVb/", "--cookies", file.toString(), "--endpoint",
                "instagram.web=" + server.baseUrl(), "-o", dir.resolve("c.jsonl").toString(), "--debug");

        server.verify(getRequestedFor(anyUrl()).withHeader("Cookie", containing("sessionid=" + SESSION))
                .withHeader("Cookie", containing("csrftoken=csrfTokenValue123")));
        assertThat(run.err()).contains("cookies: Instagram gets sessionid, csrftoken from instagram.com",
                "cookies: 2 youtube.com cookies ignored: YouTube takes no cookies",
                "cookies: 1 expired cookie in " + file + " left out",
                "warning: " + file + " holds cookies and can be read by other users; restrict it with: chmod 600 " + file);
        assertThat(run.everything()).doesNotContain(SESSION, "csrfTokenValue123", MS_TOKEN, "visitorValue");
    }

    /**
     * A cookies file, config file or URL list larger than any real one (the fault-injection run pointed them at
     * {@code /dev/zero}) is a usage error read no further than the cap, not an OutOfMemoryError. A sparse file of
     * zeros one byte over the cap stands in for the endless one.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"--cookies", "--config", "--from-file"})
    void aHugeUserFileIsAUsageErrorNotAnOutOfMemoryError(String option) throws Exception {
        Path huge = dir.resolve("huge.txt");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(UserFiles.MAX_BYTES + 1L);
        }
        Cli.Run run = option.equals("--from-file")
                ? Cli.run("export", "--from-file", huge.toString(), "-d", dir.resolve("out").toString(), "--sandbox", "--json")
                : Cli.run("export", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "--sandbox", option, huge.toString(),
                        "--json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().get("error_code").asText()).isEqualTo("USAGE");
        assertThat(run.json().get("error").asText()).contains("larger than 16 MiB");
    }

    @Test
    void aMissingCookiesFileIsAUsageError() {
        Cli.Run run = Cli.run("export", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "--sandbox", "--cookies",
                dir.resolve("nope.txt").toString(), "--json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().get("error_code").asText()).isEqualTo("USAGE");
        assertThat(run.json().get("error").asText()).contains("cookies file not found");
    }

    private static PlatformInfo info(String id, String name, String... credentials) {
        return new PlatformInfo(id, name, Set.of(), Map.of(), List.of(credentials));
    }

    @Test
    void aTildeTheShellLeavesInOptionEqualsValueIsTheHomeFolder() throws IOException {
        browserCookies();
        Files.writeString(dir.resolve("config.properties"), "format = jsonl\n");
        String home = System.getProperty("user.home");
        System.setProperty("user.home", dir.toString());
        Cli.Run run;
        try {
            // bash expands ~ in "--cookies ~/x" but not in "--cookies=~/x".
            run = Cli.run("export", "https://www.instagram.com/natgeo/", "--sandbox", "--profile", "-d", dir.toString(),
                    "--cookies=~/cookies.txt", "--config=~/config.properties");
        } finally {
            System.setProperty("user.home", home);
        }

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("cookies: Instagram gets sessionid, csrftoken from instagram.com");
        assertThat(dir.resolve("instagram-natgeo-profile.jsonl")).isRegularFile();
    }
}
