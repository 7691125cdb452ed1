package org.openiru.web;

import io.javalin.security.RouteRole;

/**
 * Access that is not a role: {@code PUBLIC} routes need no login, {@code ANY_USER} routes need a login of
 * any role. Every other route names the {@link org.openiru.auth.Role}s allowed; a route naming nothing is
 * refused to everyone.
 */
public enum Access implements RouteRole {
    PUBLIC, ANY_USER
}
