package org.openiru.detect.cases;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.openiru.store.queue.ItemJobs;
import org.openiru.store.queue.Job;
import org.openiru.store.queue.JobHandler;
import org.openiru.store.queue.JobQueue;

/**
 * The pipeline step after scoring ({@code detect.score}): every scored item is clustered into cases. Queued with
 * the items of each finished scoring job, and at start for scored items never clustered (or clustered at an older
 * text version). Clustering an item twice gives it no second case.
 */
public final class ClusterStep implements JobHandler {
    public static final String QUEUE = "detect.cluster";
    static final int CHUNK = 500;

    private final CaseClustering clustering;
    private final JobQueue jobs;
    private final Jdbi jdbi;

    public ClusterStep(CaseClustering clustering, JobQueue jobs, Jdbi jdbi) {
        this.clustering = clustering;
        this.jobs = jobs;
        this.jdbi = jdbi;
    }

    /** Queues the items a scoring job just scored; {@code key} names that job. */
    public void afterScoring(String key, List<Long> itemIds) {
        ItemJobs.enqueue(jobs, QUEUE, key, itemIds, CHUNK);
    }

    /** Queues every scored item whose current text version was not clustered. */
    public int enqueueUnclustered() {
        int total = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = jdbi.withHandle(h -> h.createQuery("""
                    SELECT s.item_id FROM item_scores s LEFT JOIN detect_cluster_items c ON c.item_id = s.item_id
                    WHERE s.item_id > ? AND (c.item_id IS NULL OR c.item_version <> s.item_version)
                    ORDER BY s.item_id LIMIT ?""").bind(0, from).bind(1, CHUNK).mapTo(Long.class).list());
            if (ids.isEmpty()) {
                return total;
            }
            // keyed by the time too: a range found unclustered again later must be queued again
            ItemJobs.enqueue(jobs, QUEUE, "unclustered:" + ids.get(0) + "-" + ids.get(ids.size() - 1) + ":"
                    + System.currentTimeMillis(), ids, CHUNK);
            after = ids.get(ids.size() - 1);
            total += ids.size();
        }
    }

    @Override
    public void handle(Job job) throws Exception {
        clustering.cluster(ItemJobs.items(job));
    }
}
