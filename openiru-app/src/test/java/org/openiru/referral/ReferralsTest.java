package org.openiru.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openiru.app.OpenIru;
import org.openiru.auth.Role;
import org.openiru.review.Holds;
import org.openiru.review.Reviewer;
import org.openiru.testing.FreshDatabase;
import org.openiru.web.ApiException;

/** Referring approved cases against the real database: grouping, splitting, no duplicates, holds, outbox, CSV. */
@ExtendWith(FreshDatabase.class)
class ReferralsTest {

    @Test
    void groupsItemsPerPlatformWritesTheOutboxAndTheCasesBecomeReferred(OpenIru app) throws Exception {
        ReferralFixture f = new ReferralFixture(app, "group-unit");
        long mailAndHook = ReferralFixture.platform(app, "grp-a", "abuse@grp-a.example", "https://hook.grp-a.example/x",
                List.of("en"));
        long portalOnly = ReferralFixture.platform(app, "grp-b", "", "", List.of("en"));
        List<Long> a = ReferralFixture.items(app, mailAndHook, "grp-a", 3);
        List<Long> b = ReferralFixture.items(app, portalOnly, "grp-b", 1);
        long first = f.approvedCase(List.of(a.get(0), a.get(1), b.get(0)));
        long second = f.approvedCase(List.of(a.get(2)));

        Referrals.Result r = app.referral.referrals.referApproved(f.actor(), f.unit().id(), null);

        assertThat(r.referrals()).extracting(Referrals.Made::platformId, Referrals.Made::items)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(mailAndHook, 3),
                        org.assertj.core.groups.Tuple.tuple(portalOnly, 1));
        assertThat(r.referrals()).allSatisfy(m -> assertThat(m.reference()).matches("GROUP-UNIT-REF-\\d{4}-\\d{6}"));
        assertThat(r.casesReferred()).containsExactly(first, second);
        assertThat(app.review.queries.row(first).orElseThrow().workflow()).isEqualTo("referred");
        assertThat(app.review.queries.row(second).orElseThrow().workflow()).isEqualTo("referred");
        assertThat(app.review.queries.detail(first, f.unit().id()).orElseThrow().events())
                .anySatisfy(e -> assertThat(e.kind()).isEqualTo("referred"));
        assertThat(app.audit.verify().intact()).isTrue();

        long idA = r.referrals().get(0).id();
        long idB = r.referrals().get(1).id();
        List<Map<String, Object>> deliveries = app.db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT key, channel, purpose, recipient, subject, body_text, body_json::text AS json
                        FROM deliveries WHERE referral_id IN (?, ?) ORDER BY key""").bind(0, idA).bind(1, idB)
                .mapToMap().list());
        assertThat(deliveries).extracting(m -> m.get("key"))
                .containsExactly("referral:" + idA + ":email", "referral:" + idA + ":webhook");
        assertThat(deliveries).allSatisfy(m -> assertThat(m.get("purpose")).isEqualTo("platform"));
        assertThat((String) deliveries.get(0).get("body_text")).contains("https://grp-a.example/post/0")
                .contains(r.referrals().get(0).reference());
        assertThat((String) deliveries.get(1).get("json")).contains("\"reference\": \"" + r.referrals().get(0)
                .reference()).contains("https://grp-a.example/post/2").contains("\"categories\": [\"a\", \"c\"]");
        String attachment = app.db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT file_name FROM delivery_attachments da JOIN deliveries d ON d.id = da.delivery_id
                        WHERE d.key = ?""").bind(0, "referral:" + idA + ":email").mapTo(String.class).one());
        assertThat(attachment).isEqualTo(r.referrals().get(0).reference() + ".csv");
        assertThat(app.referral.queries.detail(idB, f.unit().id(), null).orElseThrow().deliveries()).isEmpty();
        ReferralQueries.ItemRow item = app.referral.queries.detail(idA, f.unit().id(), null).orElseThrow().items()
                .get(0);
        assertThat(item.categories()).containsExactly("a", "c");
        assertThat(item.reason()).contains("Synthetic Group").contains("incites").contains(item.url());
    }

    @Test
    void anItemIsNeverReferredTwiceToItsPlatformAndTheOtherUnitIsNamed(OpenIru app) {
        ReferralFixture first = new ReferralFixture(app, "dup-first");
        ReferralFixture other = new ReferralFixture(app, "dup-other");
        long platform = ReferralFixture.platform(app, "dup", "", "", List.of("en"));
        List<Long> items = ReferralFixture.items(app, platform, "dup", 2);
        long mine = first.approvedCase(List.of(items.get(0)));
        Referrals.Result made = app.referral.referrals.referApproved(first.actor(), first.unit().id(), null);
        assertThat(made.items()).isEqualTo(1);

        Referrals.Result again = app.referral.referrals.referApproved(first.actor(), first.unit().id(), null);
        assertThat(again.referrals()).isEmpty();
        assertThatThrownBy(() -> app.referral.referrals.referApproved(first.actor(), first.unit().id(),
                List.of(mine))).isInstanceOf(ApiException.class).hasMessageContaining("is referred");

        long theirs = other.approvedCase(List.of(items.get(0), items.get(1)));
        Referrals.Plan preview = app.referral.referrals.preview(other.unit().id(), null);
        assertThat(preview.alreadyReferred()).singleElement().satisfies(x -> {
            assertThat(x.unit()).isEqualTo("Unit dup-first");
            assertThat(x.reference()).isEqualTo(made.referrals().get(0).reference());
        });
        Referrals.Result theirRun = app.referral.referrals.referApproved(other.actor(), other.unit().id(), null);
        assertThat(theirRun.items()).isEqualTo(1);
        assertThat(theirRun.casesReferred()).containsExactly(theirs);
        long rows = app.db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM referral_items WHERE item_id = ?")
                .bind(0, items.get(0)).mapTo(Long.class).one());
        assertThat(rows).isEqualTo(1);
        assertThat(app.review.queries.detail(theirs, other.unit().id()).orElseThrow().events())
                .filteredOn(e -> e.kind().equals("referred")).singleElement()
                .satisfies(e -> assertThat(e.payload().toString()).contains("Unit dup-first"));
    }

    @Test
    void heldCasesAreRefusedWhenChosenAndLeftOutOfAllWithoutTheReason(OpenIru app) {
        ReferralFixture f = new ReferralFixture(app, "held-unit");
        ReferralFixture investigator = new ReferralFixture(app, "held-investigators");
        long platform = ReferralFixture.platform(app, "held", "", "", List.of("en"));
        List<Long> items = ReferralFixture.items(app, platform, "held", 2);
        long held = f.approvedCase(List.of(items.get(0)));
        long free = f.approvedCase(List.of(items.get(1)));
        app.review.holds.place(new Reviewer(investigator.approver(), "t"), new Holds.NewHold(held, null,
                "[synthetic] covert operation", "OP-9", "desk@investigators.example",
                Instant.now().plus(1, ChronoUnit.DAYS)));

        assertThatThrownBy(() -> app.referral.referrals.referApproved(f.actor(), f.unit().id(), List.of(held, free)))
                .isInstanceOf(ApiException.class).hasMessageContaining("held by Unit held-investigators")
                .hasMessageNotContaining("covert").hasMessageNotContaining("OP-9");
        assertThat(app.referral.queries.list(new ReferralQueries.Filter(f.unit().id(), null, null, null, null), 10))
                .isEmpty();

        Referrals.Result r = app.referral.referrals.referApproved(f.actor(), f.unit().id(), null);
        assertThat(r.plan().heldCases()).containsExactly(held);
        assertThat(r.casesReferred()).containsExactly(free);
        assertThat(app.review.queries.row(held).orElseThrow().workflow()).isEqualTo("approved");
    }

    @Test
    void moreThanAThousandItemsForOnePlatformAreSplit(OpenIru app) {
        ReferralFixture f = new ReferralFixture(app, "split-unit");
        long platform = ReferralFixture.platform(app, "split", "", "", List.of("en"));
        List<Long> items = ReferralFixture.items(app, platform, "split", Referrals.MAX_ITEMS + 1);
        f.approvedCase(items.subList(0, Referrals.MAX_ITEMS));
        f.approvedCase(items.subList(Referrals.MAX_ITEMS, items.size()));

        Referrals.Result r = app.referral.referrals.referApproved(f.actor(), f.unit().id(), null);
        assertThat(r.referrals()).extracting(Referrals.Made::items).containsExactly(Referrals.MAX_ITEMS, 1);
        assertThat(r.referrals()).extracting(Referrals.Made::reference).doesNotHaveDuplicates();
    }

    @Test
    void theCsvKeepsHostileTextIntactButInertForSpreadsheets(OpenIru app) throws Exception {
        ReferralFixture f = new ReferralFixture(app, "csv-unit");
        long platform = ReferralFixture.platform(app, "csv", "abuse@csv.example", "", List.of("en"));
        List<Long> items = ReferralFixture.items(app, platform, "csv", 1);
        String hostile = "=cmd|' /C calc'!A0, \"quoted\"\nsecond line <b>x</b>";
        f.approvedCase(items, ReferralFixture.terrorist(hostile));
        long id = app.referral.referrals.referApproved(f.actor(), f.unit().id(), null).referrals().get(0).id();

        byte[] csv = app.db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT content FROM delivery_attachments da JOIN deliveries d ON d.id = da.delivery_id
                        WHERE d.key = ?""").bind(0, "referral:" + id + ":email").mapTo(byte[].class).one());
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("entity")).isEqualTo("'" + hostile);
            assertThat(row.get("url")).isEqualTo("https://csv.example/post/0");
            assertThat(row.get("categories")).isEqualTo("a c");
            assertThat(row.get("reason")).contains(hostile.substring(1));
        });
        assertThat(ReferralDocuments.inert("+1")).isEqualTo("'+1");
        assertThat(ReferralDocuments.inert("-2")).isEqualTo("'-2");
        assertThat(ReferralDocuments.inert("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ReferralDocuments.inert("plain")).isEqualTo("plain");
    }

    @Test
    void theReasonIsWrittenInTheFirstAcceptedLanguageWithATemplate(OpenIru app) {
        ReferralFixture f = new ReferralFixture(app, "lang-unit");
        long arabic = ReferralFixture.platform(app, "lang-ar", "", "", List.of("ar", "en"));
        long german = ReferralFixture.platform(app, "lang-de", "", "", List.of("de", "fr"));
        long arItem = ReferralFixture.items(app, arabic, "lang-ar", 1).get(0);
        long deItem = ReferralFixture.items(app, german, "lang-de", 1).get(0);
        f.approvedCase(List.of(arItem, deItem));
        app.referral.templates.save(f.actor(), f.unit().id(), "en", "[synthetic] {entity} / {categories} / {url}");

        Referrals.Result r = app.referral.referrals.referApproved(f.actor(), f.unit().id(), null);
        ReferralQueries.Detail ar = app.referral.queries.detail(r.referrals().get(0).id(), null, null).orElseThrow();
        ReferralQueries.Detail de = app.referral.queries.detail(r.referrals().get(1).id(), null, null).orElseThrow();
        assertThat(ar.row().platformId()).isEqualTo(arabic);
        assertThat(ar.row().language()).isEqualTo("ar");
        assertThat(ar.items().get(0).reason()).contains("يحرّض").contains("Synthetic Group").contains("فيديو")
                .doesNotContain("{");
        assertThat(de.row().language()).isEqualTo("en");
        assertThat(de.items().get(0).reason()).isEqualTo("[synthetic] Synthetic Group / incites the commission of "
                + "terrorist offences or glorifies them (a); solicits a person or group to participate in the "
                + "activities of a terrorist group (c) / https://lang-de.example/post/0");
        assertThat(app.audit.search(new org.openiru.audit.AuditLog.Filter("referral.template.saved", null, null, null,
                null, null), null, 5)).hasSize(1);
        assertThatThrownBy(() -> app.referral.templates.save(f.actor(), f.unit().id(), "de", "x"))
                .isInstanceOf(ApiException.class).hasMessageContaining("language");
    }
}
