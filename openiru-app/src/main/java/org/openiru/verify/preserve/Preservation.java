package org.openiru.verify.preserve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openiru.store.Rows;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;
import org.openiru.auth.Authenticator;
import org.openiru.evidence.BlobStore;
import org.openiru.web.ApiException;
import org.openiru.web.Pages;
import org.openiru.web.Routes;

/**
 * TCO Art. 6 for the unit's own copy (docs/preservation.md): removed content is kept for the preservation period
 * after its removal, longer while a legal hold covers it, and then purged: its text, raw records, outlinks,
 * score reasons and the files no kept item carries. What the records and statistics need stays: the item row
 * with its URL, hashes, referrals and answers, cases, and the audit trail, where each purge is one event.
 */
public final class Preservation {
    private static final Actor PURGE = Actor.system("preservation-purge");
    private static final int MAX_REASON = 2000;
    private static final int ROUND = 200;
    /** Holds in force at :now on the item or on a case that holds it or referred it. */
    private static final String HOLDS_OF_ITEM = """
            SELECT ph.id FROM preserve_holds ph
            WHERE ph.lifted_at IS NULL AND (ph.ends_at IS NULL OR ph.ends_at > :now)
              AND (ph.item_id = :item
                   OR ph.case_id IN (SELECT case_id FROM review_case_items WHERE item_id = :item)
                   OR ph.case_id IN (SELECT case_id FROM referral_items WHERE item_id = :item))""";

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final BlobStore blobs;
    private final Duration period;
    private final Clock clock;

    public Preservation(Jdbi jdbi, AuditLog audit, BlobStore blobs, Duration period, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.blobs = blobs;
        this.period = period;
        this.clock = clock;
    }

    /** A legal hold as shown; {@code item}/{@code caseId}: what it covers (one of them). */
    public record LegalHold(long id, Long caseId, Long itemId, String reason, Instant endsAt, long unitId,
                            String unit, String placedBy, Instant placedAt) {
    }

    /** What is asked for a new hold: exactly one of caseId and itemId; {@code until} null: until lifted. */
    public record NewHold(Long caseId, Long itemId, String reason, Instant until) {
    }

    /**
     * An item's preservation: {@code removedAt} null when it was never removed (nothing is purged);
     * {@code purgedAt} set once its content is gone.
     */
    public record Status(long itemId, Instant removedAt, Instant preservedUntil, List<LegalHold> holds,
                         Instant purgedAt) {
        public boolean removed() {
            return removedAt != null;
        }

        public boolean held() {
            return !holds.isEmpty();
        }

        /** The end of the latest hold in force, or null when one runs until lifted (or there is none). */
        public Instant heldUntil() {
            return holds.stream().anyMatch(h -> h.endsAt() == null) ? null
                    : holds.stream().map(LegalHold::endsAt).max(Instant::compareTo).orElse(null);
        }
    }

    public Duration period() {
        return period;
    }

    public Status status(long itemId) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> {
            requireItem(h, itemId);
            Instant removed = h.createQuery("SELECT min(removed_at) FROM referral_item_removals WHERE item_id = ?")
                    .bind(0, itemId).mapTo(OffsetDateTime.class).findOne().map(OffsetDateTime::toInstant).orElse(null);
            Instant purged = h.createQuery("SELECT purged_at FROM preserve_purges WHERE item_id = ?").bind(0, itemId)
                    .mapTo(OffsetDateTime.class).findOne().map(OffsetDateTime::toInstant).orElse(null);
            List<Long> ids = h.createQuery(HOLDS_OF_ITEM).bind("now", Rows.utc(now)).bind("item", itemId)
                    .mapTo(Long.class).list();
            return new Status(itemId, removed, removed == null ? null : removed.plus(period), holds(h, ids), purged);
        });
    }

    /** The holds in force placed on the case itself. */
    public List<LegalHold> holdsOfCase(long caseId) {
        return jdbi.withHandle(h -> holds(h, h.createQuery("""
                        SELECT id FROM preserve_holds WHERE case_id = ? AND lifted_at IS NULL
                          AND (ends_at IS NULL OR ends_at > ?)""").bind(0, caseId).bind(1, Rows.utc(clock.instant()))
                .mapTo(Long.class).list()));
    }

    /** A supervisor keeps a case's or an item's content past the preservation period. */
    public LegalHold place(Actor who, long unitId, NewHold in) {
        if ((in.caseId() == null) == (in.itemId() == null)) {
            throw ApiException.badRequest("caseId", "Hold either a case (caseId) or an item (itemId)");
        }
        String reason = in.reason() == null ? "" : in.reason().strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            throw ApiException.badRequest("reason", "Give the reason for the legal hold (up to " + MAX_REASON
                    + " characters), e.g. the proceedings and the authority that asked");
        }
        Instant now = clock.instant();
        if (in.until() != null && !in.until().isAfter(now)) {
            throw ApiException.badRequest("until", "until must be a date in the future, or empty (until lifted)");
        }
        return jdbi.inTransaction(h -> {
            if (in.caseId() != null) {
                if (h.createQuery("SELECT count(*) FROM review_cases WHERE id = ?").bind(0, in.caseId())
                        .mapTo(Long.class).one() == 0) {
                    throw ApiException.notFound("Case " + in.caseId());
                }
            } else {
                requireItem(h, in.itemId());
                h.createQuery("SELECT purged_at FROM preserve_purges WHERE item_id = ?").bind(0, in.itemId())
                        .mapTo(OffsetDateTime.class).findOne().ifPresent(t -> {
                            throw ApiException.conflict("itemId", "The content of item " + in.itemId()
                                    + " was purged on " + t.toInstant() + ": nothing is left to hold");
                        });
            }
            long id = h.createQuery("""
                            INSERT INTO preserve_holds (case_id, item_id, reason, ends_at, unit_id, placed_by, placed_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .bind(0, in.caseId()).bind(1, in.itemId()).bind(2, reason).bind(3, Rows.utc(in.until()))
                    .bind(4, unitId).bind(5, who.userId()).bind(6, Rows.utc(now)).mapTo(Long.class).one();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("legalHold", id);
            payload.put("reason", reason);
            payload.put("until", in.until() == null ? null : in.until().toString());
            audit.record(h, who, "legal_hold.placed", in.caseId() != null ? "case" : "item",
                    in.caseId() != null ? in.caseId() : in.itemId(), payload);
            return holds(h, List.of(id)).get(0);
        });
    }

    /** Ends a hold of the supervisor's own unit, with the reason (the proceedings ended, the court decided). */
    public LegalHold lift(Actor who, long unitId, long holdId, String why) {
        String reason = why == null ? "" : why.strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            throw ApiException.badRequest("reason", "Say why the legal hold ends (up to " + MAX_REASON
                    + " characters)");
        }
        return jdbi.inTransaction(h -> {
            LegalHold hold = holds(h, List.of(holdId)).stream().findFirst()
                    .orElseThrow(() -> ApiException.notFound("Legal hold " + holdId));
            if (hold.unitId() != unitId) {
                throw ApiException.forbidden("Only the unit that placed legal hold " + holdId + " lifts it");
            }
            int n = h.createUpdate("""
                            UPDATE preserve_holds SET lifted_at = ?, lifted_by = ?, lift_reason = ?
                            WHERE id = ? AND lifted_at IS NULL""")
                    .bind(0, Rows.utc(clock.instant())).bind(1, who.userId()).bind(2, reason).bind(3, holdId).execute();
            if (n == 0) {
                throw ApiException.conflict("legalHold", "Legal hold " + holdId + " was already lifted");
            }
            audit.record(h, who, "legal_hold.lifted", hold.caseId() != null ? "case" : "item",
                    hold.caseId() != null ? hold.caseId() : hold.itemId(), Map.of("legalHold", holdId,
                            "reason", reason));
            return hold;
        });
    }

    /** Purges every removed item whose preservation ended and that no hold covers; returns how many. */
    public int purge() {
        int total = 0;
        for (List<Due> due = due(); !due.isEmpty(); due = due()) {
            for (Due d : due) {
                if (purge(d)) {
                    total++;
                }
            }
        }
        return total;
    }

    private record Due(long itemId, Instant removedAt) {
    }

    private List<Due> due() {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createQuery("""
                        WITH removed AS (SELECT item_id, min(removed_at) AS removed_at FROM referral_item_removals
                                         GROUP BY item_id)
                        SELECT r.item_id, r.removed_at FROM removed r
                        WHERE r.removed_at <= :cutoff
                          AND NOT EXISTS (SELECT 1 FROM preserve_purges pp WHERE pp.item_id = r.item_id)
                          AND NOT EXISTS (""" + HOLDS_OF_ITEM.replace(":item", "r.item_id") + """
                        ) ORDER BY r.item_id LIMIT :limit""")
                .bind("cutoff", Rows.utc(now.minus(period))).bind("now", Rows.utc(now)).bind("limit", ROUND)
                .map((rs, c) -> new Due(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant())).list());
    }

    /**
     * Purges one item in one transaction with its audit event. The row in preserve_purges is written first, so a
     * second purge (another process, a rerun) finds it and does nothing. A file goes only when every item that
     * carries it is purged; its bytes are deleted last, just before the commit.
     */
    private boolean purge(Due d) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            int claimed = h.createUpdate("""
                            INSERT INTO preserve_purges (item_id, removed_at, purged_at, versions, outlinks)
                            VALUES (?, ?, ?, 0, 0) ON CONFLICT (item_id) DO NOTHING""")
                    .bind(0, d.itemId()).bind(1, Rows.utc(d.removedAt())).bind(2, Rows.utc(now)).execute();
            if (claimed == 0) {
                return false;
            }
            int versions = h.createUpdate("UPDATE item_versions SET text = '', raw = CAST('{}' AS json) WHERE item_id = ?")
                    .bind(0, d.itemId()).execute();
            h.createUpdate("UPDATE items SET normalised_text = NULL WHERE id = ?").bind(0, d.itemId()).execute();
            int outlinks = h.createUpdate("DELETE FROM outlinks WHERE item_id = ?").bind(0, d.itemId()).execute();
            // the reasons of a score quote words of the text; the score itself stays
            h.createUpdate("DELETE FROM item_score_reasons WHERE item_id = ?").bind(0, d.itemId()).execute();
            List<String> files = h.createQuery("""
                            SELECT DISTINCT b.blob_sha256 FROM item_blobs b
                            WHERE b.item_id = ? AND b.blob_sha256 IS NOT NULL
                              AND NOT EXISTS (SELECT 1 FROM item_blobs o WHERE o.blob_sha256 = b.blob_sha256
                                              AND NOT EXISTS (SELECT 1 FROM preserve_purges pp
                                                              WHERE pp.item_id = o.item_id))
                            ORDER BY 1""").bind(0, d.itemId()).mapTo(String.class).list();
            h.createUpdate("UPDATE preserve_purges SET versions = ?, outlinks = ?, blobs = ? WHERE item_id = ?")
                    .bind(0, versions).bind(1, outlinks).bind(2, files.toArray(String[]::new)).bind(3, d.itemId())
                    .execute();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("removedAt", d.removedAt().toString());
            payload.put("preservedUntil", d.removedAt().plus(period).toString());
            payload.put("versions", versions);
            payload.put("outlinks", outlinks);
            payload.put("files", files);
            audit.record(h, PURGE, "item.purged", "item", d.itemId(), payload);
            for (String sha : files) {
                try {
                    blobs.discard(sha);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not delete the file of blob " + sha, e);
                }
            }
            return true;
        });
    }

    private static List<LegalHold> holds(Handle h, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return new ArrayList<>(h.createQuery("""
                        SELECT ph.id, ph.case_id, ph.item_id, ph.reason, ph.ends_at, ph.unit_id, un.name, u.username,
                               ph.placed_at
                        FROM preserve_holds ph JOIN units un ON un.id = ph.unit_id JOIN users u ON u.id = ph.placed_by
                        WHERE ph.id = ANY(?) ORDER BY ph.id""").bind(0, ids.toArray(Long[]::new))
                .map((rs, c) -> new LegalHold(rs.getLong(1), (Long) rs.getObject(2), (Long) rs.getObject(3),
                        rs.getString(4), instant(rs.getObject(5, OffsetDateTime.class)), rs.getLong(6),
                        rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant())).list());
    }

    private static void requireItem(Handle h, long itemId) {
        if (h.createQuery("SELECT count(*) FROM items WHERE id = ?").bind(0, itemId).mapTo(Long.class).one() == 0) {
            throw ApiException.notFound("Item " + itemId);
        }
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }


    public void register(Routes routes, Pages pages, Authenticator auth) {
        new PreserveRoutes(this, pages, auth).register(routes);
    }
}
