package org.openiru.bench.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.openiru.app.OpenIru;
import org.openiru.app.OpenIruConfig;
import org.openiru.audit.Actor;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.auth.Users;
import org.openiru.bench.ProcessCpu;
import org.openiru.campaign.ActionDay;
import org.openiru.campaign.ActionDayFigures;
import org.openiru.campaign.ActionDayFiguresQuery;
import org.openiru.campaign.ActionDays;
import org.openiru.platform.PlatformInput;
import org.openiru.unit.Unit;
import org.openiru.unit.Units;

/**
 * The live board's figures of one running action day with {@code ITEMS} referred items (and as many referred
 * items outside the day), on a fresh embedded PostgreSQL in a temporary directory:
 * {@code ActionDayBoardTool ITEMS ROUNDS}. The day's data is written set-based in SQL (synthetic: actors, items,
 * assessed cases, referrals, 60 % removed by the platform, 10 % rejected, 10 % seen gone by a check), then the board
 * query runs ROUNDS times; it prints each round's wall time, the CPU of the JVM and PostgreSQL per round, and the
 * plans of the statements (EXPLAIN ANALYZE).
 */
public final class ActionDayBoardTool {
    private static final Actor BENCH = Actor.system("action-day-bench");
    private static final int PLATFORMS = 9;
    private static final int PER_REFERRAL = 100;

    private ActionDayBoardTool() {
    }

    public static void main(String[] args) throws Exception {
        int items = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory("openiru-board-bench");
        OpenIruConfig config = OpenIruConfig.from(Map.of("OPENIRU_DATA_DIR", dir.toString(),
                "OPENIRU_WORKER_THREADS", "0", "OPENIRU_ARGON2_MEMORY_KIB", "1024"), new Properties());
        try (OpenIru app = OpenIru.open(config)) {
            Unit unit = app.units.create(BENCH, new Units.Input("bench-unit", "Bench unit", "NL", ""));
            User supervisor = app.users.create(BENCH, new Users.NewUser(unit.id(), "bench-supervisor",
                    "bench-supervisor", "", EnumSet.of(Role.SUPERVISOR), null, "en", "bench-password-123"));
            List<Long> platforms = new ArrayList<>();
            for (int p = 0; p < PLATFORMS; p++) {
                platforms.add(app.platforms.create(BENCH, new PlatformInput("p" + p, "Platform " + p + " [synthetic]",
                        "messaging", List.of("p" + p + ".bench.example"), "", "", "", List.of("en"), "", "")).id());
            }
            Instant start = Instant.now().minus(20, ChronoUnit.HOURS);
            Actor who = new Actor(supervisor.id(), supervisor.username(), unit.id(), "bench");
            ActionDay day = app.campaign.days.create(supervisor, who, new ActionDays.Input("Bench day [synthetic]",
                    "", start.toString(), start.plus(2, ChronoUnit.DAYS).toString(), List.of(), platforms, List.of(),
                    List.of(), List.of()));
            day = app.campaign.days.start(supervisor, who, day.id());
            long t0 = System.nanoTime();
            fill(app, unit.id(), supervisor.id(), platforms, day.id(), items, start);
            System.out.printf("filled %,d day items and %,d others in %.1f s%n", items, items,
                    (System.nanoTime() - t0) / 1e9);
            app.db.jdbi().useHandle(h -> h.execute("VACUUM ANALYZE"));
            explain(app, day.id());
            ActionDay d = day;
            app.campaign.figures.figures(d);
            ProcessCpu cpu = new ProcessCpu(dir);
            List<Double> ms = new ArrayList<>();
            ActionDayFigures f = null;
            for (int i = 0; i < rounds; i++) {
                long s = System.nanoTime();
                f = app.campaign.figures.board(d);
                ms.add((System.nanoTime() - s) / 1e6);
            }
            System.out.println("CPU over " + rounds + " rounds: " + cpu.since());
            List<Double> sorted = ms.stream().sorted().toList();
            System.out.printf("wall per round: median %.0f ms, p95 %.0f ms, max %.0f ms%n",
                    sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                    sorted.get(sorted.size() - 1));
            System.out.println("totals: " + f.total() + "; platforms " + f.perPlatform().size() + ", entities "
                    + f.perEntity().size() + ", key actors " + f.keyActors().size() + ", hours " + f.timeline().size());
        }
    }

    private static void explain(OpenIru app, long day) {
        String now = Instant.now().toString();
        for (Map.Entry<String, String> s : ActionDayFiguresQuery.statements().entrySet()) {
            String sql = s.getValue().replace(":day", String.valueOf(day)).replace(":limit", "50")
                    .replace(":now", "'" + now + "'");
            List<String> plan = app.db.jdbi().inTransaction(h -> {
                h.execute("SET LOCAL work_mem = '64MB'");
                return h.createQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql).mapTo(String.class).list();
            });
            System.out.println("== " + s.getKey());
            plan.forEach(System.out::println);
        }
    }

    /** Synthetic actors, items, assessed cases, referrals of the day and outside it, answers and checks, in SQL. */
    private static void fill(OpenIru app, long unit, long user, List<Long> platforms, long day, int n, Instant start) {
        app.db.jdbi().useTransaction(h -> {
            Long[] p = platforms.toArray(new Long[0]);
            h.createUpdate("""
                    INSERT INTO actors (platform_id, external_id, handle, display_name, kind)
                    SELECT (CAST(:p AS bigint[]))[1 + g % 9], 'bench-' || g, 'bench_' || g, 'Bench ' || g || ' [synthetic]',
                           'channel'
                    FROM generate_series(0, :actors - 1) g""").bind("p", p).bind("actors", Math.max(1, n / 20)).execute();
            long firstActor = h.createQuery("SELECT min(id) FROM actors WHERE external_id LIKE 'bench-%'")
                    .mapTo(Long.class).one();
            // 2n items: the first n referred in the day, the others before it (not tagged)
            h.createUpdate("""
                    INSERT INTO items (platform_id, canonical_url, actor_id, posted_at, language)
                    SELECT (CAST(:p AS bigint[]))[1 + (g / 100) % 9], 'https://bench.example/post/' || g,
                           :a0 + (g * 7919) % :actors, CAST(:start AS timestamptz) - interval '1 day',
                           CASE WHEN g % 3 = 0 THEN 'en' ELSE 'ar' END
                    FROM generate_series(0, 2 * :n - 1) g""")
                    .bind("p", p).bind("a0", firstActor).bind("actors", Math.max(1, n / 20)).bind("n", n)
                    .bind("start", time(start)).execute();
            h.createUpdate("""
                    INSERT INTO review_cases (unit_id, queue_id, state, title)
                    SELECT :unit, (SELECT id FROM review_queues WHERE name = 'general'), 'referred', 'bench ' || g
                    FROM generate_series(0, 2 * :n / 10 - 1) g""").bind("unit", unit).bind("n", n).execute();
            h.execute("""
                    CREATE TEMP TABLE bench_map ON COMMIT DROP AS
                    SELECT i.id AS item_id, i.platform_id, row_number() OVER (ORDER BY i.id) - 1 AS g
                    FROM items i WHERE i.canonical_url LIKE 'https://bench.example/post/%'""");
            h.execute("""
                    CREATE TEMP TABLE bench_cases ON COMMIT DROP AS
                    SELECT id AS case_id, row_number() OVER (ORDER BY id) - 1 AS c FROM review_cases WHERE title LIKE 'bench %'""");
            h.execute("INSERT INTO review_case_items (case_id, item_id) SELECT c.case_id, m.item_id FROM bench_map m "
                    + "JOIN bench_cases c ON c.c = m.g / 10");
            h.createUpdate("""
                    INSERT INTO review_case_events (case_id, kind, actor_id, actor_name, unit_id, payload)
                    SELECT case_id, 'assessed', :user, 'bench', :unit, '{}' FROM bench_cases""")
                    .bind("user", user).bind("unit", unit).execute();
            h.execute("""
                    INSERT INTO review_assessments (case_id, event_id, assessor_id, outcome, categories, entity, severity,
                                                    content_type, needs_approval)
                    SELECT e.case_id, e.id, e.actor_id, 'terrorist', '{a}', 'Entity ' || (c.c % 12) || ' [synthetic]', 3,
                           (ARRAY['video', 'image', 'text', 'audio'])[1 + c.c % 4], true
                    FROM review_case_events e JOIN bench_cases c ON c.case_id = e.case_id""");
            h.createUpdate("""
                    INSERT INTO referrals (reference, kind, unit_id, platform_id, language, created_by, created_at,
                                           action_day_id)
                    SELECT 'BENCH-' || r, 'referral', :unit, (CAST(:p AS bigint[]))[1 + r % 9], 'en', :user,
                           CAST(:start AS timestamptz) + CASE WHEN r < :n / 100 THEN (r % 600) * interval '2 minutes'
                                                               ELSE - interval '2 days' END,
                           CASE WHEN r < :n / 100 THEN CAST(:day AS bigint) END
                    FROM generate_series(0, 2 * :n / 100 - 1) r""")
                    .bind("unit", unit).bind("user", user).bind("p", p).bind("n", n).bind("day", day)
                    .bind("start", time(start)).execute();
            h.execute("""
                    INSERT INTO referral_items (referral_id, case_id, item_id, platform_id, kind, url, categories, entity,
                                                reason)
                    SELECT r.id, c.case_id, m.item_id, m.platform_id, 'referral', 'https://bench.example/post/' || m.g,
                           '{a}', 'Entity ' || (c.c % 12) || ' [synthetic]', 'bench'
                    FROM bench_map m JOIN bench_cases c ON c.c = m.g / 10
                    JOIN referrals r ON r.reference = 'BENCH-' || (m.g / 100)""");
            h.execute("""
                    INSERT INTO referral_answers (referral_item_id, answer, reason, acted_at, recorded_at, via)
                    SELECT ri.id, CASE WHEN ri.item_id % 10 < 6 THEN 'removed' ELSE 'rejected' END,
                           CASE WHEN ri.item_id % 10 < 6 THEN '' ELSE 'bench' END,
                           r.created_at + (ri.item_id % 300) * interval '1 minute',
                           r.created_at + (ri.item_id % 300) * interval '1 minute', 'api'
                    FROM referral_items ri JOIN referrals r ON r.id = ri.referral_id
                    WHERE r.reference LIKE 'BENCH-%' AND ri.item_id % 10 < 7""");
            h.execute("""
                    INSERT INTO verify_checks (referral_item_id, checked_at, outcome, url, duration_ms)
                    SELECT ri.id, r.created_at + interval '3 hours', 'gone', ri.url, 10
                    FROM referral_items ri JOIN referrals r ON r.id = ri.referral_id
                    WHERE r.reference LIKE 'BENCH-%' AND ri.item_id % 10 = 7""");
        });
    }

    private static java.time.OffsetDateTime time(Instant i) {
        return java.time.OffsetDateTime.ofInstant(i, java.time.ZoneOffset.UTC);
    }
}
