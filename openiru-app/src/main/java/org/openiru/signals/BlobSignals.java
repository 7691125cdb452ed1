package org.openiru.signals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.openiru.app.Json;
import org.openiru.evidence.Blob;
import org.openiru.evidence.BlobStore;
import org.openiru.hashing.HashingException;
import org.openiru.hashing.banks.SignalType;
import org.openiru.store.queue.Job;
import org.openiru.store.queue.JobHandler;
import org.openiru.store.queue.JobQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline step after evidence: every stored file gets its signals (MD5 and SHA-256 always, PDQ for
 * images, video MD5 for videos; vPDQ banks are not built yet) and is matched against the banks; each match becomes a hit on the file, and so on every item that
 * carries it. One job per file, keyed by its SHA-256, so a file is hashed once however often it arrives.
 */
public final class BlobSignals implements JobHandler {
    public static final String QUEUE = "signals.blob";
    private static final Logger LOG = LoggerFactory.getLogger(BlobSignals.class);

    private final BlobStore blobs;
    private final MediaHasher hasher;
    private final SignalMatcher matcher;
    private final JobQueue jobs;
    private final Jdbi jdbi;

    public BlobSignals(BlobStore blobs, MediaHasher hasher, SignalMatcher matcher, JobQueue jobs, Jdbi jdbi) {
        this.blobs = blobs;
        this.hasher = hasher;
        this.matcher = matcher;
        this.jobs = jobs;
        this.jdbi = jdbi;
    }

    /** Queues a newly stored file (the evidence store calls this). */
    public static void enqueue(JobQueue jobs, Blob blob) {
        jobs.enqueue(QUEUE, blob.sha256(), Json.write(Map.of("sha256", blob.sha256())));
    }

    /** Queues the files that have no signals yet, e.g. because the process stopped before their job was made. */
    public int enqueueMissing() {
        List<String> missing = jdbi.withHandle(h -> h.createQuery("""
                SELECT b.sha256 FROM blobs b
                WHERE NOT EXISTS (SELECT 1 FROM content_signals c WHERE c.content_ref = b.sha256)""")
                .mapTo(String.class).list());
        missing.forEach(sha -> jobs.enqueue(QUEUE, sha, Json.write(Map.of("sha256", sha))));
        return missing.size();
    }

    @Override
    public void handle(Job job) throws Exception {
        JsonNode payload = Json.MAPPER.readTree(job.payload());
        String sha256 = payload.get("sha256").asText();
        Blob blob = blobs.find(sha256).orElseThrow(() -> new IllegalStateException("No blob " + sha256));
        List<ContentSignal> signals = new ArrayList<>();
        signals.add(new ContentSignal(SignalType.SHA256, blob.sha256(), null));
        signals.add(new ContentSignal(SignalType.MD5, blob.md5(), null));
        if (blob.mediaType().startsWith("video/")) {
            // HMA's video_md5 is the MD5 of the whole file; banks of it match re-posts of the same upload.
            signals.add(new ContentSignal(SignalType.VIDEO_MD5, blob.md5(), null));
        }
        if (blob.mediaType().startsWith("image/")) {
            try {
                MediaHashes h = hasher.hash(blobs.path(sha256));
                signals.add(new ContentSignal(SignalType.PDQ, h.pdq(), h.quality()));
            } catch (HashingException e) {
                // A damaged or oversized picture still matches by its exact hashes; the reason is logged.
                LOG.warn("No PDQ for blob {}: {}", sha256, e.getMessage());
            }
        }
        matcher.matchAndRecord(sha256, signals);
    }
}
