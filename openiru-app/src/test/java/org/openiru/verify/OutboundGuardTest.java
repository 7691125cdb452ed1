package org.openiru.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The outbound guard refuses internal addresses (also behind a name, and on redirects) unless allowed. */
class OutboundGuardTest {
    private static final OutboundGuard CLOSED = new OutboundGuard(List.of(), HostResolver.SYSTEM);
    private static final GuardedHttp.Limits QUICK = new GuardedHttp.Limits(Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(10), 256 * 1024, 5);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1/|refused: 127.0.0.1 is a loopback address",
            "http://10.0.0.1/x|refused: 10.0.0.1 is a private address",
            "http://172.20.1.1/|refused: 172.20.1.1 is a private address",
            "http://192.168.1.1/|refused: 192.168.1.1 is a private address",
            "http://100.64.0.1/|refused: 100.64.0.1 is a shared (carrier-grade NAT) address",
            "http://169.254.169.254/latest/meta-data/|refused: 169.254.169.254 is a link-local address (cloud instance metadata)",
            "http://169.254.1.1/|refused: 169.254.1.1 is a link-local address",
            "http://0.0.0.0/|refused: 0.0.0.0 is an unspecified (this-network) address",
            "http://224.0.0.1/|refused: 224.0.0.1 is a multicast address",
            "http://255.255.255.255/|refused: 255.255.255.255 is the broadcast address",
            "http://[::1]/|refused: 0:0:0:0:0:0:0:1 is a loopback address",
            "http://[::]/|refused: 0:0:0:0:0:0:0:0 is an unspecified address",
            "http://[fe80::1]/|refused: fe80:0:0:0:0:0:0:1 is a link-local address",
            "http://[fd12:3456::1]/|refused: fd12:3456:0:0:0:0:0:1 is a unique-local address",
            "http://[ff02::1]/|refused: ff02:0:0:0:0:0:0:1 is a multicast address",
            "http://[::ffff:10.0.0.1]/|refused: 10.0.0.1 is a private address",
            "http://[::ffff:169.254.169.254]/|refused: 169.254.169.254 is a link-local address (cloud instance metadata)",
            "http://[::127.0.0.1]/|refused: 0:0:0:0:0:0:7f00:1 is a loopback address inside an IPv6 address",
            "http://[64:ff9b::a00:1]/|refused: 64:ff9b:0:0:0:0:a00:1 is a private address inside an IPv6 address",
            "http://[2002:a9fe:a9fe::1]/|refused: 2002:a9fe:a9fe:0:0:0:0:1 is a link-local address (cloud instance metadata) inside an IPv6 address",
            "ftp://example.org/file|refused: the scheme 'ftp' is not http or https (ftp://example.org/file)",
            "file:///etc/passwd|refused: the scheme 'file' is not http or https (file:///etc/passwd)",
            "gopher://127.0.0.1:25/|refused: the scheme 'gopher' is not http or https (gopher://127.0.0.1:25/)"})
    void internalAddressesAndOtherSchemesAreRefusedWithAClearReason(String url, String message) {
        assertThatThrownBy(() -> CLOSED.vet(URI.create(url))).isInstanceOf(OutboundRefused.class).hasMessage(message);
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefused() {
        assertThatThrownBy(() -> CLOSED.vet(URI.create("http://localhost:8080/")))
                .isInstanceOf(OutboundRefused.class).hasMessageStartingWith("refused: localhost resolves to ")
                .hasMessageContaining("a loopback address");
    }

    @Test
    void everyAddressOfANameIsCheckedNotOnlyTheFirst() {
        OutboundGuard guard = new OutboundGuard(List.of(), host -> new InetAddress[] {
                InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.1.2.3")});
        assertThatThrownBy(() -> guard.vet(URI.create("https://mixed.example/")))
                .hasMessage("refused: mixed.example resolves to 10.1.2.3, a private address");
    }

    @Test
    void listedNetworksAreAllowedAndPublicAddressesAlwaysAre() throws Exception {
        OutboundGuard open = new OutboundGuard(List.of("127.0.0.0/8", "::1/128", "10.0.0.0/8"), HostResolver.SYSTEM);
        assertThat(open.vet(URI.create("http://127.0.0.1:9/")).addresses())
                .containsExactly(InetAddress.getByName("127.0.0.1"));
        assertThat(open.vet(URI.create("http://[::1]/")).host()).isEqualTo("::1");
        assertThat(open.vet(URI.create("http://10.0.0.1/")).host()).isEqualTo("10.0.0.1");
        assertThat(open.vet(URI.create("http://localhost/")).addresses()).isNotEmpty();
        assertThatThrownBy(() -> open.vet(URI.create("http://169.254.169.254/"))).isInstanceOf(OutboundRefused.class);
        OutboundGuard publicOnly = new OutboundGuard(List.of(), host -> new InetAddress[] {
                InetAddress.getByName("93.184.215.14")});
        assertThat(publicOnly.vet(URI.create("https://public.example/")).addresses()).hasSize(1);
    }

    @Test
    void aBadAllowListEntryIsNamed() {
        assertThatThrownBy(() -> new OutboundGuard(List.of("127.0.0.0/33"), HostResolver.SYSTEM))
                .hasMessageContaining("127.0.0.0/33");
        assertThatThrownBy(() -> new OutboundGuard(List.of("example.org/8"), HostResolver.SYSTEM))
                .hasMessageContaining("does not start with an IP address");
    }

    @Test
    void requestsToInternalAddressesNeverLeave() throws Exception {
        try (Site site = new Site()) {
            site.page("/up", "<p>[synthetic] up</p>");
            GuardedHttp closed = new GuardedHttp(CLOSED, "test");
            assertThatThrownBy(() -> closed.exchange("GET", site.url("127.0.0.1", "/up"), null, null, Map.of(), QUICK,
                    t -> false)).isInstanceOf(OutboundRefused.class).hasMessage("refused: 127.0.0.1 is a loopback address");
            assertThatThrownBy(() -> closed.exchange("GET", site.url("localhost", "/up"), null, null, Map.of(), QUICK,
                    t -> false)).isInstanceOf(OutboundRefused.class);
            assertThat(site.requests).isEmpty();

            GuardedHttp open = new GuardedHttp(new OutboundGuard(List.of("127.0.0.0/8"), HostResolver.SYSTEM), "test");
            GuardedHttp.Response r = open.exchange("GET", site.url("127.0.0.1", "/up"), null, null, Map.of(), QUICK,
                    t -> false);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).contains("[synthetic] up");
        }
    }

    @Test
    void aRedirectToAnInternalAddressIsRefusedBeforeItIsFollowed() throws Exception {
        try (Site site = new Site()) {
            site.redirect("/go", 302, "http://169.254.169.254/latest/meta-data/");
            GuardedHttp open = new GuardedHttp(new OutboundGuard(List.of("127.0.0.0/8"), HostResolver.SYSTEM), "test");
            assertThatThrownBy(() -> open.exchange("GET", site.url("127.0.0.1", "/go"), null, null, Map.of(), QUICK,
                    t -> false)).isInstanceOf(OutboundRefused.class)
                    .hasMessage("refused: 169.254.169.254 is a link-local address (cloud instance metadata)");
            assertThat(site.requests).containsExactly("/go");
        }
    }

    @Test
    void dnsRebindingGainsNothingTheConnectionGoesToTheCheckedAddress() throws Exception {
        // Two servers on one port: 127.0.0.2 stands for the public address the name first resolves to, 127.0.0.1
        // for the internal one a rebinding DNS server answers next. Only 127.0.0.2 is allowed.
        try (Site vetted = new Site("127.0.0.2", 0)) {
            try (Site internal = new Site("127.0.0.1", vetted.port())) {
                vetted.page("/p", "<p>[synthetic] the vetted server</p>");
                internal.page("/p", "<p>[synthetic] internal</p>");
                AtomicInteger lookups = new AtomicInteger();
                HostResolver rebinding = host -> new InetAddress[] {InetAddress.getByName(
                        lookups.getAndIncrement() == 0 ? "127.0.0.2" : "127.0.0.1")};
                GuardedHttp http = new GuardedHttp(new OutboundGuard(List.of("127.0.0.2/32"), rebinding), "test");
                GuardedHttp.Response r = http.exchange("GET", "http://rebind.example:" + vetted.port() + "/p", null,
                        null, Map.of(), QUICK, t -> false);
                assertThat(r.text()).contains("the vetted server");
                assertThat(lookups).hasValue(1);
                assertThat(internal.requests).isEmpty();

                // A redirect to the same name is a new hop: looked up and checked again, and now refused.
                vetted.redirect("/again", 302, "/p");
                assertThatThrownBy(() -> http.exchange("GET", "http://rebind.example:" + vetted.port() + "/again",
                        null, null, Map.of(), QUICK, t -> false)).isInstanceOf(OutboundRefused.class)
                        .hasMessage("refused: rebind.example resolves to 127.0.0.1, a loopback address");
                assertThat(internal.requests).isEmpty();
            }
        }
    }

    @Test
    void atMostTheLimitOfABodyIsReadAndRedirectsAreCounted() throws Exception {
        try (Site site = new Site()) {
            site.bytes("/big", "x".repeat(3 * 1024 * 1024).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 7; i++) {
                site.redirect("/r" + i, 302, "/r" + (i + 1));
            }
            GuardedHttp open = new GuardedHttp(new OutboundGuard(List.of("127.0.0.0/8"), HostResolver.SYSTEM), "test");
            GuardedHttp.Response big = open.exchange("GET", site.url("127.0.0.1", "/big"), null, null, Map.of(), QUICK,
                    t -> false);
            assertThat(big.body()).hasSize(256 * 1024);
            assertThat(big.truncated()).isTrue();
            assertThatThrownBy(() -> open.exchange("GET", site.url("127.0.0.1", "/r0"), null, null, Map.of(), QUICK,
                    t -> false)).isInstanceOf(GuardedHttp.Failed.class).hasMessage("more than 5 redirects")
                    .satisfies(e -> assertThat(((GuardedHttp.Failed) e).hops()).hasSize(6));
        }
    }

    @Test
    void anUnknownHostIsANetworkFailureNotARefusal() {
        OutboundGuard guard = new OutboundGuard(List.of(), host -> {
            throw new UnknownHostException(host);
        });
        assertThatThrownBy(() -> new GuardedHttp(guard, "test").exchange("GET", "https://nowhere.example/", null, null,
                Map.of(), QUICK, t -> false)).isInstanceOf(GuardedHttp.Failed.class)
                .hasMessage("unknown host: nowhere.example");
    }
}
