package org.openiru.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.BindException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.openiru.app.Json;
import org.openiru.auth.Authenticator;
import org.openiru.auth.Csrf;
import org.openiru.auth.Principal;
import org.openiru.auth.Role;
import org.openiru.store.StartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: installs the registered routes, and around every one of them the security headers,
 * the request id, the access check (declared roles, CSRF), uniform errors and request metrics.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final String TIMER = "openiru.timer";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "media-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final Javalin app;
    private final Routes routes;
    private final Authenticator auth;
    private final Pages pages;
    private final PrometheusMeterRegistry metrics;
    private final int configuredPort;

    public WebServer(String host, int port, Routes routes, Authenticator auth, Pages pages,
                     PrometheusMeterRegistry metrics) {
        this.routes = routes;
        this.auth = auth;
        this.pages = pages;
        this.metrics = metrics;
        this.configuredPort = port;
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.host = host;
            cfg.jetty.port = port;
            cfg.http.maxRequestSize = 64L * 1024 * 1024;
            // Uploads (exports, archives) stream to disk past 1 MB instead of filling the heap.
            cfg.jetty.multipartConfig.cacheDirectory(System.getProperty("java.io.tmpdir"));
            cfg.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
            cfg.jetty.multipartConfig.maxFileSize(8, io.javalin.config.SizeUnit.GB);
            cfg.jetty.multipartConfig.maxTotalRequestSize(8, io.javalin.config.SizeUnit.GB);
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            cfg.staticFiles.add(sf -> {
                sf.hostedPath = "/static";
                sf.directory = "/static";
                sf.location = Location.CLASSPATH;
                sf.roles = Set.of(Access.PUBLIC);
            });
            cfg.staticFiles.add(sf -> {
                sf.hostedPath = "/webjars";
                sf.directory = "/META-INF/resources/webjars";
                sf.location = Location.CLASSPATH;
                sf.roles = Set.of(Access.PUBLIC);
                sf.headers = Map.of("Cache-Control", "max-age=31536000");
            });
            cfg.routes.before(this::beforeEveryRequest);
            cfg.routes.beforeMatched(this::checkAccess);
            cfg.routes.after(this::afterEveryRequest);
            for (Routes.Route r : routes.all()) {
                cfg.routes.addHttpHandler(r.method(), r.path(), r.handler(), r.roles().toArray(RouteRole[]::new));
            }
            cfg.routes.exception(ApiException.class, (e, ctx) -> fail(ctx, e.status(), e.code(), e.getMessage(),
                    e.field()));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> fail(ctx, e.getStatus(),
                    codeFor(e.getStatus()), e.getMessage(), null));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Request {} {} failed (request id {})", ctx.method(), ctx.path(), RequestIds.of(ctx), e);
                fail(ctx, 500, "internal", "Something went wrong on our side; quote request id "
                        + RequestIds.of(ctx) + " when reporting it", null);
            });
            cfg.routes.error(404, "*", ctx -> {
                if (ctx.endpoint() == null || ctx.result() == null || ctx.result().isEmpty()) {
                    fail(ctx, 404, "not_found", "No such page or API route: " + ctx.path(), null);
                }
            });
        });
    }

    public WebServer start() {
        try {
            app.start();
        } catch (RuntimeException e) {
            if (causedBy(e, BindException.class)) {
                throw new StartupException("Port " + configuredPort
                        + " is already in use (OPENIRU_PORT): stop the other program or choose another port", e);
            }
            throw e;
        }
        return this;
    }

    public int port() {
        return app.port();
    }

    public Routes routes() {
        return routes;
    }

    @Override
    public void close() {
        app.stop();
    }

    private void beforeEveryRequest(Context ctx) {
        RequestIds.assign(ctx);
        ctx.attribute(TIMER, Timer.start(metrics));
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        if (Cookies.secure(ctx)) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
    }

    /** Every matched route declared who may call it; nothing undeclared gets through. */
    private void checkAccess(Context ctx) {
        Set<RouteRole> allowed = ctx.routeRoles();
        if (allowed.isEmpty()) {
            LOG.error("Route {} {} declares no access; refusing", ctx.method(), ctx.path());
            throw ApiException.forbidden("This route is closed");
        }
        if (allowed.contains(Access.PUBLIC)) {
            return;
        }
        Principal p = auth.principal(ctx).orElse(null);
        if (p == null) {
            if (ctx.method() == HandlerType.GET && !Routes.isApiPath(ctx.path()) && wantsHtml(ctx)) {
                ctx.redirect("/login?next=" + java.net.URLEncoder.encode(ctx.fullUrl().substring(
                        ctx.fullUrl().indexOf(ctx.path())), java.nio.charset.StandardCharsets.UTF_8));
                ctx.skipRemainingHandlers();
                return;
            }
            throw new ApiException(401, "unauthenticated", "Log in or send an API token", null);
        }
        if (!allowed.contains(Access.ANY_USER) && p.user().roles().stream().noneMatch(allowed::contains)) {
            throw ApiException.forbidden("Your role may not do this (needs one of: " + describe(allowed) + ")");
        }
        Csrf.check(ctx, p);
    }

    private void afterEveryRequest(Context ctx) {
        Timer.Sample sample = ctx.attribute(TIMER);
        if (sample == null) {
            return;
        }
        String route = ctx.endpoint() == null ? "unmatched" : ctx.endpoint().path;
        sample.stop(metrics.timer("http.server.requests", "method", ctx.method().name(), "route", route,
                "status", Integer.toString(ctx.statusCode())));
    }

    private void fail(Context ctx, int status, String code, String message, String field) {
        ctx.status(status);
        boolean api = Routes.isApiPath(ctx.path()) || acceptsJsonOnly(ctx);
        if (api) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", code);
            error.put("message", message);
            error.put("field", field);
            ctx.json(Map.of("error", error));
            return;
        }
        if (ctx.header("HX-Request") != null) {
            ctx.html("<p class=\"error\" role=\"alert\">" + Html.escape(message) + "</p>");
            return;
        }
        try {
            pages.render(ctx, "error.jte", Map.of("status", status, "message", message));
        } catch (RuntimeException e) {
            LOG.error("The error page itself failed", e);
            ctx.contentType("text/plain; charset=utf-8").result(status + " " + message);
        }
    }

    private static boolean wantsHtml(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/html");
    }

    private static boolean acceptsJsonOnly(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "invalid";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "conflict";
            case 413 -> "too_large";
            default -> status >= 500 ? "internal" : "error";
        };
    }

    private static String describe(Set<RouteRole> roles) {
        return String.join(", ", roles.stream().map(r -> r instanceof Role role ? role.id() : r.toString())
                .sorted().toList());
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
