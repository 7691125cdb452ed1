package org.openiru.report;

import java.time.Clock;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.AuditLog;
import org.openiru.auth.Authenticator;
import org.openiru.campaign.Campaign;
import org.openiru.unit.Units;
import org.openiru.web.Messages;
import org.openiru.web.Pages;
import org.openiru.web.Routes;

/** Reports, wired: the action day's final report, the transparency reports' figures, manual entries and pages. */
public final class Reports {
    /** PDF and CSV of an action day's figures; the campaign feature serves them. */
    public final ActionDayReport actionDay;
    public final TransparencyFigures figures;
    public final TcoManual manual;
    public final TransparencyReport transparency;
    private final Clock clock;

    public Reports(Jdbi jdbi, AuditLog audit, Map<String, Messages> messages, Clock clock) {
        this.clock = clock;
        this.actionDay = new ActionDayReport(messages);
        this.figures = new TransparencyFigures(jdbi);
        this.manual = new TcoManual(jdbi, audit, clock);
        this.transparency = new TransparencyReport(messages);
    }

    public void register(Routes routes, Pages pages, Authenticator auth, Units units, Campaign campaign) {
        new ReportRoutes(this, campaign, units, pages, auth, clock).register(routes);
    }
}
