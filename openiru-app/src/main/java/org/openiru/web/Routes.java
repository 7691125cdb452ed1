package org.openiru.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Every HTTP route of the service, each with who may call it and a one-line summary. Features add their
 * routes here; the web server installs them, the OpenAPI document lists them, and a test walks them.
 */
public final class Routes {
    /** One route. {@code api} routes answer JSON, also for errors. */
    public record Route(HandlerType method, String path, Set<RouteRole> roles, String summary, String tag,
                        Handler handler) {
        public boolean api() {
            return isApiPath(path);
        }
    }

    private final List<Route> routes = new ArrayList<>();
    private String tag = "general";

    /** Groups the routes added next under a name (the OpenAPI tag). */
    public Routes tag(String name) {
        this.tag = name;
        return this;
    }

    public Routes get(String path, String summary, Handler handler, RouteRole... roles) {
        return add(HandlerType.GET, path, summary, handler, roles);
    }

    public Routes post(String path, String summary, Handler handler, RouteRole... roles) {
        return add(HandlerType.POST, path, summary, handler, roles);
    }

    public Routes put(String path, String summary, Handler handler, RouteRole... roles) {
        return add(HandlerType.PUT, path, summary, handler, roles);
    }

    public Routes delete(String path, String summary, Handler handler, RouteRole... roles) {
        return add(HandlerType.DELETE, path, summary, handler, roles);
    }

    private Routes add(HandlerType method, String path, String summary, Handler handler, RouteRole... roles) {
        if (roles.length == 0) {
            throw new IllegalArgumentException(method + " " + path + " declares no access: name the roles allowed, "
                    + "or Access.PUBLIC / Access.ANY_USER");
        }
        routes.add(new Route(method, path, Set.of(roles), summary, tag, handler));
        return this;
    }

    public List<Route> all() {
        return Collections.unmodifiableList(routes);
    }

    /** JSON routes: our API, and the paths compatible with Meta's Hasher-Matcher-Actioner. */
    public static boolean isApiPath(String path) {
        return path.startsWith("/api/") || path.startsWith("/h/") || path.startsWith("/m/") || path.startsWith("/c/");
    }
}
