package io.starexport.automation;

import io.starexport.api.ErrorCode;
import io.starexport.api.ExportException;
import okhttp3.Dns;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which URLs a webhook may point at, checked when it is registered and again, against every resolved address,
 * when each delivery connects (so a name that later resolves to an internal address is refused too).
 */
final class Targets implements Dns {
    private final boolean httpOnLoopback;
    private final boolean privateAddresses;

    Targets(boolean httpOnLoopback, boolean privateAddresses) {
        this.httpOnLoopback = httpOnLoopback;
        this.privateAddresses = privateAddresses;
    }

    /** Parses and checks a webhook URL; literal IP hosts are checked now, names when a delivery resolves them. */
    URI check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ExportException.of(ErrorCode.INVALID_URL, "The webhook URL is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || host.isEmpty() || uri.getRawUserInfo() != null) {
            throw ExportException.of(ErrorCode.INVALID_URL, "A webhook URL needs a host and no user info, like "
                    + "https://example.com/hooks/starexport; got " + redacted(uri));
        }
        boolean loopbackHost = host.equalsIgnoreCase("localhost") || (isLiteral(host) && literal(host).isLoopbackAddress());
        if (scheme.equals("http")) {
            if (!(httpOnLoopback && loopbackHost)) {
                throw ExportException.of(ErrorCode.INVALID_URL, "Webhook URLs must use https; plain http is allowed "
                        + "only for loopback hosts, and only with Webhooks.Builder.allowHttpOnLoopback(); got " + redacted(uri));
            }
        } else if (!scheme.equals("https")) {
            throw ExportException.of(ErrorCode.INVALID_URL, "Webhook URLs must use https; got " + redacted(uri));
        }
        if (isLiteral(host)) {
            String why = refusal(literal(host));
            if (why != null) {
                throw ExportException.of(ErrorCode.INVALID_URL, "The webhook host " + host + " is " + why + "; "
                        + "such targets are refused unless the Webhooks builder allows them");
            }
        }
        return uri;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = Dns.SYSTEM.lookup(hostname);
        for (InetAddress address : addresses) {
            String why = refusal(address);
            if (why != null) {
                throw new UnknownHostException(hostname + " resolves to " + address.getHostAddress() + ", " + why
                        + "; the delivery was refused");
            }
        }
        return addresses;
    }

    /** Why an address is refused, or null when it is allowed. */
    String refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (isMetadata(address)) {
            return "a cloud metadata address";
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return "not a unicast address";
        }
        if (address.isLoopbackAddress()) {
            return httpOnLoopback || privateAddresses ? null : "a loopback address";
        }
        boolean privateRange = address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || (address instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) // 100.64/10, shared
                || (address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc);                   // fc00::/7, unique local
        return privateRange && !privateAddresses ? "a private or link-local address" : null;
    }

    private static boolean isMetadata(InetAddress address) {
        String text = address.getHostAddress();
        return text.equals("169.254.169.254") || text.equals("100.100.100.200") || text.equals("169.254.170.2")
                || text.equals("fd00:ec2:0:0:0:0:0:254");
    }

    private static boolean isLiteral(String host) {
        return host.startsWith("[") || host.matches("[0-9.]+") || host.contains(":");
    }

    private static InetAddress literal(String host) {
        try {
            // A literal: getByName parses it without a DNS lookup.
            return InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw ExportException.of(ErrorCode.INVALID_URL, "The webhook host " + host + " is not a valid address");
        }
    }

    /** The URL without query, which may hold a token. */
    static String redacted(URI uri) {
        return uri.getScheme() + "://" + (uri.getHost() == null ? "" : uri.getHost())
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?***");
    }
}
