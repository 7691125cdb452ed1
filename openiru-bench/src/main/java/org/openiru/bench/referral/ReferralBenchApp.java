package org.openiru.bench.referral;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import org.openiru.app.OpenIru;
import org.openiru.app.OpenIruConfig;
import org.openiru.audit.Actor;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.auth.Users;
import org.openiru.bench.ProcessCpu;
import org.openiru.detect.ScoreStep;
import org.openiru.ingest.ActorRef;
import org.openiru.ingest.IncomingItem;
import org.openiru.ingest.IngestRun;
import org.openiru.ingest.RawRecords;
import org.openiru.platform.Platform;
import org.openiru.platform.PlatformInput;
import org.openiru.platform.WebhookSecrets;
import org.openiru.review.Assessment;
import org.openiru.review.Cases;
import org.openiru.review.Reviewer;
import org.openiru.unit.Unit;
import org.openiru.unit.Units;

/**
 * The application side of {@link ReferralLoadTool}, run as a child process with the tool's SMTP and webhook
 * settings in its environment. {@code setup ITEMS PLATFORMS WEBHOOK_BASE SECRETS_FILE}: platforms, synthetic
 * items and approved cases through the application's services. {@code run}: starts the workers, builds the
 * referrals and waits until the outbox is empty, printing {@code BUILD-START <epoch ms>}, {@code BUILT …},
 * {@code CPU …} and {@code DONE} for the tool.
 */
public final class ReferralBenchApp {
    static final Actor BENCH = Actor.system("referral-bench");
    /** The review desk takes at most this many items per case. */
    private static final int CASE_ITEMS = Cases.MAX_ITEMS;

    private ReferralBenchApp() {
    }

    public static void main(String[] args) throws Exception {
        OpenIruConfig config = OpenIruConfig.load();
        try (OpenIru app = OpenIru.open(config)) {
            if (args[0].equals("setup")) {
                setup(app, Integer.parseInt(args[1]), Integer.parseInt(args[2]), args[3], Path.of(args[4]));
            } else {
                run(app);
            }
        }
    }

    static String url(int platform, int item) {
        return "https://p" + platform + ".bench.example/post/" + item;
    }

    private static void setup(OpenIru app, int items, int platforms, String webhookBase, Path secretsFile)
            throws IOException, InterruptedException {
        Unit unit = app.units.create(BENCH, new Units.Input("bench-unit", "Bench unit", "NL", ""));
        Reviewer analyst = new Reviewer(person(app, unit, "bench-analyst", Role.ANALYST), "bench");
        Reviewer supervisor = new Reviewer(person(app, unit, "bench-supervisor", Role.SUPERVISOR), "bench");
        WebhookSecrets secrets = new WebhookSecrets(app.db.jdbi(), app.audit);
        Properties secretOf = new Properties();
        long[] ids = new long[platforms];
        for (int p = 0; p < platforms; p++) {
            String slug = "p" + p;
            ids[p] = app.platforms.create(BENCH, new PlatformInput(slug, "Platform " + p + " [synthetic]", "messaging",
                    List.of(slug + ".bench.example"), "abuse@" + slug + ".bench.example", webhookBase + "/hook/" + slug,
                    "", List.of("en"), "", "")).id();
            secretOf.setProperty("/hook/" + slug, secrets.rotate(BENCH, ids[p]));
        }
        try (Writer w = Files.newBufferedWriter(secretsFile, StandardCharsets.UTF_8)) {
            secretOf.store(w, "webhook path = secret");
        }
        try (IngestRun run = app.ingest.begin(BENCH, "api", "referral bench [synthetic]", "")) {
            for (int i = 0; i < items; i++) {
                int p = i % platforms;
                ActorRef actor = new ActorRef(ids[p], "bench-" + p, "bench" + p, "Bench " + p, "channel");
                run.add(new IncomingItem(url(p, i), ids[p], actor, String.valueOf(i), actor, null, null, Instant.now(),
                        null, "[synthetic] bench post " + i, RawRecords.json(JsonNodeFactory.instance.objectNode()),
                        List::of, List.of()));
            }
            run.finish(null);
        }
        for (int p = 0; p < platforms; p++) {
            long platform = ids[p];
            List<Long> itemIds = app.db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT id FROM items WHERE platform_id = :p ORDER BY id").bind("p", platform).mapTo(Long.class).list());
            for (int from = 0; from < itemIds.size(); from += CASE_ITEMS) {
                long c = app.review.cases.openFor(BENCH, unit.id(), new Cases.NewCase(
                        itemIds.subList(from, Math.min(itemIds.size(), from + CASE_ITEMS)), null, null,
                        "[synthetic] bench case", false));
                app.review.cases.assess(analyst, c, new Assessment("terrorist", List.of("a", "c"),
                        "Synthetic Group", 3, "video", null, null, null));
                app.review.cases.approve(supervisor, c, "");
            }
        }
        // Detection scores the new items in the background; let it finish here so it does not run during the
        // measured delivery.
        app.startWorkers();
        while (app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM jobs WHERE queue = :q AND state IN ('ready', 'running')")
                .bind("q", ScoreStep.QUEUE).mapTo(Long.class).one()) > 0) {
            Thread.sleep(500);
        }
        long approved = app.db.jdbi().withHandle(h -> h.createQuery("""
                SELECT count(*) FROM review_case_items ci JOIN review_cases c ON c.id = ci.case_id
                WHERE c.state = 'approved'""").mapTo(Long.class).one());
        System.out.println("SETUP " + approved + " approved items on " + platforms + " platforms");
    }

    private static User person(OpenIru app, Unit unit, String name, Role role) {
        return app.users.create(BENCH, new Users.NewUser(unit.id(), name, name, "", EnumSet.of(role), null, "en",
                "bench-password-2026"));
    }

    private static void run(OpenIru app) throws InterruptedException, IOException {
        ProcessCpu cpu = new ProcessCpu(app.config.dataDir());
        app.startWorkers();
        System.out.println("BUILD-START " + System.currentTimeMillis());
        long t = System.nanoTime();
        int referrals = buildReferrals(app);
        System.out.printf("BUILT %d referrals in %.2f s%n", referrals, (System.nanoTime() - t) / 1e9);
        while (app.db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM deliveries WHERE status = 'pending'")
                .mapTo(Long.class).one()) > 0) {
            Thread.sleep(100);
        }
        System.out.println("CPU " + cpu.since());
        System.out.println("DONE");
    }

    /**
     * The referral-building step: the referral feature's own "refer all approved cases" for the bench unit, as a
     * supervisor would start it from the "Ready to refer" page (grouped per platform, split above 1,000 items, with
     * the outbox rows in the same transaction).
     */
    static int buildReferrals(OpenIru app) {
        User supervisor = app.users.findByUsername("bench-supervisor").orElseThrow();
        Actor who = new Actor(supervisor.id(), supervisor.username(), supervisor.unitId(), "referral-bench");
        return app.referral.referrals.referApproved(who, supervisor.unitId(), null).referrals().size();
    }
}
