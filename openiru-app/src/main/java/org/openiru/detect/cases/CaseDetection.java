package org.openiru.detect.cases;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.AuditLog;
import org.openiru.auth.Authenticator;
import org.openiru.auth.Role;
import org.openiru.detect.routing.RoutingRoutes;
import org.openiru.detect.routing.RoutingRules;
import org.openiru.platform.Platforms;
import org.openiru.review.Review;
import org.openiru.store.queue.JobQueue;
import org.openiru.store.queue.WorkerPool;
import org.openiru.web.Pages;
import org.openiru.web.Params;
import org.openiru.web.Routes;

/** Cases from detection, wired: clustering, its pipeline step, the routing rules, and what the case page shows. */
public final class CaseDetection {
    public final RoutingRules rules;
    public final CaseClustering clustering;
    public final ClusterStep step;
    public final CaseViews views;
    private final Review review;

    public CaseDetection(Jdbi jdbi, AuditLog audit, JobQueue jobs, Review review) {
        this.review = review;
        this.rules = new RoutingRules(jdbi, audit);
        this.clustering = new CaseClustering(jdbi, review.cases, audit);
        this.step = new ClusterStep(clustering, jobs, jdbi);
        this.views = new CaseViews(jdbi);
    }

    public void register(WorkerPool workers) {
        workers.register(ClusterStep.QUEUE, step, Duration.ofMinutes(10));
    }

    public void register(Routes routes, Pages pages, Authenticator auth, Platforms platforms) {
        new RoutingRoutes(rules, review, platforms, pages, auth).register(routes);
        routes.tag("detect").get("/detect/cases/{id}/clustering", "The case page's fragment: why detection put the "
                + "case in its queue, how each item joined, the decision of a decided copy as a suggestion", ctx -> {
                    auth.require(ctx);
                    long id = Params.id(ctx);
                    Map<String, Object> m = new HashMap<>();
                    m.put("caseId", id);
                    m.put("v", views.of(id));
                    m.put("other", pages.messages(pages.context(ctx).lang().equals("ar") ? "en" : "ar"));
                    pages.render(ctx, "detect/case.jte", m);
                }, Role.UNIT_STAFF);
    }
}
