package org.openiru.verify;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Looks a host name up. The guard asks once per request hop; tests answer what a hostile DNS server would. */
@FunctionalInterface
public interface HostResolver {
    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
