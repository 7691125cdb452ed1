package org.openiru.store.queue;

import java.time.Duration;
import java.time.Instant;

/**
 * A job that runs every {@code every} on the durable queue: each slot (the start of each period) has its own
 * idempotency key, so however many processes run, the job runs once per slot, and each run queues the next.
 * Slots are in real time, not in the application's clock: the queue runs jobs by the database's time, and a test
 * that moves the application's clock forward must not queue a run hours ahead of the database.
 */
public final class Periodic {
    private final JobQueue jobs;
    private final String queue;
    private final Duration every;
    private final Duration offset;

    public Periodic(JobQueue jobs, String queue, Duration every) {
        this(jobs, queue, every, Duration.ZERO);
    }

    /** Slots start {@code offset} after each multiple of {@code every} since the epoch (e.g. 02:00 UTC each day). */
    public Periodic(JobQueue jobs, String queue, Duration every, Duration offset) {
        if (every.getSeconds() < 1 || offset.isNegative() || offset.compareTo(every) >= 0) {
            throw new IllegalArgumentException("a period of at least a second and an offset within it, not "
                    + every + " and " + offset);
        }
        this.jobs = jobs;
        this.queue = queue;
        this.every = every;
        this.offset = offset;
    }

    /** Makes sure the current slot's job exists (called at every start; it runs at once). */
    public void schedule() {
        schedule("{}");
    }

    /** As {@link #schedule()}, with what the run needs to know (JSON); the slot's first payload stays. */
    public void schedule(String payload) {
        enqueueSlotOf(Instant.now(), payload);
    }

    /**
     * Queues the next slot's job: called at the end of each run, and at start by a job that must not run at every
     * start (a nightly one).
     */
    public void scheduleNext() {
        scheduleNext("{}");
    }

    /** As {@link #scheduleNext()}, with what the next run needs to know (JSON). */
    public void scheduleNext(String payload) {
        enqueueSlotOf(Instant.now().plus(every), payload);
    }

    private void enqueueSlotOf(Instant at, String payload) {
        long seconds = every.getSeconds();
        long shift = offset.getSeconds();
        Instant slot = Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond() - shift, seconds) * seconds + shift);
        jobs.enqueue(queue, "slot:" + slot, payload, slot);
    }
}
