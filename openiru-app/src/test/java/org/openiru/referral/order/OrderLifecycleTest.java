package org.openiru.referral.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openiru.app.OpenIru;
import org.openiru.store.queue.WorkerPool;
import org.openiru.testing.FreshDatabase;
import org.openiru.testing.TestClock;
import org.openiru.web.ApiException;

/**
 * The removal-order acceptance test as far as orders go, on the real database with the application's clock moved
 * forward: issued → received → no answer → the hour passes → one breach (order event, escalation on the case,
 * audit, one alert e-mail row for the supervisors) → Annex III "insufficient information" pauses the clock → the
 * supervisor's clarification starts a fresh hour. Also: the 12-hour rule, Annex I validation, the PDF, signatures.
 */
@ExtendWith(FreshDatabase.class)
class OrderLifecycleTest {

    private static long count(OpenIru app, String sql, Object... args) {
        return app.db.jdbi().withHandle(h -> h.select(sql, args).mapTo(Long.class).one());
    }

    @Test
    void breachEscalatesOnceAndAClarificationStartsAFreshHour(OpenIru app, TestClock clock) {
        OrderFixture f = new OrderFixture(app, "acc", "NL", "");
        List<Long> items = f.approvedItems("acc", 2);
        long id = f.issue(items, "[synthetic] ongoing attack: content spreads now");
        Order o = f.order(id);
        assertThat(o.reference()).matches("ACC-ORD-20\\d\\d-000001");
        assertThat(o.clock(clock.instant()).state()).isEqualTo(OrderClock.State.NOT_RECEIVED);
        assertThat(count(app, "SELECT count(*) FROM deliveries WHERE key = ? AND purpose = 'platform' "
                + "AND recipient = 'tco@p-acc.example'", "order:" + id + ":email")).isOne();
        assertThat(count(app, "SELECT count(*) FROM delivery_attachments a JOIN deliveries d ON d.id = a.delivery_id "
                + "WHERE d.key = ? AND a.media_type = 'application/pdf'", "order:" + id + ":email")).isOne();
        assertThat(count(app, "SELECT count(*) FROM review_case_events WHERE kind = 'order_issued' AND case_id = ?",
                f.caseOf(items.get(0)))).isOne();

        clock.advance(Duration.ofHours(3));
        assertThat(app.removalOrders.breaches.run()).as("not received: no clock").isZero();

        Instant receipt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        f.received(id, receipt);
        clock.advance(Duration.ofMinutes(30));
        assertThat(app.removalOrders.breaches.run()).isZero();
        assertThat(f.order(id).clock(clock.instant()).deadline()).isEqualTo(receipt.plus(OrderClock.PERIOD));

        clock.advance(Duration.ofMinutes(31));
        assertThat(app.removalOrders.breaches.run()).isEqualTo(1);
        assertThat(app.removalOrders.breaches.run()).as("idempotent").isZero();
        Instant deadline = receipt.plus(OrderClock.PERIOD);
        assertThat(f.order(id).clock(clock.instant()).state()).isEqualTo(OrderClock.State.BREACHED);
        assertThat(count(app, "SELECT count(*) FROM referral_order_events WHERE referral_id = ? AND kind = 'breached'",
                id)).isOne();
        assertThat(count(app, "SELECT count(*) FROM review_case_events WHERE kind = 'order_breached' AND case_id = ?",
                f.caseOf(items.get(0)))).isOne();
        assertThat(count(app, "SELECT count(*) FROM audit_events WHERE action = 'order.breached' AND subject_id = ?",
                String.valueOf(id))).isOne();
        List<Map<String, Object>> alerts = app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT key, recipient, purpose, channel FROM deliveries WHERE key LIKE ?").bind(0, "order:" + id
                + ":breach:%").mapToMap().list());
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0)).containsEntry("key", "order:" + id + ":breach:" + deadline)
                .containsEntry("recipient", "acc-boss@unit.example").containsEntry("purpose", "alert")
                .containsEntry("channel", "email");

        f.answer(id, "cannot_execute", "insufficient_information", "[synthetic] Which message in the channel?",
                clock.instant());
        OrderClock.Result paused = f.order(id).clock(clock.instant());
        assertThat(paused.state()).isEqualTo(OrderClock.State.PAUSED);
        assertThat(paused.pause()).isEqualTo(OrderClock.Pause.CLARIFICATION);
        clock.advance(Duration.ofHours(5));
        assertThat(app.removalOrders.breaches.run()).as("paused: no new breach").isZero();

        Instant clarified = clock.instant();
        app.removalOrders.orders.clarify(f.supervisor, OrderFixture.SYSTEM, id, "[synthetic] Message 2 of the list.");
        OrderClock.Result fresh = f.order(id).clock(clock.instant());
        assertThat(fresh.state()).isEqualTo(OrderClock.State.RUNNING);
        assertThat(app.removalOrders.queries.clocks(List.of(id), clock.instant())).as("the list's clock")
                .containsEntry(id, fresh);
        assertThat(fresh.deadline()).isBetween(clarified.plus(OrderClock.PERIOD),
                clarified.plus(OrderClock.PERIOD).plusSeconds(5));
        assertThat(count(app, "SELECT count(*) FROM deliveries WHERE key LIKE ?", "order:" + id
                + ":clarification:%:email")).isOne();
        assertThatThrownBy(() -> app.removalOrders.orders.clarify(f.supervisor, OrderFixture.SYSTEM, id, "again"))
                .isInstanceOf(ApiException.class).hasMessageContaining("no clarification");

        clock.advance(Duration.ofMinutes(61));
        assertThat(app.removalOrders.breaches.run()).as("the fresh hour passes too").isEqualTo(1);
        assertThat(count(app, "SELECT count(*) FROM deliveries WHERE key LIKE ?", "order:" + id + ":breach:%"))
                .isEqualTo(2);

        f.answer(id, "removed", "", "", clock.instant());
        app.removalOrders.breaches.run();
        assertThat(count(app, "SELECT count(*) FROM referral_orders WHERE referral_id = ? AND settled_at IS NOT NULL",
                id)).as("settled: no longer checked").isOne();
    }

    @Test
    void statisticsCountAnOrderAnsweredWithinTheHourThatAClarificationRestarted(OpenIru app, TestClock clock) {
        OrderFixture f = new OrderFixture(app, "stat", "NL", "");
        long paused = f.issue(f.approvedItems("stat-a", 1), "[synthetic] emergency for the test");
        long late = f.issue(f.approvedItems("stat-b", 1), "[synthetic] emergency for the test");
        Instant start = clock.instant();
        f.received(paused, start);
        f.received(late, start);
        f.answer(paused, "cannot_execute", "insufficient_information", "[synthetic] Which message?",
                start.plusSeconds(600));
        clock.advance(Duration.ofHours(3));
        app.removalOrders.breaches.run();
        app.removalOrders.orders.clarify(f.supervisor, OrderFixture.SYSTEM, paused, "[synthetic] Message 2.");
        clock.advance(Duration.ofMinutes(20));
        // The paused order is answered 20 minutes after the clarification (3 h 20 min after receipt): in time.
        // The other was never paused and is answered as late: a breach.
        f.answer(paused, "removed", "", "", clock.instant());
        f.answer(late, "removed", "", "", clock.instant());
        app.removalOrders.breaches.run();

        List<org.openiru.verify.Statistics.Row> rows = app.verify.statistics.rows(new org.openiru.verify.Statistics
                .Filter(start.minus(Duration.ofDays(1)), clock.instant().plus(Duration.ofDays(1)), null, f.platformId),
                org.openiru.verify.Statistics.Grouping.TOTAL);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.orders()).isEqualTo(2);
            assertThat(r.ordersReceived()).isEqualTo(2);
            assertThat(r.ordersWithinHour()).isEqualTo(1);
        });
    }

    @Test
    void theDurableQueueRunsTheBreachCheckWithinSeconds(OpenIru app, TestClock clock) throws Exception {
        OrderFixture f = new OrderFixture(app, "queue", "NL", "");
        long id = f.issue(f.approvedItems("queue", 1), "[synthetic] emergency");
        f.received(id, clock.instant());
        clock.advance(Duration.ofMinutes(61));
        String breached = "SELECT count(*) FROM referral_order_events WHERE referral_id = ? AND kind = 'breached'";
        try (WorkerPool pool = new WorkerPool(app.jobs, 1, Duration.ofSeconds(5))) {
            app.removalOrders.registerWorkers(pool);
            pool.start();
            long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (count(app, breached, id) == 0 && System.nanoTime() < giveUp) {
                Thread.sleep(200);
            }
        }
        assertThat(count(app, breached, id)).isOne();
        assertThat(count(app, "SELECT count(*) FROM jobs WHERE queue = ? AND state = 'ready'", BreachCheck.QUEUE))
                .as("the next run is scheduled").isOne();
    }

    @Test
    void aFirstOrderWaitsTwelveHoursAfterTheInformationUnlessAnEmergencyIsStated(OpenIru app, TestClock clock)
            throws Exception {
        OrderFixture f = new OrderFixture(app, "first", "NL", "https://hooks.p-first.example/tco");
        List<Long> items = f.approvedItems("first", 2);
        assertThatThrownBy(() -> f.issue(items.subList(0, 1), ""))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("emergencyReason"))
                .hasMessageContaining("12 hours");
        app.removalOrders.orders.sendInformation(f.supervisor, OrderFixture.SYSTEM, f.platformId);
        assertThat(count(app, "SELECT count(*) FROM deliveries WHERE key = ? AND recipient = 'tco@p-first.example'",
                "order-information:" + f.unit.id() + ":" + f.platformId + ":email")).isOne();
        clock.advance(Duration.ofHours(11));
        assertThatThrownBy(() -> f.issue(items.subList(0, 1), "")).hasMessageContaining("may be issued 12 hours later");

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        long id = f.issue(items.subList(0, 1), "");
        assertThat(count(app, "SELECT count(*) FROM deliveries WHERE key = ? AND channel = 'webhook'",
                "order:" + id + ":webhook")).isOne();
        assertThat(app.removalOrders.orders.orderedBefore(f.unit.id(), f.platformId)).isTrue();
        assertThatThrownBy(() -> f.issue(items.subList(0, 1), "")).as("never ordered twice")
                .hasMessageContaining("ordered removed there before");

        OrderFixture g = new OrderFixture(app, "urgent", "NL", "");
        long urgent = g.issue(g.approvedItems("urgent", 1), "[synthetic] imminent threat to life");
        Order u = g.order(urgent);
        assertThat(u.annex().emergencyReason()).isEqualTo("[synthetic] imminent threat to life");
        String text = pdfText(app.removalOrders.orders.pdf(u));
        assertThat(text).contains("emergency").contains("imminent threat to life");
    }

    @Test
    void anArabicUnitNameIsJoinedAndRightToLeftInTheSignatureLine(OpenIru app) {
        OrderFixture f = new OrderFixture(app, "arab", "NL", "");
        app.units.update(OrderFixture.SYSTEM, f.unit.id(), new org.openiru.unit.Units.Input("arab", "وحدة", "NL",
                "iru@arab.example"));
        Order o = f.order(f.issue(f.approvedItems("arab", 1), "[synthetic] emergency"));
        String text = pdfText(app.removalOrders.orders.pdf(o));
        // "Unit" in Arabic: waw (isolated: it never joins the next letter), hah (initial), dal (final), teh marbuta
        // (isolated, after a dal), in the visual order the PDF holds, so the right-to-left word reads backwards here.
        // Before, the paragraph went to the document directly: base letters 0648 062D 062F 0629, unjoined, in
        // logical order, which a reader sees reversed.
        assertThat(text).contains("This document is signed by \uFE93\uFEAA\uFEA3\uFEED with its Ed25519 key");
    }

    @Test
    void annexOneValidationNamesEveryMissingField(OpenIru app) {
        OrderFixture f = new OrderFixture(app, "val", "IE", "");
        List<Long> items = f.approvedItems("val", 1);
        OrderForm blank = new OrderForm(f.platformId, List.of(new OrderForm.Line(items.get(0), List.of(), " ")),
                null, "", "", "", null, "", " ", "", "", "", "", "", "[synthetic] emergency");
        assertThatThrownBy(() -> app.removalOrders.orders.issue(f.supervisor, OrderFixture.SYSTEM, blank))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo("categories_" + items.get(0));
                })
                .hasMessageContaining("reason_" + items.get(0)).hasMessageContaining("nonDisclosureDays")
                .hasMessageContaining("hostAuthority (section D").hasMessageContaining("hostAuthorityContact")
                .hasMessageContaining("authorityName").hasMessageContaining("authorityAddress")
                .hasMessageContaining("authorityContact").hasMessageContaining("followupContact")
                .hasMessageContaining("redressBody").hasMessageContaining("redressTimeLimit")
                .hasMessageContaining("redressProcedure");
        app.db.jdbi().useHandle(h -> h.execute("UPDATE platforms SET legal_representative = '' WHERE id = ?",
                f.platformId));
        assertThatThrownBy(() -> f.issue(items, "[synthetic] emergency"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("legalRepresentative"));
        assertThat(count(app, "SELECT count(*) FROM referrals WHERE unit_id = ?", f.unit.id())).isZero();
    }

    @Test
    void theSignedPdfVerifiesAndOneChangedByteFails(OpenIru app) throws Exception {
        OrderFixture f = new OrderFixture(app, "sig", "IE", "");
        long id = f.issue(f.approvedItems("sig", 2), "[synthetic] emergency");
        Order o = f.order(id);
        byte[] pdf = app.removalOrders.orders.pdf(o);
        String key = app.removalOrders.keys.publicKey(f.unit.id()).orElseThrow().pem();
        assertThat(SigningKeys.verify(pdf, o.annex().signature(), key)).isTrue();
        for (int at : new int[] {0, pdf.length / 2, pdf.length - 1}) {
            byte[] tampered = pdf.clone();
            tampered[at] ^= 1;
            assertThat(SigningKeys.verify(tampered, o.annex().signature(), key)).as("byte %d changed", at).isFalse();
        }
        String text = pdfText(pdf);
        assertThat(text).contains(o.reference()).contains("Section A").contains("Section G").contains("Legal Rep Ltd")
                .contains("Coimisiún na Meán").contains("p-sig.example/sig/1").contains(o.annex().keyId());
        assertThat(o.annex().crossBorder()).isTrue();
        assertThat(count(app, "SELECT count(*) FROM deliveries WHERE key = ? AND purpose = 'alert' "
                + "AND recipient = 'tco@host-authority.example'", "order:" + id + ":host-copy")).isOne();

        long second = f.issue(f.approvedItems("sig2", 1), "");
        assertThat(f.order(second).annex().keyId()).as("one key per unit, kept").isEqualTo(o.annex().keyId());
        SigningKeys afterRestart = new SigningKeys(app.db.jdbi(), app.audit);
        assertThat(afterRestart.publicKey(f.unit.id()).orElseThrow().pem()).isEqualTo(key);
    }

    @Test
    void aHeldCaseIsNotOrdered(OpenIru app) {
        OrderFixture f = new OrderFixture(app, "hold", "NL", "");
        List<Long> items = f.approvedItems("hold", 1);
        app.review.holds.place(new org.openiru.review.Reviewer(f.supervisor, "t"), new org.openiru.review.Holds.NewHold(
                f.caseOf(items.get(0)), null, "[synthetic] investigation", "", "", Instant.now().plus(Duration.ofDays(2))));
        assertThat(app.removalOrders.queries.candidates(f.unit.id(), f.platformId)).singleElement()
                .satisfies(c -> assertThat(c.held()).isTrue());
        assertThatThrownBy(() -> f.issue(items, "[synthetic] emergency"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("held"));
    }

    static String pdfText(byte[] pdf) {
        return org.openiru.report.PdfText.of(pdf);
    }
}
