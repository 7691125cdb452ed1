package org.openiru.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.openiru.app.OpenIru;
import org.openiru.app.OpenIruConfig;
import org.openiru.audit.Actor;
import org.openiru.auth.Role;
import org.openiru.auth.Users;
import org.openiru.bench.ProcessCpu;
import org.openiru.platform.PlatformInput;
import org.openiru.unit.Units;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The reporting benchmark's database: a fresh embedded PostgreSQL (the data directory given) filled with COPY
 * with 1,000,000 items by 200,000 actors on 9 platforms over 90 days, and 100,000 referrals of 4 units with
 * everything behind them (cases, their events, assessments and approvals; referral items; the platforms' answers:
 * most removed, some rejected, some pending; one check per item a day after receipt), bank hits and scores, and
 * one closed action day of all units and platforms holding about 26,000 of the referred items. The last 12
 * referrals are removal orders of unit 1 received in the last 40 minutes and not yet answered (running clocks).
 * All content is synthetic. Users (password {@value #PASSWORD}): {@code bench-admin}, and per unit u (1–4)
 * {@code bench-analyst-u} and {@code bench-supervisor-u}.
 *
 * <p>{@code java -cp openiru-bench.jar org.openiru.bench.report.ReportingDataset DATA_DIR [scale=1.0] [seed=1]}
 * (a scale of 0.01 makes a hundredth of everything, for trying it out).
 */
public final class ReportingDataset {
    public static final String PASSWORD = "bench-password-2026";
    static final int UNITS = 4;
    static final int PLATFORMS = 9;
    static final int DAYS = 90;
    /** Removal orders at the end, received, waiting for their answers. */
    static final int OPEN_ORDERS = 12;
    private static final Actor BENCH = Actor.system("reporting-dataset");
    private static final double[] PLATFORM_SHARE = {0.55, 0.12, 0.08, 0.06, 0.05, 0.05, 0.04, 0.03, 0.02};
    private static final double[] UNIT_SHARE = {0.4, 0.2, 0.2, 0.2};
    private static final String[] LANGUAGES = {"ar", "ar", "ar", "ar", "ar", "en", "en", "en", "fr", "de", "ru"};
    private static final String[] ENTITIES = {"Synthetic Group A", "Synthetic Group B", "Synthetic Group C",
        "Synthetic Group D"};
    private static final String[] CONTENT_TYPES = {"video", "video", "image", "document", "audio", "text"};
    private static final String[] COUNTRIES = {"NL", "BE", "DE", "FR"};

    private final Random random;
    private final int items;
    private final int actors;
    private final int referrals;
    private final int actionDayReferrals;
    private final Instant end;
    private final Instant start;
    private final Path work;
    // per item: collection time (epoch seconds), platform index, URL; per platform: its items in time order
    private long[] itemTime;
    private byte[] itemPlatform;
    private int[][] platformItems;
    private final BitSet referred = new BitSet();
    private long[] unitIds;
    private long[] platformIds;
    private String[] platformSlugs;
    private long[] analysts;
    private long[] supervisors;
    private long generalQueue;
    private Instant dayStart;
    private Instant dayEnd;
    private long actionDayId;
    /** Ids of the tables written together (in the database the sequences are moved past them at the end). */
    private long caseId;
    private long eventId;
    private long assessmentId;
    private long approvalId;
    private long referralItemId;
    private long answerId;
    private long checkId;

    private ReportingDataset(double scale, long seed, Path work) {
        this.random = new Random(seed);
        this.items = (int) Math.round(1_000_000 * scale);
        this.actors = (int) Math.round(200_000 * scale);
        this.referrals = (int) Math.round(100_000 * scale);
        // About 26,000 referred items at 2.5 items a referral, with the day's own share of the others.
        this.actionDayReferrals = (int) Math.round(9_550 * scale);
        this.end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        this.start = end.minus(Duration.ofDays(DAYS));
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ReportingDataset DATA_DIR [scale=1.0] [seed=1]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        double scale = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        if (Files.isDirectory(dataDir) && Files.list(dataDir).findAny().isPresent()) {
            throw new IllegalArgumentException("DATA_DIR " + dataDir + " is not empty: the dataset needs a fresh one");
        }
        OpenIruConfig config = OpenIruConfig.from(Map.of("OPENIRU_DATA_DIR", dataDir.toString(),
                "OPENIRU_WORKER_THREADS", "0"), new Properties());
        long t0 = System.nanoTime();
        Path work = Files.createTempDirectory("openiru-reporting-dataset");
        try (OpenIru app = OpenIru.open(config)) {
            ProcessCpu cpu = new ProcessCpu(app.config.dataDir());
            new ReportingDataset(scale, seed, work).fill(app);
            System.out.printf("done in %.0f s; CPU: %s; data in %s%n", (System.nanoTime() - t0) / 1e9, cpu.since(),
                    dataDir);
        } finally {
            Files.deleteIfExists(work);
        }
    }

    private void fill(OpenIru app) throws Exception {
        people(app);
        try (Handle h = app.db.jdbi().open()) {
            CopyManager copies = h.getConnection().unwrap(PGConnection.class).getCopyAPI();
            generalQueue = h.createQuery("SELECT id FROM review_queues WHERE name = 'general'").mapTo(Long.class).one();
            actionDay(h);
            actorsAndItems(copies);
            hitsAndScores(h, copies);
            casesAndReferrals(copies);
            for (String t : List.of("actors", "items", "bank_entries", "hits", "review_cases", "review_case_events",
                    "review_assessments", "review_approvals", "referrals", "referral_items", "referral_answers",
                    "verify_checks")) {
                h.execute("SELECT setval(pg_get_serial_sequence('" + t + "', 'id'), (SELECT max(id) FROM " + t + "))");
            }
            // A settled database: statistics and the visibility map (index-only scans) as autovacuum leaves them.
            h.execute("VACUUM ANALYZE");
            summary(h);
        }
    }

    /** Units, their analysts and supervisors, an administrator, platforms (through the services: audited). */
    private void people(OpenIru app) {
        unitIds = new long[UNITS];
        analysts = new long[UNITS];
        supervisors = new long[UNITS];
        for (int u = 0; u < UNITS; u++) {
            unitIds[u] = app.units.create(BENCH, new Units.Input("bench-iru-" + (u + 1),
                    "Bench IRU " + (u + 1) + " [synthetic]", COUNTRIES[u], "iru" + (u + 1) + "@bench.example")).id();
            analysts[u] = user(app, u, "bench-analyst-" + (u + 1), Role.ANALYST);
            supervisors[u] = user(app, u, "bench-supervisor-" + (u + 1), Role.SUPERVISOR);
        }
        user(app, 0, "bench-admin", Role.ADMIN);
        platformIds = new long[PLATFORMS];
        platformSlugs = new String[PLATFORMS];
        for (int p = 0; p < PLATFORMS; p++) {
            platformSlugs[p] = "bench-p" + (p + 1);
            platformIds[p] = app.platforms.create(BENCH, new PlatformInput(platformSlugs[p],
                    "Platform " + (p + 1) + " [synthetic]", "messaging", List.of(platformSlugs[p] + ".example"),
                    "abuse@" + platformSlugs[p] + ".example", "", "tco@" + platformSlugs[p] + ".example",
                    List.of("en", "ar"), "Legal Rep [synthetic]", "IE")).id();
        }
    }

    private long user(OpenIru app, int unit, String name, Role role) {
        return app.users.create(BENCH, new Users.NewUser(unitIds[unit], name, name, "", EnumSet.of(role), null, "en",
                PASSWORD)).id();
    }

    /** One closed action day of every unit and platform, twenty days ago, two days long. */
    private void actionDay(Handle h) {
        dayStart = end.minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(8));
        dayEnd = dayStart.plus(Duration.ofDays(2));
        actionDayId = h.createQuery("""
                        INSERT INTO action_days (unit_id, name, description, starts_at, ends_at, status, entities,
                            created_by, created_at, started_at, closed_at)
                        VALUES (?, 'Referral Action Day [synthetic]', 'Benchmark dataset', ?, ?, 'closed', ?, ?, ?, ?, ?)
                        RETURNING id""")
                .bind(0, unitIds[0]).bind(1, dayStart).bind(2, dayEnd).bind(3, ENTITIES).bind(4, supervisors[0])
                .bind(5, dayStart.minus(Duration.ofDays(7))).bind(6, dayStart).bind(7, dayEnd)
                .mapTo(Long.class).one();
        for (long u : unitIds) {
            h.execute("INSERT INTO action_day_units (action_day_id, unit_id) VALUES (?, ?)", actionDayId, u);
        }
        for (long p : platformIds) {
            h.execute("INSERT INTO action_day_platforms (action_day_id, platform_id) VALUES (?, ?)", actionDayId, p);
        }
    }

    private int pick(double[] shares) {
        double r = random.nextDouble();
        for (int i = 0; i < shares.length - 1; i++) {
            r -= shares[i];
            if (r < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }

    /** A few accounts post most: the index into a platform's actors leans to its start. */
    private int skewed(int n) {
        return Math.min(n - 1, (int) (n * Math.pow(random.nextDouble(), 3)));
    }

    private void actorsAndItems(CopyManager copies) throws IOException, java.sql.SQLException {
        int[][] platformActors = new int[PLATFORMS][];
        int[] actorCount = new int[PLATFORMS];
        byte[] actorPlatform = new byte[actors];
        try (CopyFile f = new CopyFile(work, "actors", "id, platform_id, external_id, handle, display_name, kind, "
                + "created_at")) {
            for (int a = 0; a < actors; a++) {
                int p = pick(PLATFORM_SHARE);
                actorPlatform[a] = (byte) p;
                actorCount[p]++;
                f.row(a + 1, platformIds[p], "bench-a" + (a + 1), "bench_a" + (a + 1),
                        "Bench actor " + (a + 1) + " [synthetic]", a % 5 == 0 ? "user" : "channel", start);
            }
            f.load(copies);
        }
        for (int p = 0; p < PLATFORMS; p++) {
            platformActors[p] = new int[actorCount[p]];
            actorCount[p] = 0;
        }
        for (int a = 0; a < actors; a++) {
            platformActors[actorPlatform[a]][actorCount[actorPlatform[a]]++] = a + 1;
        }
        itemTime = new long[items];
        itemPlatform = new byte[items];
        int[] itemCount = new int[PLATFORMS];
        long span = Duration.between(start, end).toSeconds();
        try (CopyFile f = new CopyFile(work, "items", "id, platform_id, canonical_url, external_container, "
                + "external_id, actor_id, forwarded_from_actor_id, posted_at, collected_at, language, normalised_text")) {
            for (int i = 0; i < items; i++) {
                int p = pick(PLATFORM_SHARE);
                int[] pa = platformActors[p];
                int actor = pa[skewed(pa.length)];
                Integer forwarded = random.nextInt(5) == 0 ? pa[skewed(pa.length)] : null;
                long collected = start.getEpochSecond() + span * i / items;
                itemTime[i] = collected;
                itemPlatform[i] = (byte) p;
                itemCount[p]++;
                f.row(i + 1, platformIds[p], url(p, i), "bench-a" + actor, String.valueOf(i + 1), actor,
                        forwarded, Instant.ofEpochSecond(collected - random.nextInt(36 * 3600)),
                        Instant.ofEpochSecond(collected), LANGUAGES[random.nextInt(LANGUAGES.length)],
                        "[synthetic] bench item " + (i + 1));
            }
            f.load(copies);
        }
        platformItems = new int[PLATFORMS][];
        for (int p = 0; p < PLATFORMS; p++) {
            platformItems[p] = new int[itemCount[p]];
            itemCount[p] = 0;
        }
        for (int i = 0; i < items; i++) {
            platformItems[itemPlatform[i]][itemCount[itemPlatform[i]]++] = i;
        }
    }

    private String url(int platform, int item) {
        return "https://" + platformSlugs[platform] + ".example/post/" + (item + 1);
    }

    /** Scores for 30 % of the items (15 % of those high, 30 % medium) and 20,000 bank hits (5 % cancelled). */
    private void hitsAndScores(Handle h, CopyManager copies) throws IOException, java.sql.SQLException {
        try (CopyFile f = new CopyFile(work, "item_scores", "item_id, item_version, score, priority, band, label, "
                + "language, model, scored_at")) {
            for (int i = 0; i < items; i++) {
                if (random.nextInt(10) < 3) {
                    int r = random.nextInt(100);
                    String band = r < 15 ? "high" : r < 45 ? "medium" : "low";
                    int priority = band.equals("high") ? 80 : band.equals("medium") ? 50 : 10;
                    f.row(i + 1, 1, priority / 100.0, priority, band, band.equals("low") ? "unrelated" : "propaganda",
                            "ar", "bench", Instant.ofEpochSecond(itemTime[i] + 60));
                }
            }
            f.load(copies);
        }
        long bank = h.createQuery("""
                INSERT INTO banks (name, description, kind, provenance, created_by)
                VALUES ('BENCH_SYNTHETIC', '[synthetic] benchmark bank', 'known', 'local', 'bench') RETURNING id""")
                .mapTo(Long.class).one();
        int entries = 1000;
        try (CopyFile f = new CopyFile(work, "bank_entries", "id, bank_id, signal_type, value, entity, added_by")) {
            for (int e = 1; e <= entries; e++) {
                f.row(e, bank, "md5", String.format("%032x", e), ENTITIES[e % ENTITIES.length], "bench");
            }
            f.load(copies);
        }
        int hits = (int) Math.round(items / 50.0);
        long span = Duration.between(start, end).toSeconds();
        try (CopyFile f = new CopyFile(work, "hits", "id, content_ref, bank_id, entry_id, signal_type, distance, "
                + "entity, cancelled_by_negative, created_at")) {
            for (int i = 1; i <= hits; i++) {
                f.row(i, String.format("%064x", i), bank, 1 + random.nextInt(entries), "md5", 0,
                        ENTITIES[i % ENTITIES.length], random.nextInt(20) == 0,
                        Instant.ofEpochSecond(start.getEpochSecond() + span * i / hits));
            }
            f.load(copies);
        }
    }

    /** Log-normal delay with the median given, in seconds. */
    private long delay(double medianSeconds, double sigma) {
        return Math.round(medianSeconds * Math.exp(sigma * random.nextGaussian()));
    }

    private final class Tables implements AutoCloseable {
        final CopyFile cases = new CopyFile(work, "review_cases", "id, unit_id, queue_id, priority, title, state, "
                + "created_at, updated_at");
        final CopyFile caseItems = new CopyFile(work, "review_case_items", "case_id, item_id, first_seen, last_seen");
        final CopyFile events = new CopyFile(work, "review_case_events", "id, case_id, kind, actor_id, actor_name, "
                + "unit_id, at");
        final CopyFile assessments = new CopyFile(work, "review_assessments", "id, case_id, event_id, assessor_id, "
                + "outcome, categories, entity, severity, content_type, reason, question, needs_approval, created_at");
        final CopyFile approvals = new CopyFile(work, "review_approvals", "id, assessment_id, approver_id, decision, "
                + "created_at");
        final CopyFile referrals = new CopyFile(work, "referrals", "id, reference, kind, unit_id, platform_id, "
                + "language, created_by, created_at, received_at, received_via, action_day_id");
        final CopyFile orders = new CopyFile(work, "referral_orders", "referral_id, issuing_state, addressee, "
                + "legal_representative, contact_point, issued_at, non_disclosure_days, authority_name, "
                + "authority_address, authority_contact, officer_id, officer_name, followup_contact, redress_body, "
                + "redress_time_limit, redress_procedure, pdf_sha256, signature, key_id, settled_at");
        final CopyFile referralItems = new CopyFile(work, "referral_items", "id, referral_id, case_id, item_id, "
                + "platform_id, kind, url, categories, entity, reason");
        final CopyFile answers = new CopyFile(work, "referral_answers", "id, referral_item_id, answer, reason, "
                + "acted_at, recorded_at, via");
        final CopyFile checks = new CopyFile(work, "verify_checks", "id, referral_item_id, checked_at, outcome, "
                + "http_status, url, duration_ms");

        Tables() throws IOException {
        }

        /** Parents first, for the foreign keys. */
        private List<CopyFile> all() {
            return List.of(cases, caseItems, events, assessments, approvals, referrals, orders, referralItems, answers,
                    checks);
        }

        void load(CopyManager copies) throws IOException, java.sql.SQLException {
            for (CopyFile f : all()) {
                f.load(copies);
            }
        }

        @Override
        public void close() throws IOException {
            for (CopyFile f : all()) {
                f.close();
            }
        }
    }

    /** A referral to make: when, and whether it is one of the open orders at the end. */
    private record Planned(long at, boolean openOrder) {
    }

    private void casesAndReferrals(CopyManager copies) throws IOException, java.sql.SQLException {
        List<Planned> planned = new ArrayList<>();
        long from = start.plus(Duration.ofDays(2)).getEpochSecond();
        long span = end.getEpochSecond() - from;
        for (int r = 0; r < referrals - actionDayReferrals - OPEN_ORDERS; r++) {
            planned.add(new Planned(from + (long) (random.nextDouble() * span), false));
        }
        long daySpan = Duration.between(dayStart, dayEnd).toSeconds();
        for (int r = 0; r < actionDayReferrals; r++) {
            planned.add(new Planned(dayStart.getEpochSecond() + (long) (random.nextDouble() * daySpan), false));
        }
        for (int r = 0; r < OPEN_ORDERS; r++) {
            planned.add(new Planned(end.getEpochSecond() - 2400 + r * 180L, true));
        }
        planned.sort((a, b) -> Long.compare(a.at(), b.at()));
        try (Tables t = new Tables()) {
            long referralId = 0;
            for (Planned p : planned) {
                referral(t, ++referralId, p);
            }
            otherCases(t);
            t.load(copies);
        }
    }

    private void referral(Tables t, long id, Planned plan) throws IOException {
        int unit = plan.openOrder() ? 0 : pick(UNIT_SHARE);
        int platform = pick(PLATFORM_SHARE);
        boolean order = plan.openOrder() || random.nextInt(50) == 0;
        Instant at = Instant.ofEpochSecond(plan.at());
        long toAssess = delay(6 * 3600, 1.0);
        long toApprove = delay(2 * 3600, 1.0);
        long toRefer = delay(3 * 3600, 1.0);
        Instant created = at.minusSeconds(toAssess + toApprove + toRefer);
        int[] chosen = chooseItems(platform, created.getEpochSecond(), 1 + Math.min(4, (int) (random.nextDouble()
                * random.nextDouble() * 7)));
        String entity = ENTITIES[random.nextInt(ENTITIES.length)];
        long c = decidedCase(t, unit, created, toAssess, toApprove, "referred", entity, chosen);
        t.events.row(++eventId, c, order ? "order_issued" : "referred", supervisors[unit], "bench-supervisor-"
                + (unit + 1), unitIds[unit], at);
        Instant received = at.plusSeconds(plan.openOrder() ? 60 : 30 + delay(180, 1.0));
        boolean inDay = !at.isBefore(dayStart) && at.isBefore(dayEnd);
        String kind = order ? "removal_order" : "referral";
        t.referrals.row(id, "B" + (unit + 1) + "-" + (order ? "ORD" : "REF") + "-" + id, kind, unitIds[unit],
                platformIds[platform], "en", supervisors[unit], at, received, "email", inDay ? actionDayId : null);
        Instant lastRemoval = null;
        boolean allRemoved = true;
        for (int item : chosen) {
            long ri = ++referralItemId;
            String url = url(platform, item);
            t.referralItems.row(ri, id, c, item + 1, platformIds[platform], kind, url, "{a,c}", entity,
                    "[synthetic] terrorist content, Art. 2(7)(a), (c)");
            Instant removed = answer(t, ri, order, plan.openOrder(), received);
            check(t, ri, url, received, removed);
            allRemoved &= removed != null;
            if (removed != null && (lastRemoval == null || removed.isAfter(lastRemoval))) {
                lastRemoval = removed;
            }
        }
        if (order) {
            t.orders.row(id, COUNTRIES[unit], "Platform " + (platform + 1) + " [synthetic]", "Legal Rep [synthetic]",
                    "tco@" + platformSlugs[platform] + ".example", at, 0, "Bench IRU " + (unit + 1),
                    "1 Bench Street [synthetic]", "iru@bench.example", supervisors[unit], "bench-supervisor-"
                    + (unit + 1), "duty officer [synthetic]", "Court [synthetic]", "six weeks", "appeal [synthetic]",
                    String.format("%064x", id), "c3ludGhldGlj", "bench-key", allRemoved ? lastRemoval : null);
        }
    }

    /**
     * The platform's answer: an order's items come down within the hour (the open orders' not yet); referrals: 78 %
     * removed (median 4 h after receipt), 8 % rejected, the rest unanswered; nothing after the dataset's end.
     * Returns when the item was removed by the platform's word, or null.
     */
    private Instant answer(Tables t, long referralItem, boolean order, boolean open, Instant received)
            throws IOException {
        if (open) {
            return null;
        }
        int r = random.nextInt(100);
        Instant acted;
        String answer;
        if (order) {
            acted = received.plusSeconds(300 + random.nextInt(2700));
            answer = "removed";
        } else if (r < 78) {
            acted = received.plusSeconds(delay(4 * 3600, 1.2));
            answer = random.nextInt(10) == 0 ? "access_disabled" : "removed";
        } else if (r < 86) {
            acted = received.plusSeconds(delay(10 * 3600, 1.0));
            answer = "rejected";
        } else {
            return null;
        }
        if (acted.isAfter(end)) {
            return null;
        }
        Instant recorded = acted.plusSeconds(random.nextInt(1800));
        t.answers.row(++answerId, referralItem, answer, answer.equals("rejected") ? "[synthetic] not against our terms"
                : "", acted, recorded.isAfter(end) ? end : recorded, order ? "api" : "portal");
        return answer.equals("rejected") ? null : acted;
    }

    /** One check a day after receipt: gone when removed before it, and for a third of the unanswered items. */
    private void check(Tables t, long referralItem, String url, Instant received, Instant removed) throws IOException {
        Instant at = received.plus(Duration.ofDays(1));
        if (at.isAfter(end)) {
            return;
        }
        boolean gone = removed != null ? removed.isBefore(at) : random.nextInt(3) == 0;
        t.checks.row(++checkId, referralItem, at, gone ? "gone" : "up", gone ? 404 : 200, url, 100 + random.nextInt(400));
    }

    /** Items of the platform collected in the 3 days before the case, not referred before (else the 30 days). */
    private int[] chooseItems(int platform, long caseCreated, int n) {
        int[] list = platformItems[platform];
        int hi = upper(list, caseCreated);
        int[] out = new int[n];
        int found = 0;
        for (long window : new long[] {3 * 86400, 30 * 86400, 120 * 86400}) {
            int lo = upper(list, caseCreated - window);
            for (int tries = 0; found < n && hi > lo && tries < 20 * n; tries++) {
                int item = list[lo + random.nextInt(hi - lo)];
                if (!referred.get(item)) {
                    referred.set(item);
                    out[found++] = item;
                }
            }
            if (found == n) {
                break;
            }
        }
        // a case at the very start of the period: any item of the platform not referred yet
        for (int tries = 0; found == 0 && tries < 100 * n; tries++) {
            int item = list[random.nextInt(list.length)];
            if (!referred.get(item)) {
                referred.set(item);
                out[found++] = item;
            }
        }
        if (found == 0) {
            throw new IllegalStateException("No item left to refer on platform " + (platform + 1)
                    + ": the scale is too small for the referrals");
        }
        return Arrays.copyOf(out, found);
    }

    /** The index of the first item of the list collected after {@code time}. */
    private int upper(int[] list, long time) {
        int lo = 0;
        int hi = list.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (itemTime[list[mid]] <= time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** A case of the items, assessed terrorist by the unit's analyst and approved by its supervisor. */
    private long decidedCase(Tables t, int unit, Instant created, long toAssess, long toApprove, String state,
                             String entity, int[] chosen) throws IOException {
        long c = openCase(t, unit, created, state, chosen);
        Instant assessed = created.plusSeconds(toAssess);
        long event = assessedEvent(t, c, unit, "assessed", assessed);
        t.assessments.row(++assessmentId, c, event, analysts[unit], "terrorist", "{a,c}", entity,
                1 + random.nextInt(4), CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)], "", "", true, assessed);
        Instant approved = assessed.plusSeconds(toApprove);
        t.approvals.row(++approvalId, assessmentId, supervisors[unit], "approved", approved);
        t.events.row(++eventId, c, "approved", supervisors[unit], "bench-supervisor-" + (unit + 1), unitIds[unit],
                approved);
        return c;
    }

    private long openCase(Tables t, int unit, Instant created, String state, int[] chosen) throws IOException {
        long c = ++caseId;
        t.cases.row(c, unitIds[unit], generalQueue, 50, "[synthetic] bench case " + c, state, created, created);
        for (int item : chosen) {
            t.caseItems.row(c, item + 1, created, created);
        }
        t.events.row(++eventId, c, "created", null, "system:reporting-dataset", null, created);
        return c;
    }

    private long assessedEvent(Tables t, long c, int unit, String kind, Instant at) throws IOException {
        t.events.row(++eventId, c, kind, analysts[unit], "bench-analyst-" + (unit + 1), unitIds[unit], at);
        return eventId;
    }

    /**
     * Cases not referred (15 % on top of the referred ones): waiting in the queue (the last three days), awaiting
     * approval, escalated, decided not actionable, approved and not yet referred.
     */
    private void otherCases(Tables t) throws IOException {
        int n = (int) Math.round(referrals * 0.15);
        for (int k = 0; k < n; k++) {
            int unit = pick(UNIT_SHARE);
            int r = random.nextInt(100);
            String state = r < 20 ? "new" : r < 24 ? "assessed" : r < 25 ? "escalated" : r < 80 ? "not_actionable"
                    : "approved";
            long back = switch (state) {
                case "new" -> random.nextInt(3 * 86400);
                case "assessed", "escalated" -> random.nextInt(86400) + 3 * 3600;
                default -> (long) (random.nextDouble() * (DAYS - 3) * 86400) + 86400;
            };
            Instant created = end.minusSeconds(back);
            int platform = pick(PLATFORM_SHARE);
            int[] list = platformItems[platform];
            int[] chosen = {list[Math.max(0, upper(list, created.getEpochSecond()) - 1 - random.nextInt(50))]};
            long toAssess = Math.min(back - 60, delay(6 * 3600, 1.0));
            switch (state) {
                case "new" -> openCase(t, unit, created, state, chosen);
                case "approved" -> decidedCase(t, unit, created, toAssess, Math.min(back - toAssess - 30,
                        delay(2 * 3600, 1.0)), state, ENTITIES[random.nextInt(ENTITIES.length)], chosen);
                default -> {
                    long c = openCase(t, unit, created, state, chosen);
                    Instant at = created.plusSeconds(toAssess);
                    boolean escalate = state.equals("escalated");
                    boolean terrorist = state.equals("assessed");
                    long event = assessedEvent(t, c, unit, escalate ? "escalated" : "assessed", at);
                    t.assessments.row(++assessmentId, c, event, analysts[unit],
                            escalate ? "escalate" : terrorist ? "terrorist" : "not_actionable",
                            terrorist ? "{a}" : "{}", terrorist ? ENTITIES[0] : "", terrorist ? 2 : null,
                            terrorist ? "video" : "", state.equals("not_actionable") ? "[synthetic] news report" : "",
                            escalate ? "[synthetic] is this an official outlet?" : "", terrorist, at);
                }
            }
        }
    }

    private static void summary(Handle h) {
        for (String sql : List.of("SELECT 'actors', count(*) FROM actors", "SELECT 'items', count(*) FROM items",
                "SELECT 'item_scores', count(*) FROM item_scores", "SELECT 'hits', count(*) FROM hits",
                "SELECT 'review_cases', count(*) FROM review_cases",
                "SELECT 'review_case_events', count(*) FROM review_case_events",
                "SELECT 'review_assessments', count(*) FROM review_assessments",
                "SELECT 'referrals', count(*) FROM referrals",
                "SELECT 'removal orders (open)', count(*) || ' (' || count(*) FILTER (WHERE settled_at IS NULL) || ')' "
                        + "FROM referral_orders",
                "SELECT 'referral_items', count(*) FROM referral_items",
                "SELECT 'answers removed', count(*) FROM referral_answers WHERE answer IN ('removed', 'access_disabled')",
                "SELECT 'answers rejected', count(*) FROM referral_answers WHERE answer = 'rejected'",
                "SELECT 'verify_checks', count(*) FROM verify_checks",
                "SELECT 'action day 1 items', count(*) FROM referral_items ri JOIN referrals r ON r.id = ri.referral_id "
                        + "WHERE r.action_day_id IS NOT NULL")) {
            h.createQuery(sql).map((rs, c) -> {
                System.out.printf("%-24s %s%n", rs.getString(1), rs.getString(2));
                return 0;
            }).list();
        }
    }
}
