package org.openiru.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.Actor;

/**
 * One import into one {@link Source}, for any connector: the connector reads its input on its own thread
 * and hands items to {@link #add}; full batches go to a writer thread, so reading and writing overlap (two
 * batches at most wait, which bounds memory). Each batch is one transaction: a crash loses at most the
 * batches not yet committed, and running the import again completes it. Not thread-safe: one reader.
 */
public final class IngestRun implements AutoCloseable {
    /** Errors kept in the source row; the rest are only counted. */
    static final int MAX_STORED_ERRORS = 1000;
    private static final List<IncomingItem> END = List.of();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IngestRun.class);

    private final Jdbi jdbi;
    private final Sources sources;
    private final Actor who;
    private final long sourceId;
    private final int batchSize;
    private final Ingest.Stored stored;
    private final ItemBatchWriter writer = new ItemBatchWriter();
    private final BlockingQueue<List<IncomingItem>> queue = new ArrayBlockingQueue<>(2);
    private final Thread writerThread;
    private final List<ImportError> errors = new ArrayList<>();
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong writeFailures = new AtomicLong();
    private List<IncomingItem> batch = new ArrayList<>();
    private Set<String> batchUrls = new HashSet<>();
    private long failed;
    private long skipped;
    private long errorCount;
    private volatile RuntimeException writerError;
    private boolean finished;

    IngestRun(Jdbi jdbi, Sources sources, Actor who, long sourceId, int batchSize, Ingest.Stored stored) {
        this.jdbi = jdbi;
        this.sources = sources;
        this.who = who;
        this.sourceId = sourceId;
        this.batchSize = batchSize;
        this.stored = stored;
        this.writerThread = new Thread(this::writeBatches, "ingest-writer-" + sourceId);
        writerThread.start();
    }

    public long sourceId() {
        return sourceId;
    }

    /** Items handed in so far (for progress). */
    public long itemsRead() {
        return read.get();
    }

    public void add(IncomingItem item) {
        // a batch holds each URL once, so that the set-wise write can tell new from updated
        if (!batchUrls.add(item.canonicalUrl()) || batch.size() >= batchSize) {
            flush();
            batchUrls.add(item.canonicalUrl());
        }
        batch.add(item);
        read.incrementAndGet();
    }

    /** An item that could not be read; the import goes on. */
    public void failed(ImportError e) {
        failed++;
        error(e);
    }

    /** A record that is not an item (e.g. a Telegram service message). */
    public void skipped() {
        skipped++;
    }

    /** A problem that does not make an item fail (e.g. a refused media file). */
    public void error(ImportError e) {
        synchronized (errors) { // the writer thread reports batches that failed
            errorCount++;
            if (errors.size() < MAX_STORED_ERRORS) {
                errors.add(e);
            }
        }
    }

    /** Writes what is left and closes the source; {@code fatal} (nullable) stopped the reading early. */
    public Source finish(ImportError fatal) {
        if (fatal != null) {
            error(fatal);
        }
        flush();
        put(END);
        join();
        finished = true;
        String status = fatal == null && writeFailures.get() == 0 ? Source.FINISHED : Source.FAILED;
        sources.finish(who, sourceId, status, failed + writeFailures.get(), skipped, List.copyOf(errors),
                errorCount);
        return sources.find(sourceId).orElseThrow();
    }

    /** Stops the writer when the reader failed unexpectedly; the source stays "running" (incomplete). */
    @Override
    public void close() {
        if (!finished) {
            put(END);
            join();
        }
    }

    private void flush() {
        if (!batch.isEmpty()) {
            put(batch);
            batch = new ArrayList<>(batchSize);
            batchUrls = new HashSet<>();
        }
    }

    private void put(List<IncomingItem> items) {
        try {
            queue.put(items);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing a batch to the writer", e);
        }
        if (writerError != null) {
            throw writerError;
        }
    }

    private void join() {
        try {
            writerThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the writer", e);
        }
    }

    private void writeBatches() {
        try (Handle h = jdbi.open()) {
            for (List<IncomingItem> items = take(); items != END; items = take()) {
                writeOne(h, items);
            }
        } catch (RuntimeException e) {
            writerError = e;
            queue.clear();
        }
    }

    private void writeOne(Handle h, List<IncomingItem> items) {
        long first = written.get() + 1;
        try {
            ItemBatchWriter.Result r = h.inTransaction(tx -> {
                ItemBatchWriter.Result result = writer.write(tx, sourceId, items);
                sources.addCounts(tx, sourceId, result.counts());
                return result;
            });
            tellStored(first, r.storedItems());
            if (r.lost() > 0) {
                writeFailures.addAndGet(r.lost());
                error(new ImportError("", "items " + first + "-" + (first + items.size() - 1),
                        r.lost() + " items were written at the same time by another import; run this import "
                                + "again to complete it"));
            }
        } catch (Exception e) {
            // the batch's transaction was rolled back: none of it is stored, the rest of the import goes on
            writeFailures.addAndGet(items.size());
            error(new ImportError("", "items " + first + "-" + (first + items.size() - 1),
                    "batch not stored: " + e.getMessage()));
        }
        written.addAndGet(items.size());
    }

    /** The batch is committed whatever happens here; items not handed on are found again at the next start. */
    private void tellStored(long first, List<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return;
        }
        try {
            stored.stored(sourceId, first, itemIds);
        } catch (RuntimeException e) {
            LOG.warn("Source {}: items {}-{} stored but not handed to the next step: {}", sourceId, first,
                    first + itemIds.size() - 1, e.toString());
        }
    }

    private List<IncomingItem> take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return END;
        }
    }
}
