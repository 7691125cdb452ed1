package org.openiru.signals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.openiru.hashing.banks.SignalType;

/**
 * Stores the signals of a piece of content and records its bank matches as hits. The ingest pipeline calls
 * {@link #matchAndRecord} for every new image blob; retro-hunts call it again for content that matches newly
 * banked entries. Idempotent: a hit is keyed by content and entry, and a second run updates it.
 */
public final class SignalMatcher {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private final Jdbi jdbi;
    private final BankMatcher matcher;

    public SignalMatcher(Jdbi jdbi, BankMatcher matcher) {
        this.jdbi = jdbi;
        this.matcher = matcher;
    }

    /** @param contentRef the SHA-256 of the content's blob */
    public List<BankMatch> matchAndRecord(String contentRef, List<ContentSignal> signals) {
        if (!SHA256.matcher(contentRef).matches()) {
            throw new IllegalArgumentException("content ref must be a blob's SHA-256 in lower-case hex: " + contentRef);
        }
        Map<SignalType, String> byType = new LinkedHashMap<>();
        signals.forEach(s -> byType.put(s.type(), s.type().normalise(s.value())));
        List<BankMatch> matches = matcher.match(byType, null);
        jdbi.useTransaction(h -> {
            PreparedBatch store = h.prepareBatch("""
                    INSERT INTO content_signals (content_ref, signal_type, value, quality) VALUES (?, ?, ?, ?)
                    ON CONFLICT (content_ref, signal_type) DO UPDATE SET value = excluded.value,
                        quality = excluded.quality, computed_at = now()""");
            signals.forEach(s -> store.add(contentRef, s.type().wireName(), byType.get(s.type()), s.quality()));
            store.execute();
            if (matches.isEmpty()) {
                return;
            }
            PreparedBatch hits = h.prepareBatch("""
                    INSERT INTO hits (content_ref, bank_id, entry_id, signal_type, distance, entity, tags,
                        cancelled_by_negative, cancel_reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (content_ref, entry_id) DO UPDATE SET distance = excluded.distance,
                        entity = excluded.entity, tags = excluded.tags,
                        cancelled_by_negative = excluded.cancelled_by_negative, cancel_reason = excluded.cancel_reason""");
            matches.forEach(m -> hits.add(contentRef, m.bankId(), m.entryId(), m.signalType(), m.distance(),
                    m.entity(), m.tags().toArray(String[]::new), m.cancelled(), m.cancelReason()));
            hits.execute();
        });
        return matches;
    }

    /** The stored signals of a piece of content. */
    List<ContentSignal> signalsOf(String contentRef) {
        return jdbi.withHandle(h -> h.createQuery("SELECT signal_type, value, quality FROM content_signals "
                        + "WHERE content_ref = ?").bind(0, contentRef)
                .map((rs, ctx) -> new ContentSignal(SignalType.fromWireName(rs.getString(1)), rs.getString(2),
                        (Integer) rs.getObject(3))).list());
    }

    /** The recorded hits of a piece of content, nearest first. */
    public List<Hit> hitsOf(String contentRef) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT h.bank_id, b.name, h.entry_id, h.distance, h.cancelled_by_negative, h.cancel_reason
                        FROM hits h JOIN banks b ON b.id = h.bank_id WHERE h.content_ref = ?
                        ORDER BY h.distance, h.entry_id""").bind(0, contentRef)
                .map((rs, ctx) -> new Hit(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                        rs.getBoolean(5), rs.getString(6))).list());
    }

    /** A recorded hit, as the review desk will read it. */
    public record Hit(long bankId, String bank, long entryId, int distance, boolean cancelled, String cancelReason) {
    }
}
