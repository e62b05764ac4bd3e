package io.starexport.mediadownload;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives WireMock byte-range support as a CDN has it (RFC 9110 §14): a 200 stub that advertises
 * {@code Accept-Ranges: bytes} answers {@code Range: bytes=N-} with 206, the slice and
 * {@code Content-Range: bytes N-last/total}, or 416 with {@code Content-Range: bytes *}{@code /total} past
 * the end. A stub header {@code X-Break-After: N} sends only the first N bytes under the full
 * {@code Content-Length}, so the client sees the connection drop mid-transfer.
 */
final class RangeResponses implements ResponseTransformerV2 {
    static final String BREAK_AFTER = "X-Break-After";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    @Override
    public String getName() {
        return "byte-ranges";
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        if (response.getStatus() != 200 || !response.getHeaders().getHeader("Accept-Ranges").isPresent()) {
            return response;
        }
        byte[] body = response.getBody();
        long total = body.length;
        int from = 0;
        int status = 200;
        List<HttpHeader> headers = new ArrayList<>();
        String range = serveEvent.getRequest().getHeader("Range");
        Matcher m = range == null ? null : RANGE.matcher(range);
        if (m != null && m.matches()) {
            from = Integer.parseInt(m.group(1));
            if (from >= total) {
                return Response.Builder.like(response).but().status(416).body(new byte[0])
                        .headers(new HttpHeaders(new HttpHeader("Content-Range", "bytes */" + total))).build();
            }
            status = 206;
            headers.add(new HttpHeader("Content-Range", "bytes " + from + "-" + (total - 1) + "/" + total));
        }
        byte[] slice = Arrays.copyOfRange(body, from, body.length);
        for (HttpHeader header : response.getHeaders().all()) {
            if (!header.key().equalsIgnoreCase(BREAK_AFTER) && !header.key().equalsIgnoreCase("Content-Length")) {
                headers.add(header);
            }
        }
        headers.add(new HttpHeader("Content-Length", Integer.toString(slice.length)));
        HttpHeader breakAfter = response.getHeaders().getHeader(BREAK_AFTER);
        if (breakAfter.isPresent()) {
            slice = Arrays.copyOf(slice, Integer.parseInt(breakAfter.firstValue()));
        }
        return Response.Builder.like(response).but().status(status).body(slice).headers(new HttpHeaders(headers))
                .build();
    }
}
