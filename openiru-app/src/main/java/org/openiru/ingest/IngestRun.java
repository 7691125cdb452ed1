package org.openiru.ingest;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.Actor;

/**
 * One import into one {@link Source}, for any connector: the connector reads its input on its own thread
 * and hands items to {@link #add}; full batches go to writer threads, so reading and writing overlap. There
 * are {@code writers} writers, each with its own connection, because the database is the slower half of an
 * import; items are shared out by their canonical URL, so one URL always goes to the same writer, in the
 * order read: versions come out in input order and two writers never race for one key. Each batch is one
 * transaction: a crash loses at most the batches not yet committed, and running the import again completes
 * it. Memory is bounded: per writer, two batches wait and one is filled. Not thread-safe: one reader.
 */
public final class IngestRun implements AutoCloseable {
    /** Errors kept in the source row; the rest are only counted. */
    static final int MAX_STORED_ERRORS = 1000;
    /** A deadlock between two writers (possible only on actors) rolls the batch back; it is tried again. */
    private static final int ATTEMPTS = 3;
    private static final Batch END = new Batch(0);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IngestRun.class);

    private final Jdbi jdbi;
    private final Sources sources;
    private final Actor who;
    private final long sourceId;
    private final int batchSize;
    private final Ingest.Stored stored;
    private final ItemBatchWriter writer = new ItemBatchWriter();
    private final Partition[] partitions;
    private final List<ImportError> errors = new ArrayList<>();
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong writeFailures = new AtomicLong();
    private long failed;
    private long skipped;
    private long errorCount;
    private volatile RuntimeException writerError;
    private boolean finished;

    IngestRun(Jdbi jdbi, Sources sources, Actor who, long sourceId, int batchSize, int writers,
              Ingest.Stored stored) {
        this.jdbi = jdbi;
        this.sources = sources;
        this.who = who;
        this.sourceId = sourceId;
        this.batchSize = batchSize;
        this.stored = stored;
        this.partitions = new Partition[writers];
        for (int i = 0; i < writers; i++) {
            partitions[i] = new Partition("ingest-writer-" + sourceId + "-" + i);
        }
    }

    public long sourceId() {
        return sourceId;
    }

    /** Items handed in so far (for progress). */
    public long itemsRead() {
        return read.get();
    }

    public void add(IncomingItem item) {
        Partition p = partitions[Math.floorMod(item.canonicalUrl().hashCode(), partitions.length)];
        long ordinal = read.incrementAndGet();
        // a batch holds each URL once, so that the set-wise write can tell new from updated
        if (!p.batch.urls.add(item.canonicalUrl()) || p.batch.items.size() >= batchSize) {
            p.flush();
            p.batch.urls.add(item.canonicalUrl());
        }
        p.batch.add(item, ordinal);
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
        for (Partition p : partitions) {
            p.flush();
        }
        stopWriters();
        if (writerError != null) {
            throw writerError;
        }
        finished = true;
        String status = fatal == null && writeFailures.get() == 0 ? Source.FINISHED : Source.FAILED;
        sources.finish(who, sourceId, status, failed + writeFailures.get(), skipped, List.copyOf(errors),
                errorCount);
        return sources.find(sourceId).orElseThrow();
    }

    /** Stops the writers when the reader failed unexpectedly; the source stays "running" (incomplete). */
    @Override
    public void close() {
        if (!finished) {
            stopWriters();
        }
    }

    private void stopWriters() {
        for (Partition p : partitions) {
            p.end();
        }
        for (Partition p : partitions) {
            p.join();
        }
    }

    private void writeOne(Handle h, Batch b) {
        String items = b.items.size() + " items between items " + b.first + " and " + b.last;
        for (int attempt = 1; ; attempt++) {
            try {
                ItemBatchWriter.Result r = h.inTransaction(tx -> {
                    // A batch need not wait for its commit to reach the disk: a crash can lose only the last
                    // batches, never half of one, and the source then stays "running" until the import is run
                    // again. Finishing the source is a normal commit, which makes every batch before it durable.
                    tx.execute("SET LOCAL synchronous_commit = off");
                    ItemBatchWriter.Result result = writer.write(tx, sourceId, b.items);
                    sources.addCounts(tx, sourceId, result.counts());
                    return result;
                });
                tellStored(b.first, r.storedItems());
                if (r.lost() > 0) {
                    writeFailures.addAndGet(r.lost());
                    error(new ImportError("", items, r.lost() + " items were written at the same time by another "
                            + "import; run this import again to complete it"));
                }
                return;
            } catch (Exception e) {
                if (attempt < ATTEMPTS && isDeadlock(e)) {
                    continue;
                }
                // the batch's transaction was rolled back: none of it is stored, the rest of the import goes on
                writeFailures.addAndGet(b.items.size());
                error(new ImportError("", items, "batch not stored: " + e.getMessage()));
                return;
            }
        }
    }

    /** The batch is committed whatever happens here; items not handed on are found again at the next start. */
    private void tellStored(long first, List<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return;
        }
        try {
            stored.stored(sourceId, first, itemIds);
        } catch (RuntimeException e) {
            LOG.warn("Source {}: {} items of the batch from item {} stored but not handed to the next step: {}",
                    sourceId, itemIds.size(), first, e.toString());
        }
    }

    /** PostgreSQL broke a deadlock (40P01) or a serialisation conflict (40001) by rolling this batch back. */
    private static boolean isDeadlock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40P01".equals(sql.getSQLState())
                    || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Items of one batch with their places in the input (for errors). */
    private static final class Batch {
        final List<IncomingItem> items;
        final Set<String> urls = new HashSet<>();
        long first;
        long last;

        Batch(int capacity) {
            items = new ArrayList<>(capacity);
        }

        void add(IncomingItem item, long ordinal) {
            if (items.isEmpty()) {
                first = ordinal;
            }
            last = ordinal;
            items.add(item);
        }
    }

    /** The batches of one writer: the one being filled, those waiting, and the thread that writes them. */
    private final class Partition {
        private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2);
        private final Thread thread;
        private Batch batch = new Batch(batchSize);

        Partition(String name) {
            thread = new Thread(this::writeBatches, name);
            thread.start();
        }

        void flush() {
            if (!batch.items.isEmpty()) {
                put(batch);
                batch = new Batch(batchSize);
            }
        }

        void put(Batch b) {
            try {
                queue.put(b);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while handing a batch to the writer", e);
            }
            if (writerError != null) {
                throw writerError;
            }
        }

        /** Tells the writer to stop after what it has; never blocks on a writer that already died. */
        void end() {
            try {
                while (thread.isAlive() && !queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                    // the writer is busy with a waiting batch
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void join() {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the writer", e);
            }
        }

        private void writeBatches() {
            try (Handle h = jdbi.open()) {
                for (Batch b = take(); b != END; b = take()) {
                    writeOne(h, b);
                }
            } catch (RuntimeException e) {
                writerError = e;
                queue.clear();
            }
        }

        private Batch take() {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return END;
            }
        }
    }
}
