package org.openiru.audit;

/**
 * Who causes a state change, as written to the audit log: a user acting through the web or API, or the
 * operator at the command line, or the system itself (scheduled jobs).
 */
public record Actor(Long userId, String name, Long unitId, String requestId) {
    public static Actor system(String what) {
        return new Actor(null, "system:" + what, null, "");
    }

    public static Actor cli(String command) {
        return new Actor(null, "cli:" + System.getProperty("user.name", "operator"), null, command);
    }
}
