package org.openiru.signals;

import java.util.List;

/**
 * Told of every committed change to banks and entries, so that a matcher keeps its index in step without
 * rebuilding it. In one process the {@link Banks} service calls it directly; with separate matcher processes,
 * the same calls would be fed from a change stream (a Kafka topic or PostgreSQL LISTEN/NOTIFY of these events).
 */
public interface BankChangeListener {
    void entriesAdded(List<IndexedEntry> entries);

    void entriesRemoved(List<IndexedEntry> entries);

    void bankChanged(Bank bank);

    void bankRemoved(long bankId);
}
