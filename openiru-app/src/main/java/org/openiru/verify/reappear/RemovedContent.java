package org.openiru.verify.reappear;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openiru.store.Rows;
import org.openiru.audit.Actor;
import org.openiru.detect.cases.TextPrint;
import org.openiru.hashing.banks.SignalType;
import org.openiru.signals.Bank;
import org.openiru.signals.BankInput;
import org.openiru.signals.Banks;
import org.openiru.signals.IndexedEntry;
import org.openiru.signals.NewEntry;
import org.openiru.signals.RetroHunts;
import org.openiru.text.simhash.SimHash;
import org.openiru.web.ApiException;

/**
 * Learns which items were removed (the contract view {@code referral_item_removals}) and keeps what matching
 * needs of each: its text's SimHash, its actor's handle, and its pictures' PDQ hashes as entries of the system
 * bank {@value #BANK}, so that the signals feature's in-memory index matches every later upload against them
 * and its retro-hunt matches what was stored before. All of it survives the purge of the content itself.
 */
public final class RemovedContent {
    public static final String BANK = "REMOVED_CONTENT";
    /** PDQ hashes below this quality (flat or tiny pictures) match too much to stand for removed content. */
    static final int MIN_PDQ_QUALITY = 50;
    private static final int ROUND = 200;
    static final Actor SYSTEM = Actor.system("reappearance");

    private final Jdbi jdbi;
    private final Banks banks;
    private final RetroHunts hunts;
    private final Clock clock;

    public RemovedContent(Jdbi jdbi, Banks banks, RetroHunts hunts, Clock clock) {
        this.jdbi = jdbi;
        this.banks = banks;
        this.hunts = hunts;
        this.clock = clock;
    }

    /** A removed item just prepared: the earliest removal time tells the retro pass where to start. */
    public record Prepared(long caseId, long itemId, Instant removedAt) {
    }

    /** Records removals not known yet; returns how many. */
    public int learn() {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO reappear_removed (case_id, item_id, platform_id, unit_id, removed_at, known_at, entity,
                            actor_id, handle)
                        SELECT DISTINCT ON (r.case_id, r.item_id) r.case_id, r.item_id, r.platform_id, c.unit_id,
                               r.removed_at, :now, ri.entity, i.actor_id, reappear_handle(a.handle)
                        FROM referral_item_removals r
                        JOIN referral_items ri ON ri.id = r.referral_item_id
                        JOIN review_cases c ON c.id = r.case_id
                        JOIN items i ON i.id = r.item_id
                        LEFT JOIN actors a ON a.id = i.actor_id
                        WHERE NOT EXISTS (SELECT 1 FROM reappear_removed x WHERE x.case_id = r.case_id
                                          AND x.item_id = r.item_id)
                        ORDER BY r.case_id, r.item_id, r.removed_at
                        ON CONFLICT DO NOTHING""").bind("now", Rows.utc(clock.instant())).execute());
    }

    /**
     * Prepares learnt removed items: their text print and their PDQ entries in the bank (with a retro-hunt). An
     * item whose files are not hashed yet waits for a later round. Safe to repeat after a crash: the bank keeps
     * a signal once and the hunt changes nothing the second time.
     */
    public List<Prepared> prepare() {
        List<Prepared> done = new ArrayList<>();
        for (List<Prepared> round = prepareRound(); !round.isEmpty(); round = prepareRound()) {
            done.addAll(round);
        }
        return done;
    }

    private record Pending(long caseId, long itemId, Instant removedAt, String entity, String text) {
    }

    private record Pdq(String blob, String value) {
    }

    private List<Prepared> prepareRound() {
        List<Pending> pending = jdbi.withHandle(h -> h.createQuery("""
                        SELECT r.case_id, r.item_id, r.removed_at, r.entity, COALESCE(v.text, '')
                        FROM reappear_removed r JOIN items i ON i.id = r.item_id
                        LEFT JOIN item_versions v ON v.item_id = i.id AND v.version = i.current_version
                        WHERE r.prepared_at IS NULL
                          AND NOT EXISTS (SELECT 1 FROM item_blobs b WHERE b.item_id = r.item_id AND NOT b.missing
                                          AND NOT EXISTS (SELECT 1 FROM content_signals s
                                                          WHERE s.content_ref = b.blob_sha256))
                        ORDER BY r.known_at, r.case_id, r.item_id LIMIT ?""").bind(0, ROUND)
                .map((rs, c) -> new Pending(rs.getLong(1), rs.getLong(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getString(5))).list());
        List<Prepared> out = new ArrayList<>();
        for (Pending p : pending) {
            List<Pdq> pdqs = jdbi.withHandle(h -> h.createQuery("""
                            SELECT DISTINCT b.blob_sha256, s.value FROM item_blobs b
                            JOIN content_signals s ON s.content_ref = b.blob_sha256 AND s.signal_type = 'pdq'
                            WHERE b.item_id = ? AND COALESCE(s.quality, 100) >= ?""")
                    .bind(0, p.itemId()).bind(1, MIN_PDQ_QUALITY)
                    .map((rs, c) -> new Pdq(rs.getString(1), rs.getString(2))).list());
            if (!pdqs.isEmpty()) {
                bank(p, pdqs);
            }
            TextPrint print = TextPrint.of(p.text());
            jdbi.useHandle(h -> h.createUpdate("""
                            UPDATE reappear_removed SET text_simhash = ?, text_words = ?, prepared_at = ?
                            WHERE case_id = ? AND item_id = ?""")
                    .bind(0, print.simhash()).bind(1, print.words()).bind(2, Rows.utc(clock.instant()))
                    .bind(3, p.caseId()).bind(4, p.itemId()).execute());
            out.add(new Prepared(p.caseId(), p.itemId(), p.removedAt()));
        }
        return out;
    }

    private void bank(Pending p, List<Pdq> pdqs) {
        Bank bank = removedBank();
        List<NewEntry> entries = pdqs.stream().map(q -> new NewEntry(SignalType.PDQ, q.value(), p.entity(),
                List.of("removed-case:" + p.caseId()), "item " + p.itemId() + " of removed case #" + p.caseId(),
                null, null)).toList();
        Banks.Added added = banks.addEntries(SYSTEM, bank.id(), entries, "removed case #" + p.caseId());
        List<IndexedEntry> fresh = added.added();
        hunts.start(bank.id(), fresh);
        jdbi.useTransaction(h -> {
            for (Pdq q : pdqs) {
                h.createUpdate("""
                                INSERT INTO reappear_bank_entries (entry_id, case_id, item_id, blob_sha256)
                                SELECT e.id, ?, ?, ? FROM bank_entries e
                                WHERE e.bank_id = ? AND e.signal_type = 'pdq' AND e.value = ?
                                ON CONFLICT DO NOTHING""")
                        .bind(0, p.caseId()).bind(1, p.itemId()).bind(2, q.blob()).bind(3, bank.id())
                        .bind(4, SignalType.PDQ.normalise(q.value())).execute();
            }
        });
    }

    /** The system bank, made when missing (the first time, or after someone deleted it). */
    Bank removedBank() {
        return banks.findByName(BANK).orElseGet(() -> {
            try {
                return banks.create(SYSTEM, new BankInput(BANK, "Pictures of removed content (system bank of "
                        + "reappearance detection; see docs/reappearance.md)", Bank.KNOWN, BankInput.DEFAULT_PDQ_THRESHOLD, true, "local", ""));
            } catch (ApiException e) {
                return banks.byName(BANK); // another process made it a moment ago
            }
        });
    }

    /** Items first seen after {@code since}, in id order after {@code afterId}: the retro pass's candidates. */
    List<Long> seenAfter(Instant since, long afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id FROM items WHERE collected_at > ? AND id > ? ORDER BY id LIMIT ?""")
                .bind(0, Rows.utc(since)).bind(1, afterId).bind(2, limit).mapTo(Long.class).list());
    }

    /** Items whose files hit a REMOVED_CONTENT entry and have no picture reappearance for its case yet. */
    List<Long> unresolvedPictureHits() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT DISTINCT b.item_id FROM hits t
                        JOIN reappear_bank_entries e ON e.entry_id = t.entry_id
                        JOIN item_blobs b ON b.blob_sha256 = t.content_ref
                        JOIN items i ON i.id = b.item_id
                        JOIN reappear_removed r ON r.case_id = e.case_id AND r.item_id = e.item_id
                        WHERE NOT t.cancelled_by_negative AND i.collected_at > r.removed_at
                          AND b.blob_sha256 <> e.blob_sha256
                          AND NOT EXISTS (SELECT 1 FROM review_case_items m WHERE m.case_id = r.case_id
                                          AND m.item_id = b.item_id)
                          AND NOT EXISTS (SELECT 1 FROM reappearances x WHERE x.item_id = b.item_id
                                          AND x.removed_case_id = r.case_id AND x.how = 'pdq')
                        ORDER BY 1""").mapTo(Long.class).list());
    }

}
