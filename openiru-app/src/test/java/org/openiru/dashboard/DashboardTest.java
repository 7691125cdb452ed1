package org.openiru.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openiru.app.OpenIru;
import org.openiru.audit.Actor;
import org.openiru.auth.Role;
import org.openiru.auth.Users;
import org.openiru.platform.PlatformInput;
import org.openiru.testing.FreshDatabase;
import org.openiru.testing.TestClock;
import org.openiru.unit.Units;

/**
 * The dashboard's figures on a small dataset written at known times around a fixed "now" (noon UTC, so that
 * "today" holds the morning): each figure counts what it says, for the unit or for every unit, and moves when the
 * data changes; the cache serves the same figures until they are stale.
 */
@ExtendWith(FreshDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Actor SYSTEM = Actor.system("dashboard-test");

    private OpenIru app;
    private long unitA;
    private long unitB;
    private long platform;
    private long analyst;
    private long general;
    private long queueA;

    private static OffsetDateTime ago(Duration d) {
        return OffsetDateTime.ofInstant(NOW.minus(d), ZoneOffset.UTC);
    }

    private static Duration hours(long h) {
        return Duration.ofHours(h);
    }

    private static Duration days(long d) {
        return Duration.ofDays(d);
    }

    private long id(String sql, Object... args) {
        return app.db.jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return q.mapTo(Long.class).one();
        });
    }

    private long item(String url, Duration collectedAgo) {
        return id("INSERT INTO items (platform_id, canonical_url, collected_at) VALUES (?, ?, ?) RETURNING id",
                platform, "https://dash.example/" + url, ago(collectedAgo));
    }

    private long newCase(long unit, long queue, String state, Duration createdAgo) {
        return id("INSERT INTO review_cases (unit_id, queue_id, state, created_at) VALUES (?, ?, ?, ?) RETURNING id",
                unit, queue, state, ago(createdAgo));
    }

    private long event(long caseId, String kind, Duration atAgo) {
        return id("INSERT INTO review_case_events (case_id, kind, actor_name, at) VALUES (?, ?, 'test', ?) RETURNING id",
                caseId, kind, ago(atAgo));
    }

    /** A case created {@code createdAgo}, assessed and approved at the given times, with its assessment row. */
    private long decided(long unit, Duration createdAgo, Duration assessedAgo, Duration approvedAgo) {
        long c = newCase(unit, general, "approved", createdAgo);
        event(c, "created", createdAgo);
        long e = event(c, "assessed", assessedAgo);
        id("""
                INSERT INTO review_assessments (case_id, event_id, assessor_id, outcome, categories, entity, severity,
                    needs_approval, created_at)
                VALUES (?, ?, ?, 'terrorist', '{a}', 'Synthetic Group', 2, true, ?) RETURNING id""",
                c, e, analyst, ago(assessedAgo));
        event(c, "approved", approvedAgo);
        return c;
    }

    private long referral(long unit, String ref, Duration createdAgo) {
        return id("""
                INSERT INTO referrals (reference, kind, unit_id, platform_id, language, created_at)
                VALUES (?, 'referral', ?, ?, 'en', ?) RETURNING id""", ref, unit, platform, ago(createdAgo));
    }

    private long referred(long referral, long caseId, long item) {
        return id("""
                INSERT INTO referral_items (referral_id, case_id, item_id, platform_id, kind, url, categories, reason)
                VALUES (?, ?, ?, ?, 'referral', 'https://dash.example/x', '{a}', '[synthetic]') RETURNING id""",
                referral, caseId, item, platform);
    }

    private void answer(long referralItem, String answer, Duration actedAgo) {
        id("""
                INSERT INTO referral_answers (referral_item_id, answer, acted_at, recorded_at, via)
                VALUES (?, ?, ?, ?, 'portal') RETURNING id""", referralItem, answer, ago(actedAgo), ago(actedAgo));
    }

    private void goneCheck(long referralItem, Duration checkedAgo) {
        id("""
                INSERT INTO verify_checks (referral_item_id, checked_at, outcome, url, duration_ms)
                VALUES (?, ?, 'gone', 'https://dash.example/x', 5) RETURNING id""", referralItem, ago(checkedAgo));
    }

    @BeforeAll
    void data(OpenIru openIru) {
        app = openIru;
        unitA = app.units.create(SYSTEM, new Units.Input("dash-a", "Unit A", "NL", "")).id();
        unitB = app.units.create(SYSTEM, new Units.Input("dash-b", "Unit B", "BE", "")).id();
        platform = app.platforms.create(SYSTEM, new PlatformInput("dash-p", "Dash platform", "messaging",
                List.of("dash.example"), "", "", "", List.of("en"), "", "")).id();
        analyst = app.users.create(SYSTEM, new Users.NewUser(unitA, "dash-analyst", "dash-analyst", "",
                EnumSet.of(Role.ANALYST), null, "en", "test-password-123")).id();
        general = id("SELECT id FROM review_queues WHERE name = 'general'");
        queueA = id("INSERT INTO review_queues (name, unit_id) VALUES ('dash-a-only', ?) RETURNING id", unitA);
        id("INSERT INTO review_queues (name, unit_id) VALUES ('dash-b-only', ?) RETURNING id", unitB);

        // Items: 3 today, 2 three days ago, 1 ten days ago, 1 forty days ago.
        long[] items = {item("t1", hours(1)), item("t2", hours(2)), item("t3", hours(11)), item("d3a", days(3)),
                item("d3b", days(3)), item("d10", days(10)), item("d40", days(40))};
        // Bank hits: two in the week (one cancelled by a negative bank), one older.
        long bank = id("""
                INSERT INTO banks (name, kind, provenance, created_by) VALUES ('DASH', 'known', 'local', 'test')
                RETURNING id""");
        long entry = id("""
                INSERT INTO bank_entries (bank_id, signal_type, value, added_by) VALUES (?, 'md5', 'ab', 'test')
                RETURNING id""", bank);
        String hit = "INSERT INTO hits (content_ref, bank_id, entry_id, signal_type, distance, cancelled_by_negative, "
                + "created_at) VALUES (?, ?, ?, 'md5', 0, ?, ?) RETURNING id";
        id(hit, "a".repeat(64), bank, entry, false, ago(hours(3)));
        id(hit, "b".repeat(64), bank, entry, true, ago(hours(3)));
        id(hit, "c".repeat(64), bank, entry, false, ago(days(12)));
        // Scores: two high and one medium this week, one high before it.
        String score = "INSERT INTO item_scores (item_id, item_version, score, priority, band, label, language, model, "
                + "scored_at) VALUES (?, 1, 1, 50, ?, 'propaganda', 'en', 'm', ?) RETURNING item_id";
        id(score, items[0], "high", ago(hours(1)));
        id(score, items[1], "high", ago(days(2)));
        id(score, items[2], "medium", ago(hours(5)));
        id(score, items[5], "high", ago(days(10)));

        // Cases waiting: unit A has two new in general (5 h and 2 h old), one in its own queue, one assessed, one
        // escalated; unit B one new in general (9 h old) and one assessed.
        newCase(unitA, general, "new", hours(5));
        newCase(unitA, general, "new", hours(2));
        newCase(unitA, queueA, "new", hours(1));
        newCase(unitA, general, "assessed", hours(3));
        newCase(unitA, general, "escalated", hours(3));
        newCase(unitB, general, "new", hours(9));
        newCase(unitB, general, "assessed", hours(3));
        // Handling: unit A assessed after 2 h and 4 h, approved 1 h and 2 h later; unit B after 100 h, 50 h later.
        long c1 = decided(unitA, days(5), days(5).minus(hours(2)), days(5).minus(hours(3)));
        long c2 = decided(unitA, days(2), days(2).minus(hours(4)), days(2).minus(hours(6)));
        long c3 = decided(unitB, days(20), days(20).minus(hours(100)), days(20).minus(hours(150)));

        // Referrals: unit A two days ago (2 items: one removed yesterday, one rejected) and forty days ago (1 item,
        // seen gone five days ago); unit B yesterday (1 item removed an hour later).
        long r1 = referral(unitA, "A-1", days(2));
        answer(referred(r1, c1, items[0]), "removed", days(1));
        answer(referred(r1, c1, items[1]), "rejected", days(1));
        goneCheck(referred(referral(unitA, "A-2", days(40)), c2, items[6]), days(5));
        answer(referred(referral(unitB, "B-1", days(1)), c3, items[2]), "removed", days(1).minus(hours(1)));
    }

    @Test
    @Order(1)
    void figuresOfOneUnit() {
        DashboardQueries.Figures f = new DashboardQueries(app.db.jdbi()).figures(unitA, NOW);
        assertThat(f.itemsToday()).isEqualTo(3);
        assertThat(f.items7()).isEqualTo(5);
        assertThat(f.itemsTotal()).isEqualTo(7);
        assertThat(f.bankHits7()).isEqualTo(1);
        assertThat(f.bandHigh7()).isEqualTo(2);
        assertThat(f.bandMedium7()).isEqualTo(1);
        // the unit's own queue and the shared ones, among them those the routing rules seed (empty here)
        assertThat(f.queues()).extracting(DashboardQueries.QueueDepth::name)
                .contains("dash-a-only", "general", "reappeared", "hash-matches").isSorted();
        assertThat(queue(f, "general").waiting()).isEqualTo(2);
        assertThat(queue(f, "general").oldest()).isEqualTo(NOW.minus(hours(5)));
        assertThat(queue(f, "dash-a-only").waiting()).isEqualTo(1);
        assertThat(queue(f, "reappeared").oldest()).isNull();
        assertThat(f.approvalsWaiting()).isEqualTo(1);
        assertThat(f.escalated()).isEqualTo(1);
        assertThat(f.medianToAssess()).isEqualTo(hours(3));
        assertThat(f.medianToApprove()).isEqualTo(Duration.ofMinutes(90));
        assertThat(f.referrals30()).isEqualTo(1);
        assertThat(f.referredItems30()).isEqualTo(2);
        assertThat(f.removedOfReferred()).isEqualTo(1);
        assertThat(f.removalRate()).isEqualTo(0.5);
        assertThat(f.removals30()).isEqualTo(2);

        DashboardQueries.Trends t = f.trends();
        assertThat(t.days()).hasSize(30).endsWith(NOW.atZone(ZoneOffset.UTC).toLocalDate());
        assertThat(t.items()[29]).isEqualTo(3);
        assertThat(t.items()[26]).isEqualTo(2);
        assertThat(t.items()[19]).isEqualTo(1);
        assertThat(t.hits()[29]).isEqualTo(1);
        assertThat(t.assessments()[27]).isEqualTo(1);
        assertThat(t.assessments()[24]).isEqualTo(1);
        assertThat(t.referred()[27]).isEqualTo(2);
        assertThat(t.removed()[28]).isEqualTo(1);
        assertThat(t.removed()[24]).isEqualTo(1);
        assertThat(sum(t.removed())).isEqualTo(f.removals30());
    }

    @Test
    @Order(2)
    void figuresOfEveryUnit() {
        DashboardQueries.Figures f = new DashboardQueries(app.db.jdbi()).figures(null, NOW);
        assertThat(f.queues()).extracting(DashboardQueries.QueueDepth::name)
                .contains("dash-a-only", "dash-b-only", "general");
        assertThat(f.queues().stream().filter(q -> q.name().equals("general")).findFirst().orElseThrow().oldest())
                .isEqualTo(NOW.minus(hours(9)));
        assertThat(f.approvalsWaiting()).isEqualTo(2);
        // Unit B's assessment after 100 h joins 2 h and 4 h; its approval after 50 h joins 1 h and 2 h.
        assertThat(f.medianToAssess()).isEqualTo(hours(4));
        assertThat(f.medianToApprove()).isEqualTo(hours(2));
        assertThat(f.referrals30()).isEqualTo(2);
        assertThat(f.referredItems30()).isEqualTo(3);
        assertThat(f.removedOfReferred()).isEqualTo(2);
        assertThat(f.removals30()).isEqualTo(3);
    }

    @Test
    @Order(3)
    void figuresMoveWhenDataChanges() {
        DashboardQueries q = new DashboardQueries(app.db.jdbi());
        DashboardQueries.Figures before = q.figures(unitA, NOW);
        long item = item("later", Duration.ofMinutes(10));
        long c = newCase(unitA, general, "new", hours(8));
        long r = referral(unitA, "A-3", hours(1));
        answer(referred(r, c, item), "access_disabled", Duration.ofMinutes(30));
        DashboardQueries.Figures after = q.figures(unitA, NOW);
        assertThat(after.itemsToday()).isEqualTo(before.itemsToday() + 1);
        assertThat(after.itemsTotal()).isEqualTo(before.itemsTotal() + 1);
        assertThat(queue(after, "general").waiting()).isEqualTo(queue(before, "general").waiting() + 1);
        assertThat(queue(after, "general").oldest()).isEqualTo(NOW.minus(hours(8)));
        assertThat(after.referrals30()).isEqualTo(before.referrals30() + 1);
        assertThat(after.removals30()).isEqualTo(before.removals30() + 1);
        assertThat(after.trends().removed()[29]).isEqualTo(1);
        // Unit B sees none of it but the item, which belongs to no unit.
        DashboardQueries.Figures b = q.figures(unitB, NOW);
        assertThat(b.referrals30()).isEqualTo(1);
        assertThat(b.itemsTotal()).isEqualTo(after.itemsTotal());
    }

    @Test
    @Order(4)
    void cachedUntilStale(TestClock clock) {
        Dashboard d = app.dashboard;
        long total = d.figures(unitA).itemsTotal();
        item("cached", Duration.ZERO);
        assertThat(d.figures(unitA).itemsTotal()).as("within 30 s the cached figures are served").isEqualTo(total);
        clock.advance(Dashboard.STALE_LIMIT.plusSeconds(1));
        assertThat(d.figures(unitA).itemsTotal()).as("stale: computed again").isEqualTo(total + 1);
    }

    private static long sum(long[] a) {
        long n = 0;
        for (long x : a) {
            n += x;
        }
        return n;
    }

    private static DashboardQueries.QueueDepth queue(DashboardQueries.Figures f, String name) {
        return f.queues().stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
    }
}
