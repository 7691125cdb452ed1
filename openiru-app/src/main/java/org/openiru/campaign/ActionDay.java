package org.openiru.campaign;

import java.time.Instant;
import java.util.List;

/**
 * An action day as stored: the organising unit, the window, where it stands, the participating units and
 * platforms, and its scope (assessed entities, review queues, saved searches). Targets are read separately.
 */
public record ActionDay(long id, long unitId, String unitName, String name, String description, Instant startsAt,
                        Instant endsAt, String status, List<String> entities, List<Long> queueIds,
                        List<Long> savedSearchIds, List<Long> unitIds, List<Long> platformIds, Instant createdAt,
                        Instant startedAt, Instant closedAt) {
    public static final String PLANNED = "planned";
    public static final String RUNNING = "running";
    public static final String CLOSED = "closed";

    public boolean planned() {
        return PLANNED.equals(status);
    }

    public boolean running() {
        return RUNNING.equals(status);
    }

    public boolean closed() {
        return CLOSED.equals(status);
    }
}
