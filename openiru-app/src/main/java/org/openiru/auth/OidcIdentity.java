package org.openiru.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who the ID token says the user is, in OpenIRU's terms. Roles are the claimed values that name one of our
 * roles (case-insensitive); anything else a provider sends (Keycloak's {@code offline_access}, say) is
 * ignored. {@code unitSlug} is the unit claim, else the configured default.
 */
record OidcIdentity(String subject, String username, String displayName, String email, Set<Role> roles,
                    List<String> claimedRoles, String unitSlug) {

    static OidcIdentity from(JWTClaimsSet claims, String rolesClaim, String unitClaim, String defaultUnit) {
        String sub = claims.getSubject();
        String email = text(claims.getClaim("email")).orElse("");
        String username = text(claims.getClaim("preferred_username"))
                .or(() -> Optional.of(email).filter(e -> !e.isEmpty())).orElse(sub);
        String name = text(claims.getClaim("name")).orElse(username);
        List<String> claimed = roleValues(claims, rolesClaim);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        claimed.forEach(v -> Role.parse(v).ifPresent(roles::add));
        String unit = text(claims.getClaim(unitClaim)).orElse(defaultUnit);
        return new OidcIdentity(sub, username, name, email, roles, claimed, unit);
    }

    /**
     * The roles claim as a JSON array or a space- or comma-separated string. Keycloak puts realm roles in
     * {@code realm_access.roles} unless a mapper copies them to a top-level claim, so with the default claim
     * name that is where we look when the top-level claim is missing.
     */
    private static List<String> roleValues(JWTClaimsSet claims, String rolesClaim) {
        Object value = claims.getClaim(rolesClaim);
        if (value == null && "roles".equals(rolesClaim) && claims.getClaim("realm_access") instanceof Map<?, ?> m) {
            value = m.get("roles");
        }
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            c.forEach(v -> text(v).ifPresent(out::add));
        } else if (value instanceof String s) {
            Arrays.stream(s.split("[\\s,]+")).filter(x -> !x.isEmpty()).forEach(out::add);
        }
        return out;
    }

    private static Optional<String> text(Object v) {
        return v instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty();
    }
}
