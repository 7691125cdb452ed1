package org.openiru.store.queue;

import java.util.UUID;

/**
 * One claimed unit of work. {@code attempt} counts this run too (the first run is 1). {@code leaseToken}
 * identifies this claim: only the holder of the current token may complete or fail the job.
 */
public record Job(long id, String queue, String key, String payload, int attempt, int maxAttempts,
                  UUID leaseToken) {
}
