package org.openiru.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openiru.app.OpenIru;
import org.openiru.platform.WebhookSecrets;
import org.openiru.testing.FreshDatabase;
import org.openiru.testing.TestClock;
import org.openiru.verify.GuardedHttp;
import org.openiru.verify.HostResolver;
import org.openiru.verify.OutboundGuard;

/**
 * Webhooks against a local HTTP server that checks the signature as a platform would; failures back off
 * (the test clock passes the waits) and end dead after five tries.
 */
@ExtendWith(FreshDatabase.class)
class WebhookDeliveryTest {
    private static HttpServer server;
    /** Per path: how many requests to refuse before accepting. */
    private static final Map<String, Integer> failFirst = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    private static final Map<String, String> secrets = new ConcurrentHashMap<>();
    private static final List<String> problems = new CopyOnWriteArrayList<>();
    private static final List<String> accepted = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", WebhookDeliveryTest::handle);
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    /** What a platform does: check the signature over "t.body" with its secret, in constant time. */
    private static void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        byte[] body = ex.getRequestBody().readAllBytes();
        String sig = ex.getRequestHeaders().getFirst("X-OpenIRU-Signature");
        String t = sig.replaceAll("^t=([0-9]+),v1=[0-9a-f]{64}$", "$1");
        String v1 = sig.substring(sig.indexOf("v1=") + 3);
        String expected = hmac(secrets.get(path), t + "." + new String(body, StandardCharsets.UTF_8));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), v1.getBytes(StandardCharsets.US_ASCII))
                || !"application/json".equals(ex.getRequestHeaders().getFirst("Content-Type"))) {
            problems.add(path + ": bad signature or type " + sig);
        }
        int n = seen.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        int status = n <= failFirst.getOrDefault(path, 0) ? 503 : 202;
        if (status == 202) {
            accepted.add(ex.getRequestHeaders().getFirst("X-OpenIRU-Delivery"));
        }
        byte[] reply = (status == 503 ? "busy ".repeat(200) + "END" : "ok").getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, reply.length);
        ex.getResponseBody().write(reply);
        ex.close();
    }

    private static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** A platform whose webhook is {@code path} on the local server, with its secret known to the server. */
    private static long platform(OpenIru app, String slug, String path, int failures) {
        long id = DeliveryFixture.platform(app, slug, url(path));
        secrets.put(path, new WebhookSecrets(app.db.jdbi(), app.audit).rotate(DeliveryFixture.SYSTEM, id));
        failFirst.put(path, failures);
        return id;
    }

    private static long webhook(OpenIru app, long platform, Long referral, String path, String key) {
        return DeliveryFixture.add(app, new Outgoing(key, "webhook", "platform", platform, referral, url(path),
                "", "", "{\"reference\":\"" + key + "\",\"items\":[{\"url\":\"https://x.example/1\",\"reason\":"
                + "\"نص [synthetic]\"}]}", List.of()));
    }

    /** Webhooks through a guard that lets the local test server be reached, as OPENIRU_OUTBOUND_ALLOW would. */
    private static final GuardedHttp LOOPBACK_ALLOWED = new GuardedHttp(
            new OutboundGuard(List.of("127.0.0.0/8"), HostResolver.SYSTEM), "test");

    private static DeliveryWorkers workers(OpenIru app) {
        return DeliveryWorkers.of(app.deliveries, Optional.empty(), LOOPBACK_ALLOWED, app.clock, 0);
    }

    /** Runs the workers, then moves the clock past the longest backoff, {@code times} times. */
    private static void tries(OpenIru app, TestClock clock, int times) {
        for (int i = 0; i < times; i++) {
            workers(app).runOnce();
            clock.advance(Duration.ofMinutes(8).plusSeconds(1));
        }
    }

    @Test
    void failingTwiceThenAcceptingIsSentOnTheThirdTry(OpenIru app, TestClock clock) {
        long platform = platform(app, "hook-twice", "/twice", 2);
        long referral = DeliveryFixture.referral(app, platform, "REF-HOOK-2");
        long id = webhook(app, platform, referral, "/twice", "referral:" + referral + ":webhook");

        workers(app).runOnce();
        assertThat(DeliveryFixture.row(app, id)).containsEntry("status", "pending").containsEntry("attempts", 1);
        assertThat(workers(app).runOnce()).as("waits for its backoff").isZero();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        workers(app).runOnce();
        assertThat(DeliveryFixture.row(app, id)).containsEntry("attempts", 2);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(workers(app).runOnce()).as("the second wait is two minutes").isZero();
        clock.advance(Duration.ofMinutes(1));
        workers(app).runOnce();

        assertThat(DeliveryFixture.row(app, id)).containsEntry("status", "sent").containsEntry("attempts", 3);
        assertThat(DeliveryFixture.attempts(app, id)).extracting(Deliveries.Attempt::ok).containsExactly(false, false,
                true);
        assertThat(DeliveryFixture.attempts(app, id).get(0).detail()).startsWith("HTTP 503: busy").endsWith("…")
                .hasSize("HTTP 503: ".length() + WebhookChannel.REPLY_SHOWN + 1);
        assertThat(DeliveryFixture.receipt(app, referral)).containsEntry("received_via", "webhook");
        assertThat(accepted).contains("referral:" + referral + ":webhook");
        assertThat(problems).isEmpty();
    }

    @Test
    void fiveFailuresMakeADeadLetterThatCanBeRetried(OpenIru app, TestClock clock) {
        long platform = platform(app, "hook-dead", "/dead", 5);
        long referral = DeliveryFixture.referral(app, platform, "REF-HOOK-DEAD");
        long id = webhook(app, platform, referral, "/dead", "referral:" + referral + ":webhook");

        tries(app, clock, 6);

        assertThat(DeliveryFixture.row(app, id)).containsEntry("status", "dead").containsEntry("attempts", 5);
        assertThat(seen.get("/dead")).hasValue(5);
        assertThat(DeliveryFixture.attempts(app, id)).hasSize(5).noneMatch(Deliveries.Attempt::ok);
        assertThat(DeliveryFixture.receipt(app, referral).get("received_at")).isNull();

        app.deliveries.retry(DeliveryFixture.SYSTEM, id);
        workers(app).runOnce();
        assertThat(DeliveryFixture.row(app, id)).containsEntry("status", "sent").containsEntry("attempts", 1);
        assertThat(DeliveryFixture.attempts(app, id)).hasSize(6).last().satisfies(a -> assertThat(a.ok()).isTrue());
        assertThat(app.audit.search(new org.openiru.audit.AuditLog.Filter("delivery.retried", null,
                String.valueOf(id), null, null, null), null, 5)).hasSize(1);
        assertThat(problems).isEmpty();
    }

    @Test
    void aWebhookToTheInternalNetworkIsRefusedUnlessAllowed(OpenIru app) {
        long platform = platform(app, "hook-internal", "/internal", 0);
        long id = webhook(app, platform, null, "/internal", "alert:internal");
        // The application's own guard: this test configuration allows no internal network.
        DeliveryWorkers.of(app.deliveries, Optional.empty(), app.verify.http, app.clock, 0).runOnce();
        assertThat(seen).doesNotContainKey("/internal");
        assertThat(DeliveryFixture.attempts(app, id)).singleElement()
                .satisfies(a -> assertThat(a.detail()).contains("refused").contains("127.0.0.1"));
    }

    @Test
    void aPlatformWithoutASecretGetsNoUnsignedWebhook(OpenIru app) {
        long platform = DeliveryFixture.platform(app, "hook-nosecret", url("/nosecret"));
        long id = webhook(app, platform, null, "/nosecret", "alert:nosecret");
        workers(app).runOnce();
        assertThat(seen).doesNotContainKey("/nosecret");
        assertThat(DeliveryFixture.attempts(app, id)).singleElement()
                .satisfies(a -> assertThat(a.detail()).contains("no webhook secret"));
    }

    @Test
    void workersClaimingAtOnceNeverShareARowAndACrashedWorkersRowsAreTakenAfterTheLease(OpenIru app,
                                                                                        TestClock clock)
            throws Exception {
        long platform = platform(app, "hook-many", "/many", 0);
        for (int i = 0; i < 30; i++) {
            webhook(app, platform, null, "/many", "many:" + i);
        }
        List<Long> a = new CopyOnWriteArrayList<>();
        List<Long> b = new CopyOnWriteArrayList<>();
        Thread t1 = new Thread(() -> app.deliveries.claim(20, DeliveryWorkers.LEASE).forEach(c -> a.add(c.id())));
        Thread t2 = new Thread(() -> app.deliveries.claim(20, DeliveryWorkers.LEASE).forEach(c -> b.add(c.id())));
        t1.start();
        t2.start();
        t1.join();
        t2.join();
        assertThat(a.size() + b.size()).isEqualTo(30);
        assertThat(Set.copyOf(a)).doesNotContainAnyElementsOf(b);

        // Both "workers" died after claiming: nothing is sent until their leases run out.
        assertThat(workers(app).runOnce()).isZero();
        clock.advance(DeliveryWorkers.LEASE.plusSeconds(1));
        while (workers(app).runOnce() > 0) {
            // drain
        }
        assertThat(seen.get("/many")).hasValue(30);
        assertThat(accepted.stream().filter(k -> k.startsWith("many:")).distinct()).hasSize(30);
        assertThat(problems).isEmpty();
    }
}
