package org.openiru.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.openiru.app.Json;
import org.openiru.audit.Actor;
import org.openiru.evidence.Blob;
import org.openiru.evidence.BlobStore;
import org.openiru.store.queue.Job;
import org.openiru.store.queue.JobHandler;
import org.openiru.store.queue.JobQueue;
import org.openiru.web.ApiException;

/**
 * Imports started from the web page. The uploaded file is first kept as evidence (a blob, so the source of
 * every imported item stays available), then a durable job imports it; a crash during the import makes the
 * job run again, which is safe because imports are idempotent.
 */
public final class UploadImports implements JobHandler {
    public static final String QUEUE = "ingest.upload";
    public static final Duration LEASE = Duration.ofHours(2);

    /** Imports one stored file of one kind, as {@code who}, under a source named {@code name}. */
    public interface Importer {
        Source run(Actor who, Path file, String name) throws IOException;
    }

    private final Map<String, Importer> importers;
    private final BlobStore blobs;
    private final JobQueue jobs;
    private final Jdbi jdbi;

    public UploadImports(Map<String, Importer> importers, BlobStore blobs, JobQueue jobs, Jdbi jdbi) {
        this.importers = Map.copyOf(importers);
        this.blobs = blobs;
        this.jobs = jobs;
        this.jdbi = jdbi;
    }

    public Set<String> kinds() {
        return importers.keySet();
    }

    /** Keeps the upload as a blob and queues its import; returns the job's key. */
    public String submit(Actor who, String kind, String fileName, String sourceName, InputStream content)
            throws IOException {
        if (!importers.containsKey(kind)) {
            throw ApiException.badRequest("kind", "Kind must be one of " + String.join(", ", importers.keySet()));
        }
        Blob blob = blobs.put(content, fileName, BlobStore.DEFAULT_MAX_BYTES);
        String name = sourceName == null || sourceName.isBlank() ? fileName : sourceName.strip();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", kind);
        payload.put("sha256", blob.sha256());
        payload.put("name", name);
        payload.put("fileName", fileName);
        payload.put("actorId", who.userId());
        payload.put("actorName", who.name());
        payload.put("unitId", who.unitId());
        String key = kind + ":" + blob.sha256() + ":" + System.nanoTime();
        jobs.enqueue(QUEUE, key, Json.write(payload));
        return key;
    }

    @Override
    public void handle(Job job) throws Exception {
        JsonNode p = Json.MAPPER.readTree(job.payload());
        Actor who = new Actor(p.get("actorId").isNull() ? null : p.get("actorId").asLong(), p.get("actorName").asText(),
                p.get("unitId").isNull() ? null : p.get("unitId").asLong(), "job:" + job.id());
        importers.get(p.get("kind").asText()).run(who, blobs.path(p.get("sha256").asText()), p.get("name").asText());
    }

    /** An upload waiting for, or stuck in, its import job (shown until its source appears). */
    public record Pending(long jobId, String state, String kind, String fileName, int attempts, String lastError) {
    }

    public List<Pending> pending() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, state, payload->>'kind', payload->>'fileName', attempts, last_error
                        FROM jobs WHERE queue = ? AND state IN ('ready', 'running', 'dead') ORDER BY id DESC LIMIT 50""")
                .bind(0, QUEUE)
                .map((rs, c) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6)))
                .list());
    }
}
