package org.openiru.verify.reappear;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openiru.app.Json;
import org.openiru.store.queue.ItemJobs;
import org.openiru.store.queue.Job;
import org.openiru.store.queue.JobQueue;
import org.openiru.store.queue.Periodic;

/**
 * The pipeline steps of reappearance, on the durable queue so that a crash loses nothing:
 * <ul>
 * <li>{@value #CHECK}: checks up to {@value #CHUNK} items — after each stored import batch, after a file was
 *     hashed and matched (its items), and for the retro pass of a removal;</li>
 * <li>{@value #SYNC}: every {@link #EVERY}, learns new removals, prepares them (bank entries, text prints),
 *     queues their retro pass over the items first seen since the removal, and checks items whose files
 *     picked up a REMOVED_CONTENT hit from a retro-hunt.</li>
 * </ul>
 */
public final class ReappearStep {
    public static final String CHECK = "verify.reappear.check";
    public static final String SYNC = "verify.reappear.sync";
    public static final Duration EVERY = Duration.ofMinutes(5);
    static final int CHUNK = 500;

    private final RemovedContent removed;
    private final ReappearCheck check;
    private final JobQueue jobs;
    private final Periodic rounds;

    public ReappearStep(RemovedContent removed, ReappearCheck check, JobQueue jobs) {
        this.removed = removed;
        this.check = check;
        this.jobs = jobs;
        this.rounds = new Periodic(jobs, SYNC, EVERY);
    }

    /** Queues the items an import batch stored; the ingest feature calls it after each committed batch. */
    public static void afterIngest(JobQueue jobs, long sourceId, long batchStart, List<Long> itemIds) {
        enqueue(jobs, "ingest:" + sourceId + ":" + batchStart, itemIds);
    }

    /** Queues the items that carry a file whose signals and bank hits were just stored; {@code key} names it. */
    public static void afterHashing(JobQueue jobs, String key, List<Long> itemIds) {
        enqueue(jobs, key, itemIds);
    }

    private static void enqueue(JobQueue jobs, String key, List<Long> itemIds) {
        ItemJobs.enqueue(jobs, CHECK, key, itemIds, CHUNK);
    }

    /** The handler of {@value #CHECK}. */
    public void handleCheck(Job job) throws Exception {
        check.check(ItemJobs.items(job));
    }

    /** The handler of {@value #SYNC}: one round, then the next one scheduled. */
    public void handleSync(Job job) {
        sync();
        rounds.scheduleNext();
    }

    /**
     * One round: learns and prepares new removals, queues their retro pass (the items first seen since the
     * earliest of them), and checks the items whose files got a REMOVED_CONTENT hit from a retro-hunt.
     */
    public void sync() {
        removed.learn();
        List<RemovedContent.Prepared> prepared = removed.prepare();
        prepared.stream().map(RemovedContent.Prepared::removedAt).min(Instant::compareTo).ifPresent(since -> {
            String key = "removal:" + prepared.get(0).caseId() + ":" + prepared.get(0).itemId() + ":" + since;
            long after = 0;
            for (List<Long> page = removed.seenAfter(since, after, CHUNK); !page.isEmpty();
                 page = removed.seenAfter(since, after, CHUNK)) {
                jobs.enqueue(CHECK, key + "#" + after, Json.write(Map.of("items", page)));
                after = page.get(page.size() - 1);
            }
        });
        List<Long> hits = removed.unresolvedPictureHits();
        for (int from = 0; from < hits.size(); from += CHUNK) {
            check.check(hits.subList(from, Math.min(hits.size(), from + CHUNK)));
        }
    }

    /** Makes sure a sync round is queued (called at every start). */
    public void schedule() {
        rounds.schedule();
    }
}
