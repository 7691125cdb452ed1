package org.openiru.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openiru.review.CaseQueries;
import org.openiru.testing.FreshDatabase;

/** The demo starts with a working desk: cases to take, one awaiting approval, one held; seeding twice adds nothing. */
@ExtendWith(FreshDatabase.class)
class DemoCasesTest {
    @Test
    void seedsADeskOnce(OpenIru app) {
        DemoData.seed(app);
        DemoData.seed(app);
        var rows = app.review.queries.list(new CaseQueries.Filter(null, null, null), 50);
        assertThat(rows).hasSize(3);
        assertThat(rows).extracting(CaseQueries.CaseRow::state).containsExactly("held", "assessed", "new");
        assertThat(rows.get(0).items()).isEqualTo(2);
        assertThat(app.review.queries.awaitingDecision(10)).hasSize(1);
    }
}
