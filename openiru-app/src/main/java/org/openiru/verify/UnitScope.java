package org.openiru.verify;

import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.web.ApiException;

/**
 * Whose referrals a person sees here: their own unit's. Administrators and auditors, who oversee the whole
 * deployment, may ask for another unit or for all ({@code unit=all}).
 */
final class UnitScope {
    private UnitScope() {
    }

    static boolean overseer(User u) {
        return u.has(Role.ADMIN) || u.has(Role.AUDITOR);
    }

    /** The unit to filter by, null for all units. */
    static Long of(User u, String requested) {
        if (requested == null || requested.isBlank()) {
            return u.unitId();
        }
        Long wanted;
        if (requested.strip().equals("all")) {
            wanted = null;
        } else {
            try {
                wanted = Long.parseLong(requested.strip());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("unit", "unit must be a unit id or all");
            }
        }
        if (!overseer(u) && (wanted == null || wanted != u.unitId())) {
            throw ApiException.forbidden("Only administrators and auditors see other units' referrals");
        }
        return wanted;
    }

    static boolean mayRead(User u, long unitId) {
        return overseer(u) || u.unitId() == unitId;
    }
}
