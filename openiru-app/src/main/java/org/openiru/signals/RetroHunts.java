package org.openiru.signals;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.openiru.app.Json;
import org.openiru.hashing.Hash256;
import org.openiru.hashing.banks.SignalType;
import org.openiru.hashing.index.HashIndex;
import org.openiru.store.queue.Job;
import org.openiru.store.queue.JobQueue;

/**
 * Retro-hunt: when entries are added to a bank, the content seen before is matched against them, in the
 * background on the job queue ({@value #QUEUE}), with progress stored per hunt and shown on the bank page.
 *
 * <p>The job scans the stored content signals against a small index of just the new entries, and
 * re-matches each piece of content that hits one through {@link SignalMatcher} against all banks, so that
 * negative banks cancel as they do for new content. Re-running a hunt changes nothing (hits are keyed).
 */
public final class RetroHunts {
    public static final String QUEUE = "signals.retrohunt";
    private static final int PAGE = 1000;
    private final Jdbi jdbi;
    private final JobQueue jobs;
    private final SignalMatcher signalMatcher;
    private final Supplier<HashIndex> indexFactory;

    public RetroHunts(Jdbi jdbi, JobQueue jobs, SignalMatcher signalMatcher, Supplier<HashIndex> indexFactory) {
        this.jdbi = jdbi;
        this.jobs = jobs;
        this.signalMatcher = signalMatcher;
        this.indexFactory = indexFactory;
    }

    /** One hunt and how far it got. */
    public record Hunt(long id, long bankId, String state, long total, long scanned, long hits, Instant createdAt,
                       Instant finishedAt) {
        public int percent() {
            return total == 0 ? ("done".equals(state) ? 100 : 0) : (int) (100 * scanned / total);
        }
    }

    private record Payload(long hunt) {
    }

    /** Queues a hunt for entries just added to a bank; empty when none were added. */
    public Optional<Long> start(long bankId, List<IndexedEntry> added) {
        if (added.isEmpty()) {
            return Optional.empty();
        }
        long first = added.stream().mapToLong(IndexedEntry::id).min().orElseThrow();
        long last = added.stream().mapToLong(IndexedEntry::id).max().orElseThrow();
        long id = jdbi.withHandle(h -> h.createUpdate(
                        "INSERT INTO retrohunts (bank_id, first_entry, last_entry) VALUES (?, ?, ?)")
                .bind(0, bankId).bind(1, first).bind(2, last).executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class).one());
        jobs.enqueue(QUEUE, "retrohunt:" + id, Json.write(new Payload(id)));
        return Optional.of(id);
    }

    /** The latest hunts of a bank, newest first. */
    public List<Hunt> ofBank(long bankId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, bank_id, state, total, scanned, hits, created_at, "
                        + "finished_at FROM retrohunts WHERE bank_id = ? ORDER BY id DESC LIMIT ?")
                .bind(0, bankId).bind(1, limit)
                .map((rs, ctx) -> new Hunt(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant())).list());
    }

    /** The job handler. */
    public void run(Job job) throws Exception {
        long hunt = Json.MAPPER.readValue(job.payload(), Payload.class).hunt();
        Optional<long[]> range = jdbi.withHandle(h -> h.createQuery(
                        "SELECT bank_id, first_entry, last_entry FROM retrohunts WHERE id = ?").bind(0, hunt)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).findOne());
        if (range.isEmpty()) {
            return; // the bank was deleted, and its hunts with it
        }
        NewEntries targets = newEntries(range.get()[0], range.get()[1], range.get()[2]);
        long total = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM content_signals").mapTo(Long.class).one());
        progress(hunt, "running", total, 0, 0);
        long scanned = 0;
        Set<String> hitContent = new HashSet<>();
        String after = "";
        for (List<String[]> page; !(page = page(after)).isEmpty(); after = page.get(page.size() - 1)[0]) {
            for (String[] s : page) {
                if (targets.matches(SignalType.fromWireName(s[1]), s[2])) {
                    hitContent.add(s[0]);
                }
            }
            scanned += page.size();
            progress(hunt, "running", total, scanned, hitContent.size());
        }
        for (String ref : hitContent) {
            signalMatcher.matchAndRecord(ref, signalMatcher.signalsOf(ref));
        }
        progress(hunt, "done", total, scanned, hitContent.size());
    }

    /** Signals in keyset pages by content: every signal of a piece of content is in the same page or later. */
    private List<String[]> page(String afterRef) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT content_ref, signal_type, value FROM content_signals
                        WHERE content_ref IN (SELECT DISTINCT content_ref FROM content_signals WHERE content_ref > ?
                                              ORDER BY content_ref LIMIT ?)
                        ORDER BY content_ref""").bind(0, afterRef).bind(1, PAGE)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list());
    }

    private void progress(long hunt, String state, long total, long scanned, long hits) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE retrohunts SET state = ?, total = ?, scanned = ?, hits = ?, "
                        + "finished_at = CASE WHEN ? = 'done' THEN now() END WHERE id = ?")
                .bind(0, state).bind(1, total).bind(2, scanned).bind(3, hits).bind(4, state).bind(5, hunt).execute());
    }

    private NewEntries newEntries(long bankId, long first, long last) {
        NewEntries n = new NewEntries(indexFactory.get(), new HashMap<>(), jdbi.withHandle(h -> h.createQuery(
                "SELECT pdq_threshold FROM banks WHERE id = ?").bind(0, bankId).mapTo(Integer.class).findOne()).orElse(0));
        jdbi.useHandle(h -> h.createQuery("SELECT id, bank_id, content_id, signal_type, value, enabled_until "
                        + "FROM bank_entries WHERE bank_id = ? AND id BETWEEN ? AND ?").bind(0, bankId).bind(1, first)
                .bind(2, last).map(Banks::mapIndexed).forEach(n::add));
        return n;
    }

    /** Just the entries of one hunt: a PDQ index and the exact values by type. */
    private record NewEntries(HashIndex pdq, Map<SignalType, Set<String>> exact, int threshold) {
        void add(IndexedEntry e) {
            if (e.type() == SignalType.PDQ) {
                pdq.add(Hash256.fromHex(e.value()), e.id());
            } else {
                exact.computeIfAbsent(e.type(), t -> new HashSet<>()).add(e.value());
            }
        }

        boolean matches(SignalType type, String value) {
            return type == SignalType.PDQ ? !pdq.query(Hash256.fromHex(value), threshold).isEmpty()
                    : exact.getOrDefault(type, Set.of()).contains(value);
        }
    }
}
