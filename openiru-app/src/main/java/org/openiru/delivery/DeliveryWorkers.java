package org.openiru.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openiru.app.OpenIruConfig;
import org.openiru.verify.GuardedHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads that send the outbox: each claims a small batch of due rows (committed with a lease before any
 * send), sends them over one connection per channel, and records each result as soon as it is known. A
 * worker never starts a send that might outlast its lease, so no two workers send the same row at once; a
 * worker killed mid-batch leaves its rows to be taken again when the lease runs out (see docs/delivery.md
 * for the one duplicate this can cause and how receivers drop it).
 */
public final class DeliveryWorkers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorkers.class);
    static final int BATCH = 8;
    static final Duration LEASE = Duration.ofMinutes(2);
    /** The longest one send may take (connect, write, answer each time out at 10 s). */
    static final Duration SEND_BUDGET = Duration.ofSeconds(45);
    private static final long MIN_IDLE_MS = 50;
    /** Deliveries go out within a second of being added, when nothing is waiting before them. */
    private static final long MAX_IDLE_MS = 500;

    private final Deliveries store;
    private final Map<String, Channel> channels;
    private final Clock clock;
    private final int threads;
    private final String name;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final List<Thread> running = new ArrayList<>();

    DeliveryWorkers(Deliveries store, Map<String, Channel> channels, Clock clock, int threads) {
        this.store = store;
        this.channels = Map.copyOf(channels);
        this.clock = clock;
        this.threads = threads;
        // "pid@host", to tell the workers of several processes apart in the attempt log
        this.name = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
    }

    /** E-mail through the configured SMTP server (or failures naming OPENIRU_SMTP_HOST), and webhooks. */
    public static DeliveryWorkers of(Deliveries store, Optional<OpenIruConfig.Mail> mail, GuardedHttp http,
                                     Clock clock, int threads) {
        return new DeliveryWorkers(store, Map.of("email", new EmailChannel(mail),
                "webhook", new WebhookChannel(clock, http)), clock, threads);
    }

    public synchronized DeliveryWorkers start() {
        for (int i = 1; i <= threads; i++) {
            Thread t = new Thread(this::loop, "openiru-delivery-" + i);
            t.setDaemon(true);
            running.add(t);
            t.start();
        }
        return this;
    }

    private void loop() {
        long idle = MIN_IDLE_MS;
        while (stopping.getCount() > 0) {
            int n;
            try {
                n = runOnce();
            } catch (RuntimeException e) {
                LOG.warn("Delivery worker: the database is unreachable; trying again (claimed rows are taken "
                        + "again after their leases)", e);
                n = 0;
            }
            idle = n > 0 ? MIN_IDLE_MS : Math.min(idle * 2, MAX_IDLE_MS);
            if (n == 0 && await(idle)) {
                return;
            }
        }
    }

    /** Claims one batch and sends it; returns how many rows were claimed. */
    int runOnce() {
        String worker = name + "/" + Thread.currentThread().getName();
        List<Deliveries.Claimed> batch = store.claim(BATCH, LEASE);
        Map<String, Channel.Batch> open = new HashMap<>();
        try {
            for (int i = 0; i < batch.size(); i++) {
                Deliveries.Claimed d = batch.get(i);
                if (stopping.getCount() == 0 || clock.instant().plus(SEND_BUDGET).isAfter(d.lease())) {
                    store.release(batch.subList(i, batch.size()));
                    break;
                }
                Channel.Batch b = open.computeIfAbsent(d.channel(), c -> channels.get(c).begin());
                send(b, d, worker);
            }
        } finally {
            open.values().forEach(Channel.Batch::close);
        }
        return batch.size();
    }

    private void send(Channel.Batch b, Deliveries.Claimed d, String worker) {
        Instant started = clock.instant();
        boolean mine;
        try {
            mine = store.sent(d, started, b.send(d), worker);
        } catch (Channel.Failure e) {
            mine = store.failed(d, started, e.getMessage(), worker);
            LOG.info("Delivery {} ({}) failed, attempt {} of {}: {}", d.id(), d.key(), d.attempts() + 1,
                    Deliveries.MAX_ATTEMPTS, e.getMessage());
        }
        if (!mine) {
            LOG.warn("Delivery {} ({}) was no longer leased to this worker when its result came", d.id(), d.key());
        }
    }

    private boolean await(long ms) {
        try {
            return stopping.await(ms, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Stops claiming; a send in progress finishes and is recorded, unsent claimed rows are given back. */
    @Override
    public synchronized void close() {
        stopping.countDown();
        for (Thread t : running) {
            try {
                t.join(SEND_BUDGET.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        running.clear();
    }
}
