package org.openiru.auth;

import java.util.Set;

/** A person who logs in. {@code platformId} is set for platform users only. */
public record User(long id, long unitId, String username, String displayName, String email, Set<Role> roles,
                   Long platformId, String language, boolean active) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public String shownName() {
        return displayName.isBlank() ? username : displayName;
    }
}
