package org.openiru.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openiru.app.Json;
import org.openiru.audit.Actor;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.auth.Users;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.openiru.testing.TestApp;

/**
 * Issue 5's acceptance: items imported through the API are scored by the pipeline; news about a takedown
 * (English and Arabic, written for this test) is journalism with low priority, a propaganda-marked synthetic
 * post is propaganda with high priority, and the item page shows, over HTTP, the reasons that made the
 * difference as sentences in English and Arabic. All texts are [synthetic].
 */
class DetectAcceptanceTest {
    static final String NEWS_EN = "[synthetic] Europol said on Thursday that a referral action day with Telegram "
            + "removed thousands of accounts of the so-called Islamic State, the terrorist group also known as Daesh. "
            + "Channels that shared Amaq material were taken down, police said in a statement.";
    static final String NEWS_AR = "[اصطناعي] قالت يوروبول يوم الخميس إن يوم عمل مشترك مع المنصات أدى إلى حذف آلاف "
            + "الحسابات التابعة لتنظيم داعش الإرهابي، بما فيها قنوات تنشر مواد وكالة أعماق، بحسب الشرطة.";
    static final String PROPAGANDA_EN = "[synthetic] New release from Amaq News Agency: the soldiers of the caliphate "
            + "announce the opening hours of the market. The weather is mild. [synthetic filler]";
    static final String PROPAGANDA_AR = "[اصطناعي] إصدار جديد من وكالة أعماق الإخبارية: جنود الخلافة يعلنون مواعيد "
            + "فتح السوق. الطقس معتدل. [حشو اصطناعي]";

    private static TestApp t;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        t = TestApp.start();
        t.app.startWorkers();
        User analyst = t.user("analyst", Role.ANALYST);
        t.app.users.create(Actor.system("test"), new Users.NewUser(t.unit.id(), "analyst-ar", "analyst-ar", "",
                EnumSet.of(Role.ANALYST), null, "ar", TestApp.PASSWORD));
        token = t.token(analyst);
        // propaganda first: newest first, the news comes first; by priority, the propaganda
        String items = Json.write(List.of(item("propaganda-en", PROPAGANDA_EN), item("propaganda-ar", PROPAGANDA_AR),
                item("news-en", NEWS_EN), item("news-ar", NEWS_AR)));
        HttpResponse<String> r = t.send(HttpClient.newHttpClient(), "POST", "/api/v1/items", items,
                "application/json", "Authorization", "Bearer " + token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        waitForScores(4);
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static Map<String, Object> item(String name, String text) {
        return Map.of("url", "https://example.org/synthetic/" + name, "text", text);
    }

    static void waitForScores(int count) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            long n = t.app.db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM item_scores")
                    .mapTo(Long.class).one());
            if (n >= count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the pipeline did not score " + count + " items within a minute");
    }

    private static long id(String name) {
        return t.app.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM items WHERE canonical_url = ?")
                .bind(0, "https://example.org/synthetic/" + name).mapTo(Long.class).one());
    }

    private static ItemScores.StoredScore score(String name) {
        return t.app.detect.scores.find(id(name)).orElseThrow();
    }

    @Test
    void newsAboutATakedownIsJournalismWithLowPriority() {
        for (String name : List.of("news-en", "news-ar")) {
            ItemScores.StoredScore s = score(name);
            assertThat(s.label()).as(name + " " + s.reasons()).isEqualTo("journalism");
            assertThat(s.band()).as(name).isEqualTo("low");
            assertThat(s.priority()).as(name).isLessThan(30);
            assertThat(s.model()).contains("+ref-");
        }
        assertThat(score("news-en").language()).isEqualTo("en");
        assertThat(score("news-ar").language()).isEqualTo("ar");
    }

    @Test
    void aPropagandaMarkedPostIsPropagandaWithHighPriority() {
        for (String name : List.of("propaganda-en", "propaganda-ar")) {
            ItemScores.StoredScore s = score(name);
            assertThat(s.label()).as(name + " " + s.reasons()).isEqualTo("propaganda");
            assertThat(s.band()).as(name).isEqualTo("high");
            assertThat(s.priority()).as(name).isGreaterThanOrEqualTo(60);
        }
    }

    @Test
    void theItemPageShowsTheReasonsThatMadeTheDifferenceInEnglishAndArabic() throws Exception {
        HttpClient en = TestApp.browserlessClient();
        t.login(en, "analyst");
        HttpClient ar = TestApp.browserlessClient();
        t.login(ar, "analyst-ar");

        String propaganda = page(en, "propaganda-en");
        // the outlet, asserted, weighs +30: the sentence in the page's language and in the other one
        assertThat(reasonLine(propaganda, "lexicon.outlet")).contains("+30",
                "Attribution to an official outlet of Islamic State (ISIS / ISIL): «Amaq News Agency»",
                "نسبة إلى منفذ إعلامي رسمي لـIslamic State (ISIS / ISIL): «Amaq News Agency»");
        assertThat(reasonLine(propaganda, "lexicon.self_designation")).contains("+25", "Self-designation used by the group");
        assertThat(text(propaganda, "[data-testid=label]")).isEqualTo("Propaganda");

        String news = page(en, "news-en");
        // the same outlet in the news report is reported speech: named, not counted
        assertThat(reasonLine(news, "context.reported")).contains("0", "«Amaq News Agency» not counted: reported speech");
        assertThat(reasonLine(news, "lexicon.news_marker")).contains("−6", "News reporting marker");
        assertThat(text(news, "[data-testid=label]")).isEqualTo("Journalism");

        String newsAr = page(ar, "news-ar");
        assertThat(newsAr).contains("dir=\"rtl\"");
        assertThat(text(newsAr, "[data-testid=label]")).isEqualTo("صحافة");
        assertThat(reasonLine(newsAr, "lexicon.exonym_distancing")).contains("تسمية خارجية", "Distancing language or exonym");
        String propagandaAr = page(ar, "propaganda-ar");
        assertThat(text(propagandaAr, "[data-testid=label]")).isEqualTo("دعاية");
        assertThat(reasonLine(propagandaAr, "lexicon.outlet")).contains("+30", "نسبة إلى منفذ إعلامي رسمي");

        HttpResponse<String> sorted = t.get(en, "/items?sort=priority");
        assertThat(sorted.statusCode()).as(sorted.body()).isEqualTo(200);
        String list = sorted.body();
        String propagandaLink = "href=\"/items/" + id("propaganda-en") + "\"";
        String newsLink = "href=\"/items/" + id("news-en") + "\"";
        assertThat(list.indexOf(propagandaLink)).isNotNegative().isLessThan(list.indexOf(newsLink));
        String newest = t.get(en, "/items").body();
        assertThat(newest.indexOf(newsLink)).isNotNegative().isLessThan(newest.indexOf(propagandaLink));
        String high = t.get(en, "/items?band=high").body();
        assertThat(high).contains(propagandaLink).doesNotContain(newsLink);
        assertThat(t.get(en, "/items?band=urgent").statusCode()).isEqualTo(400);
    }

    @Test
    void theScoreApiAnswersABatchAndNamesTheBadItem() throws Exception {
        HttpClient c = HttpClient.newHttpClient();
        HttpResponse<String> r = t.send(c, "POST", "/api/v1/score", Json.write(List.of(
                Map.of("id", "a", "text", PROPAGANDA_EN), Map.of("id", "b", "text", NEWS_AR, "lang", "ar"),
                Map.of("id", "c", "text", "🙂🙂🙂"))), "application/json", "Authorization", "Bearer " + token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode results = Json.MAPPER.readTree(r.body()).get("results");
        assertThat(results.get(0).get("label").asText()).isEqualTo("propaganda");
        assertThat(results.get(0).get("priority").asInt()).isGreaterThanOrEqualTo(60);
        assertThat(results.get(0).get("model").asText()).contains("+ref-");
        assertThat(results.get(0).get("reasons").get(0).get("ar").asText()).isNotBlank();
        assertThat(results.get(1).get("label").asText()).isEqualTo("journalism");
        assertThat(results.get(2).get("reasons").toString()).contains("input.no_letters", "No letters");

        HttpResponse<String> bad = t.send(c, "POST", "/api/v1/score", "[{\"id\":\"a\",\"text\":\"x\"},{\"id\":\"b\"}]",
                "application/json", "Authorization", "Bearer " + token);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("item 1", "\\\"text\\\" must be a string");
        HttpResponse<String> anonymous = t.send(c, "POST", "/api/v1/score", "[]", "application/json");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private static String page(HttpClient c, String name) throws Exception {
        HttpResponse<String> r = t.get(c, "/items/" + id(name));
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /** The text of the first reason with this code on a page. */
    private static String reasonLine(String page, String code) {
        return text(page, "[data-testid=reasons] li[data-code=\"" + code + "\"]");
    }

    private static String text(String page, String css) {
        Element e = Jsoup.parse(page).selectFirst(css);
        assertThat(e).as("no " + css + " on the page").isNotNull();
        return e.text();
    }
}
