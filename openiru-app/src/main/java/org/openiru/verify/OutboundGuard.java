package org.openiru.verify;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether an outgoing request (a takedown check, a webhook) may go to a URL: only http and https, and
 * never to an address inside the deployment's own networks — private, loopback, link-local (cloud metadata at
 * 169.254.169.254), shared CGNAT, unique-local, unspecified, multicast, broadcast or reserved, also when written
 * as an IPv4-mapped, IPv4-compatible, NAT64 or 6to4 IPv6 address — unless the address lies in one of the
 * configured allowed networks ({@code OPENIRU_OUTBOUND_ALLOW}).
 *
 * <p>The host is looked up once and every address it has is checked; {@link GuardedHttp} then connects to
 * those checked addresses only, so a DNS server that answers a public address to the check and a private one
 * to the connection (DNS rebinding) gains nothing.
 */
public final class OutboundGuard {
    /** A URL whose host was looked up and whose every address may be reached. */
    public record Vetted(URI uri, String host, List<InetAddress> addresses) {
    }

    private record Forbidden(AddressBlock block, String what) {
        Forbidden(String cidr, String what) {
            this(AddressBlock.parse(cidr), what);
        }
    }

    /** Checked in order: the first block that holds an address names it in the refusal. */
    private static final List<Forbidden> FORBIDDEN = List.of(
            new Forbidden("255.255.255.255/32", "the broadcast address"),
            new Forbidden("0.0.0.0/8", "an unspecified (this-network) address"),
            new Forbidden("10.0.0.0/8", "a private address"),
            new Forbidden("172.16.0.0/12", "a private address"),
            new Forbidden("192.168.0.0/16", "a private address"),
            new Forbidden("100.64.0.0/10", "a shared (carrier-grade NAT) address"),
            new Forbidden("127.0.0.0/8", "a loopback address"),
            new Forbidden("169.254.169.254/32", "a link-local address (cloud instance metadata)"),
            new Forbidden("169.254.0.0/16", "a link-local address"),
            new Forbidden("192.0.0.0/24", "a reserved (IETF protocol) address"),
            new Forbidden("198.18.0.0/15", "a reserved (benchmarking) address"),
            new Forbidden("224.0.0.0/4", "a multicast address"),
            new Forbidden("240.0.0.0/4", "a reserved address"),
            new Forbidden("::/128", "an unspecified address"),
            new Forbidden("::1/128", "a loopback address"),
            new Forbidden("fe80::/10", "a link-local address"),
            new Forbidden("fec0::/10", "a site-local address"),
            new Forbidden("fc00::/7", "a unique-local address"),
            new Forbidden("ff00::/8", "a multicast address"));
    private static final AddressBlock NAT64 = AddressBlock.parse("64:ff9b::/96");
    private static final AddressBlock SIX_TO_FOUR = AddressBlock.parse("2002::/16");
    private static final AddressBlock COMPATIBLE = AddressBlock.parse("::/96");

    private final List<AddressBlock> allowed;
    private final HostResolver resolver;

    /** @param allowedNetworks CIDR blocks that may be reached although they are internal (e.g. 127.0.0.0/8 in tests) */
    public OutboundGuard(List<String> allowedNetworks, HostResolver resolver) {
        this.allowed = allowedNetworks.stream().map(AddressBlock::parse).toList();
        this.resolver = resolver;
    }

    /**
     * Checks the scheme, looks the host up once and checks every address.
     *
     * @throws OutboundRefused      when the URL may not be reached
     * @throws UnknownHostException when the host has no address (a network failure, not a refusal)
     */
    public Vetted vet(URI uri) throws UnknownHostException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new OutboundRefused("refused: " + (scheme.isEmpty() ? "the URL has no scheme"
                    : "the scheme '" + scheme + "' is not http or https") + " (" + uri + ")");
        }
        String host = hostOf(uri);
        if (host.isEmpty()) {
            throw new OutboundRefused("refused: the URL has no host (" + uri + ")");
        }
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host + " has no address");
        }
        for (InetAddress a : addresses) {
            String why = forbidden(a);
            if (why != null) {
                String shown = a.getHostAddress();
                throw new OutboundRefused(isLiteral(host, a) ? "refused: " + shown + " is " + why
                        : "refused: " + host + " resolves to " + shown + ", " + why);
            }
        }
        return new Vetted(uri, host, List.of(addresses));
    }

    /** What the address is when it may not be reached, or null when it may. */
    public String forbidden(InetAddress address) {
        if (allowed.stream().anyMatch(b -> b.contains(address))) {
            return null;
        }
        String what = classify(address.getAddress());
        if (what != null) {
            return what;
        }
        byte[] embedded = embeddedIpv4(address);
        if (embedded == null || allowed.stream().anyMatch(b -> b.contains(embedded))) {
            return null;
        }
        String inner = classify(embedded);
        return inner == null ? null : inner + " inside an IPv6 address";
    }

    private static String classify(byte[] address) {
        return FORBIDDEN.stream().filter(f -> f.block().contains(address)).map(Forbidden::what).findFirst()
                .orElse(null);
    }

    /** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64 or 6to4), or null. */
    private static byte[] embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] b = address.getAddress();
        boolean mapped = Arrays.equals(Arrays.copyOfRange(b, 0, 12),
                new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff});
        if (mapped || COMPATIBLE.contains(b) || NAT64.contains(b)) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if (SIX_TO_FOUR.contains(b)) {
            return Arrays.copyOfRange(b, 2, 6);
        }
        return null;
    }

    /** The host without IPv6 brackets, in lower case. */
    static String hostOf(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return "";
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.toLowerCase(Locale.ROOT);
    }

    private static boolean isLiteral(String host, InetAddress a) {
        return host.equalsIgnoreCase(a.getHostAddress()) || (a instanceof Inet4Address && host.matches("[0-9.]+"))
                || host.contains(":");
    }
}
