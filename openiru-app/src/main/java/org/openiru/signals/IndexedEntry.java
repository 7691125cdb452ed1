package org.openiru.signals;

import java.time.Instant;
import org.openiru.hashing.banks.SignalType;

/** What the in-memory index keeps of an entry: enough to match and filter without the database. */
public record IndexedEntry(long id, long bankId, long contentId, SignalType type, String value, Instant enabledUntil) {
    public boolean activeAt(Instant now) {
        return enabledUntil == null || now.isBefore(enabledUntil);
    }
}
