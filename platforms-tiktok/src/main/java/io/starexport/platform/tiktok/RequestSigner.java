package io.starexport.platform.tiktok;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Signs requests to TikTok's web API. TikTok's web client adds anti-bot values computed in the page
 * ({@code X-Bogus}, {@code X-Gnarly}, {@code _signature}, a fresh {@code msToken}); Star Export does not
 * reimplement them. A host that can compute them (a headless browser calling
 * {@code window.byted_acrawler.frontierSign}, a signing service) plugs one in with
 * {@link TikTokPlatform.Builder#signer(RequestSigner)}.
 *
 * <p>The signer sees every web API request just before it is sent: the full URL with TikTok's standard
 * web query parameters (and {@code msToken} when the {@code cookie} credential holds one), and the user
 * agent it will be sent with, which signatures usually cover. It returns query parameters to append and
 * headers to add. It is called from export threads, possibly concurrently, so it must be thread-safe. An
 * exception it throws fails the export with {@code AUTH_FAILED}.
 *
 * <p>Without a signer, requests go out unsigned. Some endpoints answer them (the comment list often
 * does); when TikTok blocks one, typically with HTTP 200 and an empty body, the export fails with
 * {@code AUTH_REQUIRED} naming this option.
 */
@FunctionalInterface
public interface RequestSigner {

    /**
     * The extra values for one request.
     *
     * @param url       the request URL, query included, as it would be sent unsigned
     * @param userAgent the {@code User-Agent} header the request is sent with
     * @return what to add; {@link Signature#NONE} to send the request as it is
     */
    Signature sign(URI url, String userAgent);

    /**
     * What a signer adds to one request.
     *
     * @param queryParameters parameters appended to the URL's query, in order (for example {@code X-Bogus})
     * @param headers         headers added to the request (for example {@code x-tt-params})
     */
    record Signature(Map<String, String> queryParameters, Map<String, String> headers) {

        /** Nothing to add. */
        public static final Signature NONE = new Signature(Map.of(), Map.of());

        public Signature {
            queryParameters = java.util.Collections.unmodifiableMap(
                    new LinkedHashMap<>(Objects.requireNonNull(queryParameters, "queryParameters")));
            headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
        }

        /** Query parameters only. */
        public static Signature ofQuery(Map<String, String> queryParameters) {
            return new Signature(queryParameters, Map.of());
        }

        /** Shows names only: signature values are credentials of a kind. */
        @Override
        public String toString() {
            return "Signature[query=" + queryParameters.keySet() + ", headers=" + headers.keySet() + "]";
        }
    }
}
