package org.openiru.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openiru.app.OpenIru;
import org.openiru.audit.Actor;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.auth.Users;
import org.openiru.platform.PlatformInput;
import org.openiru.review.Assessment;
import org.openiru.review.Cases;
import org.openiru.review.Reviewer;
import org.openiru.testing.FreshDatabase;
import org.openiru.testing.TestApp;
import org.openiru.unit.Units;

/**
 * Each kind of edge from a small hand-made set of items [synthetic]: a forward, a reply in a chat, mentions
 * (@handle in any case, a bare t.me/handle; not an e-mail address, not a handle of another platform), outlinks
 * (to an ingested post, to a t.me post of a known handle, to a site actor's host), and content of a case posted
 * after its first poster; and the first posts, cases seeded and terrorist share of the ranking.
 */
@ExtendWith(FreshDatabase.class)
class EdgeBuilderTest {
    private static final Actor TEST = Actor.system("test");
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void everyKindOfEdgeComesFromTheItems(OpenIru app) {
        long telegram = TestApp.telegramPlatform(app);
        long web = app.platforms.create(TEST, new PlatformInput("web", "Web", "website", List.of("news.example"), "",
                "", "", List.of("en"), "", "")).id();
        long a = actor(app, telegram, "channel1", "alpha_chan", "channel");
        long b = actor(app, telegram, "channel2", "bravo_chan", "channel");
        long c = actor(app, telegram, "channel3", "charlie_chan", "channel");
        long site = actor(app, web, "site:news.example", "news.example", "site");
        long a1 = item(app, telegram, "https://t.me/alpha_chan/1", "cA", "1", a, null, null, 0, "[synthetic] release");
        item(app, telegram, "https://t.me/bravo_chan/1", "cB", "1", b, a, null, 1, "[synthetic] forwarded");
        item(app, telegram, "tg-private://cA/2", "cA", "2", b, null, "1", 2, "[synthetic] a reply in alpha's chat");
        item(app, telegram, "https://t.me/charlie_chan/1", "cC", "1", c, null, null, 3,
                "[synthetic] join @Bravo_Chan and t.me/alpha_chan now");
        item(app, telegram, "https://t.me/charlie_chan/2", "cC", "2", c, null, null, 4,
                "[synthetic] write to info@alpha_chan, not a mention");
        long c3 = item(app, telegram, "https://t.me/charlie_chan/3", "cC", "3", c, null, null, 5, "[synthetic] links");
        outlink(app, c3, "https://t.me/bravo_chan/7", "t.me");
        outlink(app, c3, "https://t.me/alpha_chan/1", "t.me");
        outlink(app, c3, "https://news.example/story", "news.example");
        item(app, web, "https://news.example/story", null, null, site, null, null, 6,
                "[synthetic] a site naming @bravo_chan of another platform");
        long b3 = item(app, telegram, "https://t.me/bravo_chan/3", "cB", "3", b, null, null, 7, "[synthetic] copy");
        long c4 = item(app, telegram, "https://t.me/charlie_chan/4", "cC", "4", c, null, null, 8, "[synthetic] copy");
        long c5 = item(app, telegram, "https://t.me/charlie_chan/5", "cC", "5", c, null, null, 9, "[synthetic] alone");
        long unit = app.units.create(TEST, new Units.Input("edge-unit", "Edge unit", "NL", "")).id();
        long spread = app.review.cases.openFor(TEST, unit, new Cases.NewCase(List.of(a1, b3, c4), null, 50,
                "[synthetic] spread", false));
        app.review.cases.openFor(TEST, unit, new Cases.NewCase(List.of(c5), null, 50, "[synthetic] alone", false));
        User analyst = app.users.create(TEST, new Users.NewUser(unit, "edge-analyst", "Analyst", "",
                EnumSet.of(Role.ANALYST), null, "en", TestApp.PASSWORD));
        app.review.cases.assess(new Reviewer(analyst, "test"), spread, new Assessment(Assessment.TERRORIST,
                List.of("a"), "Fictional Group [synthetic]", 2, "text", null, null, "[synthetic]"));

        app.network.rebuild(TEST);

        List<String> edges = app.db.jdbi().withHandle(h -> h.createQuery("""
                SELECT s.handle || ' ' || e.kind || ' ' || t.handle || ' ' || e.weight
                FROM network_edges e JOIN actors s ON s.id = e.source_actor_id JOIN actors t ON t.id = e.target_actor_id
                ORDER BY 1""").mapTo(String.class).list());
        assertThat(edges).containsExactly(
                "bravo_chan forward alpha_chan 1",
                "bravo_chan reply alpha_chan 1",
                "bravo_chan shared alpha_chan 1",
                "charlie_chan mention alpha_chan 1",
                "charlie_chan mention bravo_chan 1",
                "charlie_chan outlink alpha_chan 1",
                "charlie_chan outlink bravo_chan 1",
                "charlie_chan outlink news.example 1",
                "charlie_chan shared alpha_chan 1");
        NetworkQueries.Ranked alpha = app.network.queries.rank(a).orElseThrow();
        assertThat(alpha.rank()).isEqualTo(1);
        assertThat(alpha.firstPosts()).isEqualTo(1);
        assertThat(alpha.casesSeeded()).isEqualTo(1);
        assertThat(alpha.terroristShare()).isEqualTo(1.0);
        NetworkQueries.Ranked charlie = app.network.queries.rank(c).orElseThrow();
        assertThat(charlie.casesSeeded()).isZero();
        assertThat(charlie.terroristShare()).isEqualTo(1.0);
        assertThat(app.network.queries.rank(site).orElseThrow().terroristShare()).isNull();
        Instant forwardAt = app.db.jdbi().withHandle(h -> h.createQuery("SELECT first_at FROM network_edges "
                + "WHERE kind = 'forward'").mapTo(Instant.class).one());
        assertThat(forwardAt).isEqualTo(T0.plusSeconds(3600));
    }

    private static long actor(OpenIru app, long platform, String externalId, String handle, String kind) {
        return app.db.jdbi().withHandle(h -> h.createQuery("INSERT INTO actors (platform_id, external_id, handle, "
                        + "display_name, kind) VALUES (?, ?, ?, ?, ?) RETURNING id")
                .bind(0, platform).bind(1, externalId).bind(2, handle).bind(3, handle + " [synthetic]").bind(4, kind)
                .mapTo(Long.class).one());
    }

    private static long item(OpenIru app, long platform, String url, String container, String externalId, long actor,
                             Long forwardedFrom, String replyTo, int hour, String text) {
        return app.db.jdbi().inTransaction(h -> {
            long id = h.createQuery("INSERT INTO items (platform_id, canonical_url, external_container, external_id, "
                            + "actor_id, forwarded_from_actor_id, reply_to, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                            + "RETURNING id").bind(0, platform).bind(1, url).bind(2, container).bind(3, externalId)
                    .bind(4, actor).bind(5, forwardedFrom).bind(6, replyTo).bind(7, T0.plusSeconds(3600L * hour))
                    .mapTo(Long.class).one();
            h.createUpdate("INSERT INTO item_versions (item_id, version, text, text_sha256, raw, source_id) "
                            + "VALUES (?, 1, ?, sha256(convert_to(?, 'UTF8')), CAST('{}' AS json), 0)")
                    .bind(0, id).bind(1, text).bind(2, text).execute();
            return id;
        });
    }

    private static void outlink(OpenIru app, long item, String url, String host) {
        app.db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO outlinks (item_id, url, host) VALUES (?, ?, ?)")
                .bind(0, item).bind(1, url).bind(2, host).execute());
    }
}
