package org.openiru.campaign;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.AuditLog;
import org.openiru.auth.Authenticator;
import org.openiru.ingest.ItemQueries;
import org.openiru.web.Pages;
import org.openiru.web.Routes;

/** The action-day feature, wired: saved searches, action days and their targets, the plan, the figures, pages. */
public final class Campaign {
    public final SavedSearches searches;
    public final ActionDays days;
    public final ActionDayPlan plans;
    public final ActionDayFiguresQuery figures;

    public Campaign(Jdbi jdbi, AuditLog audit, ItemQueries items, Clock clock) {
        this.searches = new SavedSearches(jdbi, audit, items, clock);
        this.days = new ActionDays(jdbi, audit, clock);
        this.plans = new ActionDayPlan(jdbi, searches);
        this.figures = new ActionDayFiguresQuery(jdbi, clock);
    }

    public void register(Routes routes, Pages pages, Authenticator auth) {
        new CampaignRoutes(this, pages, auth).register(routes);
    }
}
