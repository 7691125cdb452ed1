package org.openiru.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.openiru.auth.Role;

/** Health, readiness, metrics and the API description. */
public final class SystemRoutes {
    private final BooleanSupplier ready;
    private final PrometheusMeterRegistry metrics;
    private final Pages pages;
    private final String version;

    public SystemRoutes(BooleanSupplier ready, PrometheusMeterRegistry metrics, Pages pages, String version) {
        this.ready = ready;
        this.metrics = metrics;
        this.pages = pages;
        this.version = version;
    }

    public void register(Routes r) {
        r.tag("system")
                .get("/healthz", "The process is up", ctx -> ctx.json(Map.of("status", "up")), Access.PUBLIC)
                .get("/readyz", "The database is reachable and migrated", ctx -> {
                    boolean ok = ready.getAsBoolean();
                    ctx.status(ok ? 200 : 503).json(Map.of("status", ok ? "ready" : "not_ready"));
                }, Access.PUBLIC)
                .get("/metrics", "Prometheus metrics", ctx -> ctx.contentType("text/plain; version=0.0.4")
                        .result(metrics.scrape()), Role.ADMIN)
                .get("/api/openapi.json", "This API description (OpenAPI 3)",
                        ctx -> ctx.json(OpenApi.document(r, version)), Access.PUBLIC)
                .get("/api/docs", "The API description as a page", ctx -> pages.render(ctx, "system/api-docs.jte",
                        Map.of("routes", r.all())), Access.PUBLIC);
    }
}
