package org.openiru.referral;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.AuditLog;
import org.openiru.auth.Authenticator;
import org.openiru.platform.Platforms;
import org.openiru.review.Review;
import org.openiru.web.Messages;
import org.openiru.web.Pages;
import org.openiru.web.Routes;

/** The referral feature, wired: referring approved cases, reason templates, answers, reads, pages and portal. */
public final class Referral {
    public final Referrals referrals;
    public final ReasonTemplates templates;
    public final Answers answers;
    public final ReferralQueries queries;
    private final Platforms platforms;

    public Referral(Jdbi jdbi, AuditLog audit, Review review, Platforms platforms, Map<String, Messages> messages,
                    Optional<URI> publicUrl, Clock clock) {
        this.platforms = platforms;
        this.templates = new ReasonTemplates(jdbi, audit, messages, clock);
        this.referrals = new Referrals(jdbi, audit, review.cases, platforms, templates,
                new ReferralDocuments(messages, publicUrl), clock);
        this.answers = new Answers(jdbi, audit, clock);
        this.queries = new ReferralQueries(jdbi);
    }

    public void register(Routes routes, Pages pages, Authenticator auth) {
        new ReferralRoutes(this, platforms, pages, auth).register(routes);
        new PortalRoutes(this, platforms, pages, auth).register(routes);
    }
}
