package org.openiru.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openiru.review.CaseQueries;
import org.openiru.testing.FreshDatabase;

/**
 * The demo starts with a working desk (cases to take, one awaiting approval, one held) and the referral path (one
 * case referred to Telegram, one ready to refer); seeding twice adds nothing.
 */
@ExtendWith(FreshDatabase.class)
class DemoCasesTest {
    @Test
    void seedsADeskOnce(OpenIru app) {
        DemoData.seed(app);
        DemoData.seed(app);
        var rows = app.review.queries.list(new CaseQueries.Filter(null, null, null), 50);
        assertThat(rows).extracting(CaseQueries.CaseRow::state)
                .containsExactlyInAnyOrder("held", "referred", "approved", "assessed", "new");
        assertThat(rows).filteredOn(r -> r.state().equals("held")).singleElement()
                .satisfies(r -> assertThat(r.items()).isEqualTo(2));
        assertThat(app.review.queries.awaitingDecision(10)).hasSize(1);
        List<String> referred = app.db.jdbi().withHandle(h -> h.createQuery("""
                SELECT p.slug || ':' || count(ri.id) FROM referrals r JOIN platforms p ON p.id = r.platform_id
                JOIN referral_items ri ON ri.referral_id = r.id GROUP BY p.slug""").mapTo(String.class).list());
        assertThat(referred).containsExactly("telegram:1");
        // the demo action day runs and its board counts the demo referral
        var day = app.campaign.days.list(app.users.findByUsername("supervisor").orElseThrow()).get(0);
        assertThat(day.running()).isTrue();
        assertThat(app.campaign.figures.figures(day).total().referred()).isEqualTo(1);
    }
}
