package org.openiru.detect.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openiru.auth.Role;
import org.openiru.auth.Users;
import org.openiru.testing.Html;
import org.openiru.testing.TestApp;
import org.openiru.verify.RemovalFixture;

/**
 * The routing rules page over real HTTP (supervisors edit, every change audited, CSRF, hostile names escaped) and
 * the case page's explanation, in English and Arabic, of a case the pipeline opened after scoring.
 */
class RoutingHttpTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static TestApp t;

    @BeforeAll
    static void start() {
        t = TestApp.start();
        t.app.startWorkers();
        t.user("route-sup", Role.SUPERVISOR);
        t.user("route-analyst", Role.ANALYST);
        t.app.users.create(RemovalFixture.SYSTEM, new Users.NewUser(t.unit.id(), "route-ar", "route-ar", "",
                EnumSet.of(Role.ANALYST), null, "ar", TestApp.PASSWORD));
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void aSupervisorAddsMovesAndDisablesRulesEachChangeAuditedAndNamesEscaped() throws Exception {
        HttpClient c = TestApp.browserlessClient();
        String csrf = t.login(c, "route-sup");
        String page = t.get(c, "/detect/routing").body();
        assertThat(page.split("data-testid=\"rule\"", -1)).hasSize(6);
        assertThat(page).contains("Hash matches — verify", "Likely journalism — sample", "one case in 10");

        HttpResponse<String> added = t.send(c, "POST", "/detect/routing/rules", Html.form("_csrf", csrf,
                "name", "[synthetic] <script>alert(1)</script> tme", "queue", "video", "sourceKind", "tme",
                "minPriority", "40", "sampleEvery", "1", "enabled", "on"), FORM);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        RoutingRule rule = t.app.detectCases.rules.list().get(5);
        assertThat(rule.name()).contains("<script>");
        assertThat(rule.sourceKind()).isEqualTo("tme");
        assertThat(rule.position()).isEqualTo(6);
        page = t.get(c, "/detect/routing").body();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");

        assertThat(t.send(c, "POST", "/detect/routing/rules/" + rule.id() + "/move", Html.form("_csrf", csrf,
                "direction", "up"), FORM).statusCode()).isEqualTo(302);
        assertThat(t.app.detectCases.rules.find(rule.id()).position()).isEqualTo(5);
        assertThat(t.app.detectCases.rules.list().get(5).name()).isEqualTo("English");
        assertThat(t.send(c, "POST", "/detect/routing/rules/" + rule.id() + "/enabled", Html.form("_csrf", csrf,
                "enabled", "false"), FORM).statusCode()).isEqualTo(302);
        assertThat(t.app.detectCases.rules.find(rule.id()).enabled()).isFalse();
        assertThat(t.send(c, "POST", "/detect/routing/rules/" + rule.id(), Html.form("_csrf", csrf,
                "name", "[synthetic] telegram pages", "queue", "video", "sourceKind", "tme", "sampleEvery", "3"),
                FORM).statusCode()).isEqualTo(302);
        assertThat(t.app.detectCases.rules.find(rule.id()).sampleEvery()).isEqualTo(3);

        List<String> actions = t.app.db.jdbi().withHandle(h -> h.createQuery("""
                SELECT action FROM audit_events WHERE subject_type = 'routing_rule' AND subject_id = ?
                  AND actor_name = 'route-sup' ORDER BY seq""").bind(0, String.valueOf(rule.id()))
                .mapTo(String.class).list());
        assertThat(actions).containsExactly("detect.routing.rule_added", "detect.routing.rule_moved",
                "detect.routing.rule_disabled", "detect.routing.rule_changed");

        // bad input: refused with the field named, nothing changed
        HttpResponse<String> bad = t.send(c, "POST", "/detect/routing/rules/" + rule.id(), Html.form("_csrf", csrf,
                "name", "x", "queue", "video", "minPriority", "90", "maxPriority", "10"), FORM);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("data-testid=\"rule-error\"", "maxPriority must not be below minPriority");
        HttpResponse<String> noQueue = t.send(c, "POST", "/detect/routing/rules", Html.form("_csrf", csrf,
                "name", "x", "queue", "nowhere"), FORM);
        assertThat(noQueue.statusCode()).isEqualTo(400);
        assertThat(noQueue.body()).contains("No queue named nowhere");
        assertThat(t.app.detectCases.rules.list()).hasSize(6);
    }

    @Test
    void onlySupervisorsEditAndEveryFormNeedsItsCsrfToken() throws Exception {
        HttpClient analyst = TestApp.browserlessClient();
        String csrf = t.login(analyst, "route-analyst");
        assertThat(t.get(analyst, "/detect/routing").statusCode()).isEqualTo(200);
        assertThat(t.get(analyst, "/detect/routing").body()).doesNotContain("data-testid=\"rule-form\"");
        long first = t.app.detectCases.rules.list().get(0).id();
        assertThat(t.send(analyst, "POST", "/detect/routing/rules/" + first + "/enabled", Html.form("_csrf", csrf,
                "enabled", "false"), FORM).statusCode()).isEqualTo(403);
        HttpClient supervisor = TestApp.browserlessClient();
        t.login(supervisor, "route-sup");
        assertThat(t.send(supervisor, "POST", "/detect/routing/rules/" + first + "/enabled", Html.form(
                "enabled", "false"), FORM).statusCode()).isEqualTo(403);
        assertThat(t.app.detectCases.rules.find(first).enabled()).isTrue();
        assertThat(t.get(TestApp.browserlessClient(), "/detect/routing").statusCode()).isIn(302, 401);
    }

    @Test
    void thePipelineOpensARoutedCaseAndItsPageExplainsTheRouteInBothLanguages() throws Exception {
        RemovalFixture f = new RemovalFixture(t.app, "route-pipe");
        long item = f.item(f.actor("p-1", "pipe_channel"), "[synthetic] إصدار جديد من وكالة أعماق الإخبارية: جنود "
                + "الخلافة يعلنون بيانا. [synthetic filler] الطقس معتدل اليوم <b>في</b> المدينة", null, null);
        Long caseId = null;
        for (int i = 0; i < 600 && caseId == null; i++) {
            Optional<Long> c = t.app.db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT case_id FROM detect_cluster_items WHERE item_id = ?").bind(0, item).mapTo(Long.class)
                    .findOne());
            caseId = c.orElse(null);
            if (caseId == null) {
                Thread.sleep(100);
            }
        }
        assertThat(caseId).as("the pipeline clustered item %d", item).isNotNull();

        HttpClient en = TestApp.browserlessClient();
        t.login(en, "route-analyst");
        assertThat(t.get(en, "/review/cases/" + caseId).body()).contains("/detect/cases/" + caseId + "/clustering");
        String fragment = t.get(en, "/detect/cases/" + caseId + "/clustering").body();
        assertThat(fragment).contains("data-testid=\"routing-explained\"")
                .contains("Rule 4 «Arabic — new content» matched and sent the case to the queue arabic-new")
                .contains("the language is ar")
                .contains("طابقت القاعدة ٤ «Arabic — new content»")
                .contains("Item " + item + " opened the case: its priority band is high or medium.");
        HttpClient ar = TestApp.browserlessClient();
        t.login(ar, "route-ar");
        String arabic = t.get(ar, "/detect/cases/" + caseId + "/clustering").body();
        assertThat(arabic).contains("لماذا هذه القضية هنا").contains("اللغة هي ar");
        assertThat(arabic.indexOf("طابقت القاعدة")).isLessThan(arabic.indexOf("Rule 4"));
        assertThat(t.get(ar, "/review/cases/" + caseId).body()).contains("dir=\"rtl\"")
                .doesNotContain("<b>في</b>");
        HttpClient platform = TestApp.browserlessClient();
        t.platformUser("route-platform", t.platform("route-osp", "[synthetic] OSP"));
        t.login(platform, "route-platform");
        assertThat(t.get(platform, "/detect/cases/" + caseId + "/clustering").statusCode()).isEqualTo(403);
    }
}
