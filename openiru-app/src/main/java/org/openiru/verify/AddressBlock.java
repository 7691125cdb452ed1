package org.openiru.verify;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address block in CIDR form ({@code 10.0.0.0/8}, {@code fc00::/7}); IPv4 and IPv6 blocks never overlap. */
public record AddressBlock(byte[] prefix, int bits) {

    /** Parses {@code address/bits}; the address must be a literal (no name is looked up). */
    public static AddressBlock parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + cidr + "' is not an address block like 127.0.0.0/8");
        }
        String address = cidr.substring(0, slash).strip();
        if (!address.matches("[0-9a-fA-F:.]+") || !(address.contains(":") || address.matches("[0-9.]+"))) {
            throw new IllegalArgumentException("'" + cidr + "' does not start with an IP address");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + cidr + "' does not start with an IP address");
        }
        int bits;
        try {
            bits = Integer.parseInt(cidr.substring(slash + 1).strip());
        } catch (NumberFormatException e) {
            bits = -1;
        }
        if (bits < 0 || bits > bytes.length * 8) {
            throw new IllegalArgumentException("'" + cidr + "': the prefix length must be 0 to " + bytes.length * 8);
        }
        return new AddressBlock(bytes, bits);
    }

    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    public boolean contains(byte[] address) {
        if (address.length != prefix.length) {
            return false;
        }
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != prefix[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (address[full] & mask) == (prefix[full] & mask);
    }
}
