package org.openiru.referral.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;
import org.openiru.delivery.Outbox;
import org.openiru.review.Cases;
import org.openiru.store.queue.Job;
import org.openiru.store.queue.JobHandler;
import org.openiru.store.queue.JobQueue;
import org.openiru.store.queue.Periodic;

/**
 * Finds removal orders whose deadline passed without Annex II for every item and without an Annex III answer
 * stopping the clock, and for each missed deadline, once: a {@code breached} order event, an
 * {@code order_breached} event on each case concerned (an escalation), an audit event and an alert e-mail to the
 * unit's supervisors in the outbox. Runs every {@link #EVERY} as a job on the durable queue; each run's job has its
 * own key (the 10-second slot), so however many processes run, it runs once per slot, and each run schedules
 * the next.
 */
public final class BreachCheck implements JobHandler {
    public static final String QUEUE = "order-breach";
    public static final Duration EVERY = Duration.ofSeconds(10);
    public static final Duration LEASE = Duration.ofMinutes(2);
    private static final Actor SYSTEM = Actor.system("order-breach-check");

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;
    private final Periodic slots;
    private final Cases cases;
    private final OrderMessages messages;

    public BreachCheck(Jdbi jdbi, AuditLog audit, Clock clock, JobQueue jobs, Cases cases, Orders orders) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
        this.slots = new Periodic(jobs, QUEUE, EVERY);
        this.cases = cases;
        this.messages = orders.messages;
    }

    /** Makes sure the current slot's job exists (called at every start). */
    public void schedule() {
        slots.schedule();
    }

    /** One pass, then the next slot's job: deadlines are read from the application's clock (tests move it). */
    @Override
    public void handle(Job job) {
        run();
        slots.scheduleNext();
    }

    /** One pass over the open orders; returns how many breaches it recorded. */
    public int run() {
        Instant now = clock.instant();
        List<Long> open = jdbi.withHandle(h -> h.createQuery("""
                        SELECT r.id FROM referrals r JOIN referral_orders o ON o.referral_id = r.id
                        WHERE o.settled_at IS NULL AND r.received_at <= :limit ORDER BY r.id""")
                .bind("limit", now.minus(OrderClock.PERIOD)).mapTo(Long.class).list());
        int breaches = 0;
        for (long id : open) {
            breaches += jdbi.inTransaction(h -> check(h, id, now));
        }
        return breaches;
    }

    private int check(Handle h, long id, Instant now) {
        Order o = Orders.lock(h, id);
        OrderClock.Result clock = o.clock(now);
        int written = 0;
        for (Instant deadline : clock.missed()) {
            boolean isNew = h.createQuery("""
                            INSERT INTO referral_order_events (referral_id, kind, at, deadline)
                            VALUES (?, 'breached', ?, ?) ON CONFLICT DO NOTHING RETURNING id""")
                    .bind(0, id).bind(1, now).bind(2, deadline).mapTo(Long.class).findOne().isPresent();
            if (isNew) {
                escalate(h, o, deadline, now);
                written++;
            }
        }
        if (clock.items().values().stream().allMatch(OrderClock.Item::done)) {
            h.createUpdate("UPDATE referral_orders SET settled_at = ? WHERE referral_id = ?").bind(0, now).bind(1, id)
                    .execute();
        }
        return written;
    }

    private void escalate(Handle h, Order o, Instant deadline, Instant now) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("orderId", o.id());
        payload.put("reference", o.reference());
        payload.put("platformId", o.platformId());
        payload.put("deadline", deadline.toString());
        for (long caseId : o.items().stream().map(Order.Line::caseId).distinct().toList()) {
            cases.noteOrder(h, SYSTEM, caseId, "order_breached", payload);
        }
        List<String> supervisors = h.createQuery("""
                        SELECT email FROM users WHERE unit_id = ? AND active AND 'supervisor' = ANY(roles)
                          AND email <> '' ORDER BY id""").bind(0, o.unitId()).mapTo(String.class).list();
        payload.put("alerted", supervisors);
        if (!supervisors.isEmpty()) {
            Outbox.add(h, messages.breach(o, deadline, String.join(",", supervisors)), now);
        }
        audit.record(h, SYSTEM, "order.breached", "referral", o.id(), payload);
    }
}
