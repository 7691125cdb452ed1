package org.openiru.detect.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openiru.app.OpenIru;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.auth.Users;
import org.openiru.detect.routing.Router;
import org.openiru.detect.routing.RoutingRule;
import org.openiru.hashing.banks.SignalType;
import org.openiru.review.Assessment;
import org.openiru.review.Reviewer;
import org.openiru.signals.BankInput;
import org.openiru.signals.NewEntry;
import org.openiru.testing.FreshDatabase;
import org.openiru.verify.RemovalFixture;

/** Clustering and routing against a real database, with items scored by the real detector. */
@ExtendWith(FreshDatabase.class)
class CaseClusteringTest {
    /** Propaganda-marked (an outlet, a self-designation) around neutral filler: 44 words, scores high. */
    static final String POST = "[synthetic] New release from Amaq News Agency: the soldiers of the caliphate "
            + "announce a statement. [synthetic filler] the weather in the old city is mild today and the market "
            + "opens at nine in the morning with fresh bread and fruit and tea for every family in the quarter and "
            + "the buses run on time";
    /** Another propaganda-marked text, no copy of {@link #POST} (each test has content of its own). */
    static final String OTHER_POST = "[synthetic] Rumiyah magazine: a new issue from the soldiers of the caliphate. "
            + "[synthetic filler] the swimming pool is open from six in the morning and the lifeguards change shifts "
            + "at noon while the children learn to swim in the shallow end with their teachers and parents";
    static final String ENGLISH_POST = "[synthetic] New statement from Amaq News Agency for the soldiers of the "
            + "caliphate. [synthetic filler] the bakery on the corner sells bread and sweet pastries every morning and "
            + "closes early on holidays when the owner visits his family in the mountains with his children";
    static final String ARABIC_POST = "[synthetic] إصدار جديد من وكالة أعماق الإخبارية: جنود الخلافة يعلنون بيانا. "
            + "[synthetic filler] الطقس معتدل اليوم في المدينة القديمة والسوق يفتح في التاسعة صباحا";

    @Test
    void copiesBySha256PdqAndNearTextJoinOneCaseAcrossPlatformsAndActors(OpenIru app) throws Exception {
        RemovalFixture a = new RemovalFixture(app, "clu-a");
        RemovalFixture b = new RemovalFixture(app, "clu-b");
        String picture = a.picture(11, 0);
        long first = a.item(a.actor("a-1", "first_channel"), POST, picture, null);
        long sameFile = b.item(b.actor("b-1", "relay_one"), "[synthetic] look", picture, null);
        long nearPicture = b.item(b.actor("b-2", "relay_two"), "[synthetic] see", b.picture(11, 12), null);
        long nearText = a.item(a.actor("a-2", "second_channel"), POST.replace("nine", "ten"), null, null);
        long unrelated = b.item(b.actor("b-3", "weather"), "[synthetic] a weather report for the coast with rain in "
                + "the morning and sun in the afternoon and a light wind from the west over the whole region today",
                b.picture(99, 0), null);
        List<Long> all = List.of(first, sameFile, nearPicture, nearText, unrelated);
        app.detect.scores.score(all);

        assertThat(app.detectCases.clustering.cluster(List.of(first)))
                .extracting(CaseClustering.Result::outcome).containsExactly("opened");
        Map<Long, CaseClustering.Result> r = byItem(app.detectCases.clustering.cluster(all));

        long caseId = r.get(first).caseId();
        assertThat(r.get(sameFile).outcome()).isEqualTo("joined");
        assertThat(r.get(nearPicture).outcome()).isEqualTo("joined");
        assertThat(r.get(nearText).outcome()).isEqualTo("joined");
        assertThat(List.of(r.get(sameFile).caseId(), r.get(nearPicture).caseId(), r.get(nearText).caseId()))
                .containsOnly(caseId);
        assertThat(r.get(unrelated).outcome()).isEqualTo("not_opened");
        assertThat(r.get(unrelated).caseId()).isNull();
        List<Long> members = app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT item_id FROM review_case_items WHERE case_id = ? ORDER BY item_id").bind(0, caseId)
                .mapTo(Long.class).list());
        assertThat(members).containsExactly(first, sameFile, nearPicture, nearText);
        long platforms = app.db.jdbi().withHandle(h -> h.createQuery("""
                SELECT count(DISTINCT i.platform_id) FROM review_case_items ci JOIN items i ON i.id = ci.item_id
                WHERE ci.case_id = ?""").bind(0, caseId).mapTo(Long.class).one());
        assertThat(platforms).isEqualTo(2);

        Map<Long, CaseViews.Way> ways = app.detectCases.views.of(caseId).ways().stream()
                .collect(Collectors.toMap(CaseViews.Way::itemId, w -> w));
        assertThat(ways.get(sameFile).how()).isEqualTo("sha256");
        assertThat(ways.get(sameFile).distance()).isZero();
        assertThat(ways.get(nearPicture).how()).isEqualTo("pdq");
        // a brighter copy is another file (another SHA-256) with the same or a near PDQ
        assertThat(ways.get(nearPicture).distance()).isBetween(0, CaseClustering.PDQ_DISTANCE);
        assertThat(ways.get(nearText).how()).isEqualTo("text");
        assertThat(ways.get(nearText).distance()).isBetween(1, 6);
        assertThat(ways.get(first).outcome()).isEqualTo("opened");

        // clustering again changes nothing: no new case, no second "item added"
        long events = count(app, "SELECT count(*) FROM review_case_events");
        long cases = count(app, "SELECT count(*) FROM review_cases");
        assertThat(app.detectCases.clustering.cluster(all)).extracting(CaseClustering.Result::caseId)
                .containsExactly(caseId, caseId, caseId, caseId, null);
        assertThat(count(app, "SELECT count(*) FROM review_case_events")).isEqualTo(events);
        assertThat(count(app, "SELECT count(*) FROM review_cases")).isEqualTo(cases);

        // a new process (an empty index) reads the keys back from the table and finds the same case
        CaseClustering fresh = new CaseClustering(app.db.jdbi(), app.review.cases, app.audit);
        long later = b.item(b.actor("b-4", "relay_four"), "[synthetic] again", picture, null);
        app.detect.scores.score(List.of(later));
        assertThat(fresh.cluster(List.of(later))).containsExactly(new CaseClustering.Result(later, "joined", caseId));
    }

    @Test
    void aCopyOfADecidedCaseOpensItsOwnCaseWithTheDecisionAsASuggestionNeverAReferral(OpenIru app) throws Exception {
        RemovalFixture f = new RemovalFixture(app, "clu-d");
        String picture = f.picture(21, 0);
        long original = f.item(f.actor("d-1", "origin"), OTHER_POST, picture, null);
        app.detect.scores.score(List.of(original));
        long decided = app.detectCases.clustering.cluster(List.of(original)).get(0).caseId();
        User analyst = user(app, f, "clu-analyst", Role.ANALYST);
        User supervisor = user(app, f, "clu-supervisor", Role.SUPERVISOR);
        app.review.cases.assess(new Reviewer(analyst, "t"), decided, new Assessment("terrorist", List.of("a"),
                "Synthetic Front", 3, "image", null, null, null));
        app.review.cases.approve(new Reviewer(supervisor, "t"), decided, "");

        long copy = f.item(f.actor("d-2", "copier"), "[synthetic] short", picture, null);
        app.detect.scores.score(List.of(copy));
        CaseClustering.Result r = app.detectCases.clustering.cluster(List.of(copy)).get(0);

        assertThat(r.outcome()).isEqualTo("copy_of_decided");
        assertThat(r.caseId()).isNotEqualTo(decided);
        String state = app.db.jdbi().withHandle(h -> h.createQuery("SELECT state FROM review_cases WHERE id = ?")
                .bind(0, r.caseId()).mapTo(String.class).one());
        assertThat(state).isEqualTo("new");
        assertThat(count(app, "SELECT count(*) FROM review_case_items WHERE case_id = " + decided)).isEqualTo(1);
        CaseViews.CaseView v = app.detectCases.views.of(r.caseId());
        assertThat(v.suggestions()).singleElement().satisfies(s -> {
            assertThat(s.caseId()).isEqualTo(decided);
            assertThat(s.state()).isEqualTo("approved");
            assertThat(s.outcome()).isEqualTo("terrorist");
            assertThat(s.entity()).isEqualTo("Synthetic Front");
        });
        assertThat(v.routing().openedBecause()).isEqualTo("copy_of_decided");
        // a further copy joins the new open case, not the decided one
        long third = f.item(f.actor("d-3", "third"), "[synthetic] once more", picture, null);
        app.detect.scores.score(List.of(third));
        assertThat(app.detectCases.clustering.cluster(List.of(third)))
                .containsExactly(new CaseClustering.Result(third, "joined", r.caseId()));
    }

    @Test
    void rulesRouteInOrderFirstMatchWinsAndTheCaseSaysWhy(OpenIru app) throws Exception {
        RemovalFixture f = new RemovalFixture(app, "clu-r");
        String banked = f.picture(31, 0);
        long bank = app.signals.banks.create(RemovalFixture.SYSTEM, new BankInput("SYNTHETIC_ROUTING", "", "known",
                null, true, "local", "")).id();
        app.signals.banks.addEntries(RemovalFixture.SYSTEM, bank, List.of(NewEntry.of(SignalType.SHA256, banked)),
                "test");
        f.hash(banked);
        long hashed = f.item(f.actor("r-1", "banked"), "[synthetic] hello", banked, null);
        long arabic = f.item(f.actor("r-2", "arabic"), ARABIC_POST, null, null);
        long english = f.item(f.actor("r-3", "english"), ENGLISH_POST, null, null);
        List<Long> ids = List.of(hashed, arabic, english);
        app.detect.scores.score(ids);

        Map<Long, CaseClustering.Result> r = byItem(app.detectCases.clustering.cluster(ids));

        assertThat(queueOf(app, r.get(hashed).caseId())).isEqualTo("hash-matches");
        assertThat(queueOf(app, r.get(arabic).caseId())).isEqualTo("arabic-new");
        assertThat(queueOf(app, r.get(english).caseId())).isEqualTo("english");
        CaseViews.Routing why = app.detectCases.views.of(r.get(hashed).caseId()).routing();
        assertThat(why.ruleName()).isEqualTo("Hash matches — verify");
        assertThat(why.rulePosition()).isEqualTo(1);
        assertThat(why.openedBecause()).isEqualTo("hash_match");
        assertThat(why.conditions()).extracting(c -> c.field() + "=" + c.actual())
                .containsExactly("reason=signal.hash_match");
        assertThat(app.detectCases.views.of(r.get(arabic).caseId()).routing().conditions())
                .extracting(c -> c.field() + "=" + c.actual()).containsExactly("language=ar");

        // a rule for the platform moved to the top wins over the language rules; disabled, it is skipped
        RoutingRule platformRule = app.detectCases.rules.add(RemovalFixture.SYSTEM, new RoutingRule.Input(
                "[synthetic] platform clu-r", "video", null, 50, null, null, f.platform, null, null, null, null,
                true));
        for (int i = 0; i < 5; i++) {
            app.detectCases.rules.move(RemovalFixture.SYSTEM, platformRule.id(), true);
        }
        assertThat(app.detectCases.rules.list().get(0).id()).isEqualTo(platformRule.id());
        long second = f.item(f.actor("r-4", "english2"), ENGLISH_POST.replace("sweet", "fresh"), null, null);
        long other = f.item(f.actor("r-5", "english3"), "[synthetic] Al-Hayat Media Center presents a statement of "
                + "the soldiers of the caliphate. [synthetic filler] the train to the coast leaves at eight and returns "
                + "at six with a stop at the old harbour where the fishermen sell their catch", null, null);
        app.detect.scores.score(List.of(second, other));
        // second is a near copy of english: it joins that case whatever the rules say
        assertThat(app.detectCases.clustering.cluster(List.of(second)).get(0).caseId())
                .isEqualTo(r.get(english).caseId());
        long otherCase = app.detectCases.clustering.cluster(List.of(other)).get(0).caseId();
        assertThat(queueOf(app, otherCase)).isEqualTo("video");
        assertThat(app.detectCases.views.of(otherCase).routing().conditions()).extracting(Router.Condition::field)
                .containsExactly("min_priority", "platform");
        app.detectCases.rules.setEnabled(RemovalFixture.SYSTEM, platformRule.id(), false);
        long third = f.item(f.actor("r-6", "english4"), "[synthetic] Dabiq magazine: a statement of the Islamic "
                + "State soldiers of the caliphate. [synthetic filler] opening hours of the library are nine to five "
                + "on weekdays and the reading room is closed on Friday for cleaning and repairs", null, null);
        app.detect.scores.score(List.of(third));
        long thirdCase = app.detectCases.clustering.cluster(List.of(third)).get(0).caseId();
        assertThat(queueOf(app, thirdCase)).isEqualTo("english");
    }

    private static Map<Long, CaseClustering.Result> byItem(List<CaseClustering.Result> results) {
        return results.stream().collect(Collectors.toMap(CaseClustering.Result::itemId, x -> x));
    }

    private static String queueOf(OpenIru app, long caseId) {
        return app.db.jdbi().withHandle(h -> h.createQuery("""
                SELECT q.name FROM review_cases c JOIN review_queues q ON q.id = c.queue_id WHERE c.id = ?""")
                .bind(0, caseId).mapTo(String.class).one());
    }

    private static long count(OpenIru app, String sql) {
        return app.db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static User user(OpenIru app, RemovalFixture f, String name, Role role) {
        return app.users.create(RemovalFixture.SYSTEM, new Users.NewUser(f.unit.id(), name, name, "",
                java.util.EnumSet.of(role), null, "en", "test-password-123"));
    }
}
