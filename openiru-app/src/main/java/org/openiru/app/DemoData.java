package org.openiru.app;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openiru.audit.Actor;
import org.openiru.auth.Role;
import org.openiru.auth.Users;
import org.openiru.ingest.IngestRun;
import org.openiru.network.SyntheticNetwork;
import org.openiru.platform.PlatformInput;
import org.openiru.unit.Unit;
import org.openiru.unit.Units;

/**
 * Synthetic demo data: two units, the common platforms (with made-up contact addresses under
 * {@code .example}), one login per role, and a review desk with a few cases ({@link DemoCases}). Seeding
 * twice changes nothing.
 */
public final class DemoData {
    public static final String PASSWORD = "demo-password-2026";
    private static final Actor SEEDER = Actor.system("demo-data");

    private DemoData() {
    }

    /** One demo login, as printed at start. */
    public record Login(String username, String role) {
    }

    public static List<Login> seed(OpenIru app) {
        Unit a = app.units.findBySlug("demo-iru-nl").orElseGet(() -> app.units.create(SEEDER,
                new Units.Input("demo-iru-nl", "Demo Referral Unit (NL) — synthetic", "NL", "iru@nl-unit.example")));
        Unit b = app.units.findBySlug("demo-iru-de").orElseGet(() -> app.units.create(SEEDER,
                new Units.Input("demo-iru-de", "Demo Referral Unit (DE) — synthetic", "DE", "iru@de-unit.example")));
        platform(app, "telegram", "Telegram", "messaging", List.of("t.me", "telegram.me", "telegram.org"),
                List.of("en", "ar"), "");
        platform(app, "x-twitter", "X / Twitter", "social_network", List.of("x.com", "twitter.com"),
                List.of("en", "ar"), "IE");
        platform(app, "youtube", "YouTube", "video_sharing", List.of("youtube.com", "youtu.be"), List.of("en", "ar"),
                "IE");
        platform(app, "facebook", "Facebook", "social_network", List.of("facebook.com", "fb.com"),
                List.of("en", "ar"), "IE");
        platform(app, "instagram", "Instagram", "social_network", List.of("instagram.com"), List.of("en", "ar"), "IE");
        platform(app, "tiktok", "TikTok", "video_sharing", List.of("tiktok.com"), List.of("en"), "IE");
        platform(app, "internet-archive", "Internet Archive", "web_archive", List.of("archive.org"), List.of("en"),
                "");
        platform(app, "justpaste-it", "JustPaste.it", "paste_site", List.of("justpaste.it"), List.of("en"), "PL");
        platform(app, "google-drive", "Google Drive", "file_hosting", List.of("drive.google.com"), List.of("en"), "IE");

        List<Login> logins = new ArrayList<>();
        user(app, logins, "admin", "Demo Administrator", a.id(), EnumSet.of(Role.ADMIN), null);
        user(app, logins, "supervisor", "Demo Supervisor", a.id(), EnumSet.of(Role.SUPERVISOR, Role.ANALYST), null);
        user(app, logins, "analyst", "Demo Analyst", a.id(), EnumSet.of(Role.ANALYST), null);
        user(app, logins, "analyst-de", "Demo Analyst (DE)", b.id(), EnumSet.of(Role.ANALYST), null);
        user(app, logins, "triage", "Demo Triage", a.id(), EnumSet.of(Role.TRIAGE), null);
        user(app, logins, "auditor", "Demo Auditor", a.id(), EnumSet.of(Role.AUDITOR), null);
        long telegram = app.platforms.findBySlug("telegram").orElseThrow().id();
        user(app, logins, "telegram", "Demo Telegram staff", a.id(), EnumSet.of(Role.PLATFORM), telegram);
        DemoCases.seed(app, a, b);
        demoNetwork(app, telegram);
        return logins;
    }

    /** A small synthetic distributor network with three planted hubs, ranked, so that /network shows something. */
    private static void demoNetwork(OpenIru app, long telegram) {
        boolean seeded = app.db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM items WHERE "
                + "canonical_url LIKE 'https://t.me/synthetic!_%' ESCAPE '!'").mapTo(Long.class).one()) > 0;
        if (seeded) {
            return;
        }
        try (IngestRun run = app.ingest.begin(SEEDER, "api", "Demo distributor network [synthetic]", "")) {
            new SyntheticNetwork(40, 3, 2026).ingest(run, telegram, 3, Instant.now().minus(Duration.ofDays(7)));
            run.finish(null);
        } catch (Exception e) {
            throw new IllegalStateException("seeding the demo network failed: " + e.getMessage(), e);
        }
        app.network.rebuild(SEEDER);
    }

    private static void platform(OpenIru app, String slug, String name, String kind, List<String> domains,
                                 List<String> languages, String mainEstablishment) {
        if (app.platforms.findBySlug(slug).isPresent()) {
            return;
        }
        app.platforms.create(SEEDER, new PlatformInput(slug, name, kind, domains, "referrals@" + slug + ".example",
                "", "tco-contact@" + slug + ".example", languages, "Legal representative (synthetic)",
                mainEstablishment));
    }

    private static void user(OpenIru app, List<Login> logins, String username, String name, long unitId,
                             Set<Role> roles, Long platformId) {
        if (app.users.findByUsername(username).isEmpty()) {
            app.users.create(SEEDER, new Users.NewUser(unitId, username, name, username + "@demo.example", roles,
                    platformId, "en", PASSWORD));
        }
        logins.add(new Login(username, String.join("+", roles.stream().map(Role::id).sorted().toList())));
    }
}
