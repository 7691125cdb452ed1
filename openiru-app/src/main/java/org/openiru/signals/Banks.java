package org.openiru.signals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;
import org.openiru.hashing.banks.SignalType;
import org.openiru.web.ApiException;

/**
 * Banks and their entries: every change audited in its transaction, and told to the {@link BankChangeListener}
 * once committed.
 */
public final class Banks {
    private static final String BANK_COLUMNS = "b.id, b.name, b.description, b.kind, b.pdq_threshold, b.enabled, "
            + "b.provenance, b.source, b.owner_unit_id, b.created_by, b.created_at, "
            + "(SELECT count(*) FROM bank_entries e WHERE e.bank_id = b.id) AS entries";
    private static final String ENTRY_COLUMNS = "e.id, e.bank_id, e.content_id, e.signal_type, e.value, e.entity, "
            + "e.tags, e.note, e.added_by, e.added_at, e.enabled_until, "
            + "(SELECT count(*) FILTER (WHERE o.opinion = 'confirmed') FROM bank_opinions o WHERE o.entry_id = e.id) AS confirmed, "
            + "(SELECT count(*) FILTER (WHERE o.opinion = 'false_positive') FROM bank_opinions o WHERE o.entry_id = e.id) AS fp";
    private static final int CHUNK = 1000;
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final BankChangeListener listener;

    public Banks(Jdbi jdbi, AuditLog audit, BankChangeListener listener) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.listener = listener;
    }

    /** The result of adding entries: those that were new, and how many were already in the bank. */
    public record Added(List<IndexedEntry> added, int duplicates) {
    }

    /** A filter over a bank's entries; null fields do not filter. */
    public record EntryFilter(String valuePrefix, String entity, String tag) {
    }

    public record EntryPage(List<Entry> entries, long total, int page, int size) {
        public long pages() {
            return Math.max(1, (total + size - 1) / size);
        }
    }

    public List<Bank> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + BANK_COLUMNS + " FROM banks b ORDER BY b.name")
                .map(Banks::mapBank).list());
    }

    public Bank get(long id) {
        return jdbi.withHandle(h -> find(h, "b.id = ?", id))
                .orElseThrow(() -> ApiException.notFound("Bank " + id));
    }

    public Optional<Bank> findByName(String name) {
        return jdbi.withHandle(h -> find(h, "b.name = ?", name));
    }

    public Bank byName(String name) {
        return findByName(name).orElseThrow(() -> ApiException.notFound("Bank " + name));
    }

    public Bank create(Actor actor, BankInput input) {
        BankInput in = input.check();
        Bank bank = jdbi.inTransaction(h -> {
            requireFreeName(h, in.name(), -1);
            long id = h.createUpdate("""
                    INSERT INTO banks (name, description, kind, pdq_threshold, enabled, provenance, source,
                        owner_unit_id, created_by)
                    VALUES (:name, :description, :kind, :pdqThreshold, :enabled, :provenance, :source, :unit, :by)""")
                    .bindMethods(in).bind("unit", actor.unitId()).bind("by", actor.name())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            Bank b = find(h, "b.id = ?", id).orElseThrow();
            audit.record(h, actor, "bank.created", "bank", id, b);
            return b;
        });
        listener.bankChanged(bank);
        return bank;
    }

    /** Changes the fields {@code input} gives; the others keep their values. */
    public Bank update(Actor actor, long id, BankInput input) {
        Bank after = jdbi.inTransaction(h -> {
            Bank before = find(h, "b.id = ? FOR UPDATE OF b", id).orElseThrow(() -> ApiException.notFound("Bank " + id));
            BankInput in = input.over(before).check();
            requireFreeName(h, in.name(), id);
            h.createUpdate("""
                    UPDATE banks SET name = :name, description = :description, kind = :kind,
                        pdq_threshold = :pdqThreshold, enabled = :enabled, provenance = :provenance, source = :source,
                        updated_at = now()
                    WHERE id = :id""").bindMethods(in).bind("id", id).execute();
            Bank b = find(h, "b.id = ?", id).orElseThrow();
            if (!b.equals(before)) {
                audit.record(h, actor, "bank.updated", "bank", id, Map.of("before", before, "after", b));
            }
            return b;
        });
        listener.bankChanged(after);
        return after;
    }

    public void delete(Actor actor, long id) {
        jdbi.useTransaction(h -> {
            Bank b = find(h, "b.id = ? FOR UPDATE OF b", id).orElseThrow(() -> ApiException.notFound("Bank " + id));
            h.createUpdate("DELETE FROM banks WHERE id = ?").bind(0, id).execute();
            audit.record(h, actor, "bank.deleted", "bank", id, b);
        });
        listener.bankRemoved(id);
    }

    /**
     * Adds entries to a bank; a signal the bank already holds is left as it is (so importing a file twice
     * changes nothing). One audit row names the source and the counts.
     */
    public Added addEntries(Actor actor, long bankId, List<NewEntry> entries, String source) {
        Added result = jdbi.inTransaction(h -> {
            find(h, "b.id = ? FOR UPDATE OF b", bankId).orElseThrow(() -> ApiException.notFound("Bank " + bankId));
            List<IndexedEntry> added = new ArrayList<>();
            for (int from = 0; from < entries.size(); from += CHUNK) {
                added.addAll(insert(h, actor, bankId, entries.subList(from, Math.min(entries.size(), from + CHUNK))));
            }
            int duplicates = entries.size() - added.size();
            audit.record(h, actor, "bank.entries_added", "bank", bankId, Map.of("source", source,
                    "added", added.size(), "duplicates", duplicates,
                    "first", added.isEmpty() ? "" : added.get(0).type().wireName() + " " + added.get(0).value()));
            return new Added(added, duplicates);
        });
        listener.entriesAdded(result.added());
        return result;
    }

    private static List<IndexedEntry> insert(Handle h, Actor actor, long bankId, List<NewEntry> chunk) {
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO bank_entries (bank_id, content_id, signal_type, value, entity, tags, note, added_by,
                    enabled_until)
                VALUES (:bank, coalesce(:content, nextval('bank_content_ids')), :type, :value, :entity, :tags, :note,
                    :by, :until)
                ON CONFLICT (bank_id, signal_type, value) DO NOTHING""");
        for (NewEntry e : chunk) {
            batch.bind("bank", bankId).bind("content", e.contentId()).bind("type", e.type().wireName())
                    .bind("value", e.value()).bind("entity", e.entity()).bind("tags", e.tags().toArray(String[]::new))
                    .bind("note", e.note()).bind("by", actor.name()).bind("until", e.enabledUntil()).add();
        }
        return batch.executePreparedBatch("id", "bank_id", "content_id", "signal_type", "value", "enabled_until")
                .map(Banks::mapIndexed).list();
    }

    public void removeEntry(Actor actor, long bankId, long entryId) {
        IndexedEntry removed = jdbi.inTransaction(h -> {
            IndexedEntry e = h.createQuery("DELETE FROM bank_entries WHERE id = ? AND bank_id = ? "
                            + "RETURNING id, bank_id, content_id, signal_type, value, enabled_until")
                    .bind(0, entryId).bind(1, bankId).map(Banks::mapIndexed).findOne()
                    .orElseThrow(() -> ApiException.notFound("Entry " + entryId + " of bank " + bankId));
            audit.record(h, actor, "bank.entry_removed", "bank", bankId, e);
            return e;
        });
        listener.entriesRemoved(List.of(removed));
    }

    /** Records the opinion of the actor's unit on an entry (one per unit; a new one replaces the old). */
    public void setOpinion(Actor actor, long entryId, String opinion) {
        if (!"confirmed".equals(opinion) && !"false_positive".equals(opinion)) {
            throw ApiException.badRequest("opinion", "opinion must be confirmed or false_positive");
        }
        if (actor.unitId() == null) {
            throw ApiException.badRequest("opinion", "Only members of a unit can give an opinion");
        }
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                    INSERT INTO bank_opinions (entry_id, unit_id, opinion, by_name) VALUES (?, ?, ?, ?)
                    ON CONFLICT (entry_id, unit_id) DO UPDATE SET opinion = excluded.opinion,
                        by_name = excluded.by_name, at = now()""")
                    .bind(0, entryId).bind(1, actor.unitId()).bind(2, opinion).bind(3, actor.name()).execute();
            audit.record(h, actor, "bank.entry_opinion", "bank_entry", entryId, Map.of("opinion", opinion));
        });
    }

    /** One page (from 1) of a bank's entries, newest first. */
    public EntryPage entries(long bankId, EntryFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder("e.bank_id = :bank");
        if (filter.valuePrefix() != null) {
            where.append(" AND e.value LIKE :prefix");
        }
        if (filter.entity() != null) {
            where.append(" AND e.entity ILIKE :entity");
        }
        if (filter.tag() != null) {
            where.append(" AND :tag = ANY (e.tags)");
        }
        return jdbi.withHandle(h -> {
            long total = bindFilter(h.createQuery("SELECT count(*) FROM bank_entries e WHERE " + where), bankId,
                    filter).mapTo(Long.class).one();
            List<Entry> rows = bindFilter(h.createQuery("SELECT " + ENTRY_COLUMNS + " FROM bank_entries e WHERE "
                    + where + " ORDER BY e.id DESC LIMIT :limit OFFSET :offset"), bankId, filter)
                    .bind("limit", size).bind("offset", (long) (page - 1) * size).map(Banks::mapEntry).list();
            return new EntryPage(rows, total, page, size);
        });
    }

    private static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bindFilter(T q, long bankId,
                                                                                        EntryFilter f) {
        q.bind("bank", bankId);
        if (f.valuePrefix() != null) {
            q.bind("prefix", f.valuePrefix().toLowerCase(java.util.Locale.ROOT).replaceAll("[^0-9a-f]", "") + "%");
        }
        if (f.entity() != null) {
            q.bind("entity", "%" + f.entity().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.tag() != null) {
            q.bind("tag", f.tag());
        }
        return q;
    }

    /** Entries by id, with labels and opinion counts, for explaining matches. */
    public Map<Long, Entry> entriesById(List<Long> ids) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ENTRY_COLUMNS + " FROM bank_entries e WHERE e.id = ANY(?)")
                .bind(0, ids.toArray(Long[]::new)).map(Banks::mapEntry).list())
                .stream().collect(java.util.stream.Collectors.toMap(Entry::id, e -> e));
    }

    /** Streams every entry of a bank in id order (export). */
    public void forEachEntry(long bankId, Consumer<Entry> sink) {
        jdbi.useHandle(h -> h.createQuery("SELECT " + ENTRY_COLUMNS + " FROM bank_entries e WHERE e.bank_id = ? "
                + "ORDER BY e.id").bind(0, bankId).setFetchSize(CHUNK).map(Banks::mapEntry).forEach(sink));
    }

    /** Streams what the index needs of every entry (start-up). */
    void forEachIndexed(Consumer<IndexedEntry> sink) {
        jdbi.useHandle(h -> h.createQuery("SELECT id, bank_id, content_id, signal_type, value, enabled_until "
                + "FROM bank_entries").setFetchSize(10_000).map(Banks::mapIndexed).forEach(sink));
    }

    /** The content id of a bank's entry for a signal, if it has one. */
    public Optional<Long> contentIdOf(long bankId, SignalType type, String value) {
        return jdbi.withHandle(h -> h.createQuery("SELECT content_id FROM bank_entries WHERE bank_id = ? "
                        + "AND signal_type = ? AND value = ?").bind(0, bankId).bind(1, type.wireName()).bind(2, value)
                .mapTo(Long.class).findOne());
    }

    /** A fresh content id, to group several signals of one piece of content. */
    public long nextContentId() {
        return jdbi.withHandle(h -> h.createQuery("SELECT nextval('bank_content_ids')").mapTo(Long.class).one());
    }

    private static Optional<Bank> find(Handle h, String where, Object arg) {
        return h.createQuery("SELECT " + BANK_COLUMNS + " FROM banks b WHERE " + where).bind(0, arg)
                .map(Banks::mapBank).findOne();
    }

    private static void requireFreeName(Handle h, String name, long exceptId) {
        if (h.createQuery("SELECT count(*) FROM banks WHERE name = ? AND id <> ?").bind(0, name).bind(1, exceptId)
                .mapTo(Long.class).one() > 0) {
            throw ApiException.conflict("name", "A bank named " + name + " already exists");
        }
    }

    static Bank mapBank(ResultSet rs, StatementContext ctx) throws SQLException {
        long unit = rs.getLong("owner_unit_id");
        return new Bank(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getString("kind"),
                rs.getInt("pdq_threshold"), rs.getBoolean("enabled"), rs.getString("provenance"),
                rs.getString("source"), rs.wasNull() ? null : unit, rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getLong("entries"));
    }

    static Entry mapEntry(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getLong("bank_id"), rs.getLong("content_id"),
                rs.getString("signal_type"), rs.getString("value"), rs.getString("entity"),
                Arrays.asList((String[]) rs.getArray("tags").getArray()), rs.getString("note"),
                rs.getString("added_by"), rs.getTimestamp("added_at").toInstant(),
                instant(rs.getTimestamp("enabled_until")), rs.getLong("confirmed"), rs.getLong("fp"));
    }

    static IndexedEntry mapIndexed(ResultSet rs, StatementContext ctx) throws SQLException {
        return new IndexedEntry(rs.getLong("id"), rs.getLong("bank_id"), rs.getLong("content_id"),
                SignalType.fromWireName(rs.getString("signal_type")), rs.getString("value"),
                instant(rs.getTimestamp("enabled_until")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
