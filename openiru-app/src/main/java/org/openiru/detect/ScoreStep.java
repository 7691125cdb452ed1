package org.openiru.detect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openiru.app.Json;
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

    /**
     * Wraps the hashing step so that, once a file's signals and bank hits are stored, the items carrying it
     * are scored again with those hits.
     */
    public JobHandler afterHashing(JobHandler hashing) {
        return job -> {
            hashing.handle(job);
            String sha256 = Json.MAPPER.readTree(job.payload()).get("sha256").asText();
            enqueue("hashed:" + sha256 + ":" + job.id(), scores.itemsWithBlob(sha256));
        };
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
        for (int from = 0; from < itemIds.size(); from += CHUNK) {
            List<Long> chunk = itemIds.subList(from, Math.min(itemIds.size(), from + CHUNK));
            jobs.enqueue(QUEUE, key + "#" + from, Json.write(Map.of("items", chunk)));
        }
    }

    @Override
    public void handle(Job job) throws Exception {
        JsonNode items = Json.MAPPER.readTree(job.payload()).get("items");
        List<Long> ids = new ArrayList<>(items.size());
        items.forEach(n -> ids.add(n.asLong()));
        scores.score(ids);
    }
}
