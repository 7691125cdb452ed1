package org.openiru.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openiru.app.OpenIru;
import org.openiru.testing.FreshDatabase;

/**
 * Referring an action day's worth of approved items at once, across nine platforms with most items on one: every
 * item referred exactly once, split into referrals of at most 1,000, every case referred, the audit chain whole.
 * The default size keeps the suite quick; {@code -Dopeniru.referral.items=26000} is the action-day size, and the
 * run prints the time taken (wall, and CPU of this process and of the database backends) for docs/benchmarks.md.
 * Nothing here asserts a time.
 */
@ExtendWith(FreshDatabase.class)
class ReferralScaleTest {
    private static final int PLATFORMS = 9;

    @Test
    void anActionDayOfApprovedItemsIsReferredOnceEachAcrossNinePlatforms(OpenIru app) throws Exception {
        int n = Integer.getInteger("openiru.referral.items", 2600);
        ReferralFixture f = new ReferralFixture(app, "scale-unit");
        List<Long> platforms = new ArrayList<>();
        for (int p = 0; p < PLATFORMS; p++) {
            platforms.add(ReferralFixture.platform(app, "scale-" + p, "abuse@scale-" + p + ".example",
                    p % 2 == 0 ? "https://hooks.scale-" + p + ".example/referrals" : "", List.of(p == 0 ? "ar" : "en")));
        }
        approvedCases(app, f, platforms, n);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long backend = backendPostmaster(app);
        long dbBefore = childrenCpuTicks(backend);
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long wallBefore = System.nanoTime();
        Referrals.Result r = app.referral.referrals.referApproved(f.actor(), f.unit().id(), null);
        long wall = System.nanoTime() - wallBefore;
        long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
        long dbTicks = childrenCpuTicks(backend) - dbBefore;
        System.out.printf("referral build: %d items, %d referrals, %d cases: wall %d ms, JVM thread CPU %d ms, "
                        + "database backends CPU %d ms%n", r.items(), r.referrals().size(), r.casesReferred().size(),
                wall / 1_000_000, cpu / 1_000_000, dbTicks * 10);

        assertThat(r.items()).isEqualTo(n);
        assertThat(r.casesReferred()).hasSize(n);
        assertThat(r.referrals()).allSatisfy(m -> assertThat(m.items()).isBetween(1, Referrals.MAX_ITEMS));
        assertThat(r.referrals().stream().map(Referrals.Made::platformId).distinct()).hasSize(PLATFORMS);
        Map<String, Object> counts = app.db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT (SELECT count(*) FROM referral_items) AS items,
                               (SELECT count(DISTINCT item_id) FROM referral_items) AS distinct_items,
                               (SELECT count(*) FROM review_cases WHERE state = 'referred') AS referred,
                               (SELECT count(*) FROM deliveries) AS deliveries,
                               (SELECT count(*) FROM referral_items WHERE cardinality(sha256) = 1
                                   AND cardinality(pdq) = 1) AS with_evidence""").mapToMap().one());
        assertThat(((Number) counts.get("items")).longValue()).isEqualTo(n);
        assertThat(((Number) counts.get("distinct_items")).longValue()).isEqualTo(n);
        assertThat(((Number) counts.get("referred")).longValue()).isEqualTo(n);
        assertThat(((Number) counts.get("with_evidence")).longValue()).isEqualTo(n);
        long expectedDeliveries = r.referrals().stream()
                .mapToLong(m -> platforms.indexOf(m.platformId()) % 2 == 0 ? 2 : 1).sum();
        assertThat(((Number) counts.get("deliveries")).longValue()).isEqualTo(expectedDeliveries);
        assertThat(app.audit.verify().intact()).isTrue();
        assertThat(app.referral.referrals.referApproved(f.actor(), f.unit().id(), null).referrals()).isEmpty();
    }

    /**
     * {@code n} approved one-item cases written set-based (the review desk's own path costs a transaction per
     * step and would make the fixture, not the referral, the slow part): items with a stored file and its PDQ,
     * six in ten on the first platform (as most of the action day's items were on one), the rest spread; each case
     * with its created, assessed and approved events and its assessment.
     */
    private static void approvedCases(OpenIru app, ReferralFixture f, List<Long> platforms, int n) {
        app.db.jdbi().useTransaction(h -> {
            Long[] p = platforms.toArray(new Long[0]);
            h.createUpdate("""
                            INSERT INTO items (platform_id, canonical_url)
                            SELECT CASE WHEN g % 10 < 6 THEN (:p)[1] ELSE (:p)[2 + g % 8] END,
                                   'https://scale.example/item/' || g FROM generate_series(1, :n) g""")
                    .bind("p", p).bind("n", n).execute();
            h.execute("""
                    INSERT INTO blobs (sha256, md5, size, media_type)
                    SELECT encode(sha256(convert_to('scale ' || id, 'UTF8')), 'hex'), md5('scale ' || id), 1000,
                           'image/png' FROM items WHERE canonical_url LIKE 'https://scale.example/%'""");
            h.execute("""
                    INSERT INTO item_blobs (item_id, role, original_name, blob_sha256, missing)
                    SELECT id, 'photo', 'synthetic.png', encode(sha256(convert_to('scale ' || id, 'UTF8')), 'hex'),
                           false FROM items WHERE canonical_url LIKE 'https://scale.example/%'""");
            h.execute("""
                    INSERT INTO content_signals (content_ref, signal_type, value, quality)
                    SELECT blob_sha256, 'pdq', encode(sha256(convert_to('pdq ' || blob_sha256, 'UTF8')), 'hex'), 100
                    FROM item_blobs WHERE original_name = 'synthetic.png'""");
            long queue = h.createQuery("SELECT id FROM review_queues WHERE name = 'general'").mapTo(Long.class).one();
            h.createUpdate("""
                            WITH c AS (
                                INSERT INTO review_cases (unit_id, queue_id, title, state)
                                SELECT :unit, :queue, '[synthetic] scale ' || id, 'approved' FROM items
                                WHERE canonical_url LIKE 'https://scale.example/%' ORDER BY id
                                RETURNING id, title)
                            INSERT INTO review_case_items (case_id, item_id)
                            SELECT c.id, i.id FROM c JOIN items i ON c.title = '[synthetic] scale ' || i.id
                            WHERE i.canonical_url LIKE 'https://scale.example/%'""")
                    .bind("unit", f.unit().id()).bind("queue", queue).execute();
            h.createUpdate("""
                            INSERT INTO review_case_events (case_id, kind, actor_name, unit_id, payload)
                            SELECT c.id, k.kind, 'scale-fixture', :unit, k.payload
                            FROM review_cases c CROSS JOIN (VALUES
                                (1, 'created', CAST('{}' AS jsonb)),
                                (2, 'assessed', CAST('{"outcome":"terrorist","needsApproval":true}' AS jsonb)),
                                (3, 'approved', CAST('{"outcome":"terrorist"}' AS jsonb))) AS k(n, kind, payload)
                            WHERE c.unit_id = :unit ORDER BY c.id, k.n""").bind("unit", f.unit().id()).execute();
            h.createUpdate("""
                            INSERT INTO review_assessments (case_id, event_id, assessor_id, outcome, categories, entity,
                                severity, content_type, needs_approval)
                            SELECT e.case_id, e.id, :assessor, 'terrorist', '{a,d}', '[synthetic] Group', 3, 'video', true
                            FROM review_case_events e JOIN review_cases c ON c.id = e.case_id
                            WHERE c.unit_id = :unit AND e.kind = 'assessed'""")
                    .bind("assessor", f.approver().id()).bind("unit", f.unit().id()).execute();
        });
    }

    /** The PostgreSQL server process behind the application's connections (its backends are its children). */
    private static long backendPostmaster(OpenIru app) throws Exception {
        int backend = app.db.jdbi().withHandle(h -> h.createQuery("SELECT pg_backend_pid()").mapTo(Integer.class)
                .one());
        return Long.parseLong(stat(backend)[3]);
    }

    /** User and system CPU ticks (1/100 s) of the living children of {@code parent}. */
    private static long childrenCpuTicks(long parent) throws Exception {
        long ticks = 0;
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path d : dirs.filter(x -> x.getFileName().toString().matches("[0-9]+")).toList()) {
                try {
                    String[] s = stat(Long.parseLong(d.getFileName().toString()));
                    if (Long.parseLong(s[3]) == parent) {
                        ticks += Long.parseLong(s[13]) + Long.parseLong(s[14]);
                    }
                } catch (java.io.IOException gone) {
                    // the process ended while we looked
                }
            }
        }
        return ticks;
    }

    /** The fields of /proc/PID/stat, numbered as in proc(5) minus one (field 4, the parent, is index 3). */
    private static String[] stat(long pid) throws java.io.IOException {
        String s = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String afterName = s.substring(s.lastIndexOf(')') + 2);
        String[] rest = afterName.split(" ");
        String[] all = new String[rest.length + 2];
        all[0] = String.valueOf(pid);
        all[1] = "";
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }
}
