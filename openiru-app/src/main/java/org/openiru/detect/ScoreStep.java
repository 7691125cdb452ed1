package org.openiru.detect;

import java.util.List;
import org.openiru.store.queue.ItemJobs;
import org.openiru.store.queue.Job;
import org.openiru.store.queue.JobHandler;
import org.openiru.store.queue.JobQueue;

/**
 * The pipeline step that gives every item a current score: after each stored import batch, again after a
 * file the item carries was hashed and matched against the banks, and at start for items left without one
 * (the process stopped between a batch and its job). One job scores up to {@value #CHUNK} items.
 */
public final class ScoreStep implements JobHandler {
    public static final String QUEUE = "detect.score";
    static final int CHUNK = 500;

    private final ItemScores scores;
    private final JobQueue jobs;

    public ScoreStep(ItemScores scores, JobQueue jobs) {
        this.scores = scores;
        this.jobs = jobs;
    }

    /** Queues the items an import batch stored (new or changed text); {@code batchStart} keys the batch. */
    public void afterIngest(long sourceId, long batchStart, List<Long> itemIds) {
        enqueue("ingest:" + sourceId + ":" + batchStart, itemIds);
    }

    /** Queues the items that carry a file whose signals and bank hits were just stored; {@code key} names it. */
    public void afterHashing(String key, List<Long> itemIds) {
        enqueue(key, itemIds);
    }

    /** Queues every item that has no score or a score of an older text version. */
    public int enqueueUnscored() {
        int total = 0;
        long after = 0;
        for (List<Long> ids = scores.unscored(after, CHUNK); !ids.isEmpty(); ids = scores.unscored(after, CHUNK)) {
            // keyed by the time too: a range found unscored again later must be queued again (scoring twice is harmless)
            enqueue("unscored:" + ids.get(0) + "-" + ids.get(ids.size() - 1) + ":" + System.currentTimeMillis(), ids);
            after = ids.get(ids.size() - 1);
            total += ids.size();
        }
        return total;
    }

    private void enqueue(String key, List<Long> itemIds) {
        ItemJobs.enqueue(jobs, QUEUE, key, itemIds, CHUNK);
    }

    @Override
    public void handle(Job job) throws Exception {
        scores.score(ItemJobs.items(job));
    }
}
