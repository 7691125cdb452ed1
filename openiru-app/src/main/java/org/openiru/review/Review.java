package org.openiru.review;

import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.AuditLog;
import org.openiru.auth.Authenticator;
import org.openiru.auth.Users;
import org.openiru.detect.ItemScores;
import org.openiru.ingest.ItemQueries;
import org.openiru.signals.SignalMatcher;
import org.openiru.web.Pages;
import org.openiru.web.Routes;

/** The review desk, wired: cases and their events, holds, settings, exposure, and the reads of the pages. */
public final class Review {
    public final Cases cases;
    public final Holds holds;
    public final CaseQueries queries;
    public final ReviewSettings settings;
    public final Wellness wellness;

    public Review(Jdbi jdbi, AuditLog audit, ItemQueries items) {
        this(jdbi, audit, items, Cases.CLAIM_TTL);
    }

    /** With another claim time, for tests of expiry. */
    public Review(Jdbi jdbi, AuditLog audit, ItemQueries items, Duration claimTtl) {
        CaseLog log = new CaseLog(audit);
        this.holds = new Holds(jdbi, audit, log);
        this.cases = new Cases(jdbi, log, holds, claimTtl);
        this.queries = new CaseQueries(jdbi, items);
        this.settings = new ReviewSettings(jdbi, audit);
        this.wellness = new Wellness(jdbi);
    }

    public void register(Routes routes, Pages pages, Authenticator auth, Users users, SignalMatcher signals,
                         ItemScores scores) {
        new ReviewRoutes(this, users, signals, scores, pages, auth).register(routes);
    }
}
