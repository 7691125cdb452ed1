package org.openiru.store.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The durable queue the pipeline steps talk through. Deliberately small, so that a Kafka-backed
 * implementation can replace the PostgreSQL one (see docs/queue.md).
 */
public interface JobQueue {
    /**
     * Adds a job unless the queue already has one with this key, done or not.
     *
     * @param runAt the earliest time to run it; null for now
     * @return true when the job is new
     */
    boolean enqueue(String queue, String idempotencyKey, String payloadJson, Instant runAt);

    default boolean enqueue(String queue, String idempotencyKey, String payloadJson) {
        return enqueue(queue, idempotencyKey, payloadJson, null);
    }

    /** Takes up to {@code max} due jobs, each leased to {@code worker} for {@code lease}. */
    List<Job> claim(String queue, int max, Duration lease, String worker);

    /** Marks the job done; false when this claim no longer holds it (its lease ran out and it was re-claimed). */
    boolean complete(Job job);

    /** Schedules a retry with backoff, or makes the job dead after its last attempt; false as for complete. */
    boolean fail(Job job, Throwable error);
}
