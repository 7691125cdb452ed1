package org.openiru.detect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openiru.app.Json;
import org.openiru.store.queue.ItemJobs;
import org.openiru.store.queue.Job;
import org.openiru.store.queue.JobHandler;
import org.openiru.store.queue.JobQueue;
import org.openiru.store.queue.Periodic;

/**
 * The pipeline step that gives every item a current score: after each stored import batch, again after a
 * file the item carries was hashed and matched against the banks, and at start for items left without one
 * (the process stopped between a batch and its job). One job scores up to {@value #CHUNK} items.
 *
 * <p>{@value #SWEEP}, every {@link #EVERY}, queues what changed under existing scores since the last round
 * ({@link ItemScores#affectedSince}): every item when the reference data or the model changed (a supervisor's
 * edit, a trained model), the items carrying a file that got a new bank hit (a retro-hunt, a bank import), and
 * the items whose author, forwarded-from account or outlinks relate to a newly assessed item.
 */
public final class ScoreStep implements JobHandler {
    public static final String QUEUE = "detect.score";
    public static final String SWEEP = "detect.sweep";
    static final Duration EVERY = Duration.ofMinutes(1);
    static final int CHUNK = 500;

    private final ItemScores scores;
    private final JobQueue jobs;
    private final Periodic sweeps;
    private final Clock clock;

    public ScoreStep(ItemScores scores, JobQueue jobs, Clock clock) {
        this.scores = scores;
        this.jobs = jobs;
        this.sweeps = new Periodic(jobs, SWEEP, EVERY);
        this.clock = clock;
    }

    /** What the previous sweep saw: its time and the scorer's model version then. */
    record Sweep(Instant since, String model) {
    }

    /**
     * Makes sure a sweep is queued (called at every start). Its first round compares every score's version with
     * the current one (none is assumed seen), so a new shipped model or reference version rescores what it changes.
     */
    public void scheduleSweep() {
        sweeps.schedule(payload(new Sweep(clock.instant(), "")));
    }

    /** The handler of {@value #SWEEP}: queues the affected items, then the next round. */
    public void handleSweep(Job job) throws Exception {
        var payload = Json.MAPPER.readTree(job.payload());
        Sweep last = new Sweep(Instant.parse(payload.get("since").asText()), payload.get("model").asText());
        Instant now = clock.instant();
        String model = scores.currentModel();
        List<Long> affected = scores.affectedSince(last.since(), !model.equals(last.model()));
        enqueue("sweep:" + job.id(), affected);
        sweeps.scheduleNext(payload(new Sweep(now, model)));
    }

    /** The sweep's rounds run in real time ({@link Periodic}); what they compare is the application's time. */
    private static String payload(Sweep sweep) {
        return Json.write(Map.of("since", sweep.since().toString(), "model", sweep.model()));
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
