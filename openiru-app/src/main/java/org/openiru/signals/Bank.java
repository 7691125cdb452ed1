package org.openiru.signals;

import java.time.Instant;

/** A hash bank as stored; {@code entries} is its number of entries. */
public record Bank(long id, String name, String description, String kind, int pdqThreshold, boolean enabled,
                   String provenance, String source, Long ownerUnitId, String createdBy, Instant createdAt,
                   long entries) {
    public static final String KNOWN = "known";
    public static final String NEGATIVE = "negative";

    public boolean negative() {
        return NEGATIVE.equals(kind);
    }
}
