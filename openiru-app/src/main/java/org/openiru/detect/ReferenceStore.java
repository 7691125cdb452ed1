package org.openiru.detect;

import static org.openiru.store.Rows.strings;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;
import org.openiru.text.lexicon.Entity;
import org.openiru.text.lexicon.Outlet;
import org.openiru.text.lexicon.ReferenceData;
import org.openiru.text.lexicon.TermClass;
import org.openiru.web.ApiException;

/**
 * The detection reference data in the database. Every version is kept whole (rows carry their version), so a
 * score can always be traced to the terms it was matched against. The shipped YAML is loaded on start when
 * its version is new; each edit in the UI copies the current version, applies the change, makes the copy
 * current and writes the audit row, all in one transaction.
 */
public final class ReferenceStore {
    static final int MAX_TERM = 200;
    private static final Pattern ENTITY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    /** Serialises edits: each starts from the version the one before made current. */
    private static final long EDIT_LOCK = 0x4f49_5245_4644L;

    private final Jdbi jdbi;
    private final AuditLog audit;

    public ReferenceStore(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /** A site known to belong to an entity: outlinks to it count as a reason. */
    public record KnownHost(String host, String entityId, String note) {
    }

    /** A complete version: what the lexicon is built from, plus the known hosts. */
    public record Version(long id, ReferenceData data, List<KnownHost> hosts, String origin, String createdBy,
                          java.time.Instant createdAt) {
    }

    /** What an entity form submits; lists are one item per line. */
    public record EntityInput(String id, String name, List<String> names, List<String> exonyms, List<Outlet> outlets) {
    }

    /**
     * Makes the shipped reference data the current version unless a version of that name exists already
     * (then nothing changes: a restart keeps the supervisors' edits).
     */
    public void loadShipped(ReferenceData shipped) {
        jdbi.useTransaction(h -> {
            h.execute("SELECT pg_advisory_xact_lock(?)", EDIT_LOCK);
            boolean known = h.createQuery("SELECT 1 FROM detect_reference_versions WHERE version = ?")
                    .bind(0, shipped.version()).mapTo(Integer.class).findOne().isPresent();
            if (known) {
                return;
            }
            long id = insertVersion(h, shipped.version(), "shipped", "system:startup", "shipped YAML");
            write(h, id, shipped, List.of());
            makeCurrent(h, id);
            audit.record(h, Actor.system("startup"), "detect.reference.loaded", "reference_version", shipped.version(),
                    Map.of("terms", shipped.terms().values().stream().mapToInt(List::size).sum(),
                            "entities", shipped.entities().size()));
        });
    }

    /** The id of the current version: cheap, for noticing a change made by another process. */
    public long currentId() {
        return jdbi.withHandle(h -> h.createQuery("SELECT version_id FROM detect_current_reference")
                .mapTo(Long.class).findOne()).orElseThrow(() -> new IllegalStateException(
                "no detection reference data: loadShipped was not called"));
    }

    public Version current() {
        return jdbi.withHandle(h -> read(h, h.createQuery("SELECT version_id FROM detect_current_reference")
                .mapTo(Long.class).one()));
    }

    /** One version in the history: who made it, when, and the change. */
    public record HistoryRow(String version, String origin, String createdBy, java.time.Instant createdAt, String note) {
    }

    /** Versions, newest first. */
    public List<HistoryRow> history(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT version, origin, created_by, created_at, note FROM detect_reference_versions
                ORDER BY id DESC LIMIT ?""").bind(0, limit).map(ReferenceStore::historyRow).list());
    }

    private static HistoryRow historyRow(ResultSet rs, org.jdbi.v3.core.statement.StatementContext c) throws SQLException {
        return new HistoryRow(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, java.time.OffsetDateTime.class).toInstant(), rs.getString(5));
    }

    public String addTerm(Actor who, String termClass, String term) {
        TermClass c = listClass(termClass);
        String t = term(term, "term");
        return edit(who, "add term " + c.id() + ": " + t, (data, hosts) -> {
            List<String> list = new ArrayList<>(data.terms(c));
            if (list.contains(t)) {
                throw ApiException.conflict("term", "The list " + c.id() + " already has «" + t + "»");
            }
            list.add(t);
            return withTerms(data, c, list);
        }, hosts -> hosts);
    }

    public String removeTerm(Actor who, String termClass, String term) {
        TermClass c = listClass(termClass);
        return edit(who, "remove term " + c.id() + ": " + term, (data, hosts) -> {
            List<String> list = new ArrayList<>(data.terms(c));
            if (!list.remove(term)) {
                throw ApiException.notFound("The term «" + term + "» of " + c.id());
            }
            return withTerms(data, c, list);
        }, hosts -> hosts);
    }

    public String saveEntity(Actor who, EntityInput in) {
        String id = in.id() == null ? "" : in.id().strip().toLowerCase(Locale.ROOT);
        if (!ENTITY_ID.matcher(id).matches()) {
            throw ApiException.badRequest("id", "The entity id must be 1–50 lower-case letters, digits or hyphens");
        }
        String name = term(in.name(), "name");
        List<String> names = terms(in.names(), "names");
        if (names.isEmpty()) {
            throw ApiException.badRequest("names", "Give at least one name the entity uses for itself");
        }
        List<Outlet> outlets = new ArrayList<>();
        for (Outlet o : in.outlets()) {
            outlets.add(new Outlet(term(o.name(), "outlets"), terms(o.aliases(), "outlets")));
        }
        Entity entity = new Entity(id, name, names, terms(in.exonyms(), "exonyms"), outlets);
        return edit(who, "save entity " + id, (data, hosts) -> {
            List<Entity> entities = new ArrayList<>(data.entities());
            entities.removeIf(e -> e.id().equals(id));
            entities.add(entity);
            return new ReferenceData(data.version(), entities, data.terms());
        }, hosts -> hosts);
    }

    public String removeEntity(Actor who, String entityId) {
        return edit(who, "remove entity " + entityId, (data, hosts) -> {
            List<Entity> entities = new ArrayList<>(data.entities());
            if (!entities.removeIf(e -> e.id().equals(entityId))) {
                throw ApiException.notFound("Entity " + entityId);
            }
            if (hosts.stream().anyMatch(x -> x.entityId().equals(entityId))) {
                throw ApiException.conflict("entity", "Remove the known sites of " + entityId + " first");
            }
            return new ReferenceData(data.version(), entities, data.terms());
        }, hosts -> hosts);
    }

    public String saveHost(Actor who, String host, String entityId, String note) {
        String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        if (!HOST.matcher(h).matches() || h.length() > 253) {
            throw ApiException.badRequest("host", "The host must be a domain name such as example.org, not «" + host + "»");
        }
        String n = note == null ? "" : note.strip();
        if (n.length() > 500) {
            throw ApiException.badRequest("note", "The note is longer than 500 characters");
        }
        return edit(who, "save known site " + h, (data, hosts) -> {
            if (data.entities().stream().noneMatch(e -> e.id().equals(entityId))) {
                throw ApiException.badRequest("entity", "No entity " + entityId);
            }
            return data;
        }, hosts -> {
            List<KnownHost> out = new ArrayList<>(hosts);
            out.removeIf(x -> x.host().equals(h));
            out.add(new KnownHost(h, entityId, n));
            return out;
        });
    }

    public String removeHost(Actor who, String host) {
        return edit(who, "remove known site " + host, (data, hosts) -> data, hosts -> {
            List<KnownHost> out = new ArrayList<>(hosts);
            if (!out.removeIf(x -> x.host().equals(host))) {
                throw ApiException.notFound("Known site " + host);
            }
            return out;
        });
    }

    private interface DataChange {
        ReferenceData apply(ReferenceData data, List<KnownHost> hosts);
    }

    private interface HostChange {
        List<KnownHost> apply(List<KnownHost> hosts);
    }

    /** Copies the current version with the change into a new current version; returns the new version's name. */
    private String edit(Actor who, String note, DataChange dataChange, HostChange hostChange) {
        return jdbi.inTransaction(h -> {
            h.execute("SELECT pg_advisory_xact_lock(?)", EDIT_LOCK);
            Version from = read(h, h.createQuery("SELECT version_id FROM detect_current_reference")
                    .mapTo(Long.class).one());
            ReferenceData data = dataChange.apply(from.data(), from.hosts());
            List<KnownHost> hosts = hostChange.apply(from.hosts());
            long id = h.createQuery("SELECT nextval('detect_reference_versions_id_seq')").mapTo(Long.class).one();
            String version = from.data().version().replaceFirst("\\+e\\d+$", "") + "+e" + id;
            h.createUpdate("""
                    INSERT INTO detect_reference_versions (id, version, origin, created_by, note)
                    VALUES (?, ?, 'edited', ?, ?)""").bind(0, id).bind(1, version).bind(2, who.name())
                    .bind(3, note).execute();
            write(h, id, new ReferenceData(version, data.entities(), data.terms()), hosts);
            makeCurrent(h, id);
            audit.record(h, who, "detect.reference.edited", "reference_version", version,
                    Map.of("from", from.data().version(), "change", note));
            return version;
        });
    }

    private static long insertVersion(Handle h, String version, String origin, String by, String note) {
        return h.createQuery("""
                INSERT INTO detect_reference_versions (version, origin, created_by, note) VALUES (?, ?, ?, ?)
                RETURNING id""").bind(0, version).bind(1, origin).bind(2, by).bind(3, note)
                .mapTo(Long.class).one();
    }

    private static void makeCurrent(Handle h, long id) {
        h.createUpdate("""
                INSERT INTO detect_current_reference (singleton, version_id) VALUES (true, ?)
                ON CONFLICT (singleton) DO UPDATE SET version_id = excluded.version_id""").bind(0, id).execute();
    }

    private static void write(Handle h, long id, ReferenceData data, List<KnownHost> hosts) {
        var entities = h.prepareBatch("INSERT INTO detect_entities VALUES (?, ?, ?, ?, ?)");
        var outlets = h.prepareBatch("INSERT INTO detect_outlets VALUES (?, ?, ?, ?)");
        for (Entity e : data.entities()) {
            entities.add(id, e.id(), e.name(), e.names().toArray(String[]::new), e.exonyms().toArray(String[]::new));
            for (Outlet o : e.outlets()) {
                outlets.add(id, e.id(), o.name(), o.aliases().toArray(String[]::new));
            }
        }
        execute(entities);
        execute(outlets);
        var terms = h.prepareBatch("INSERT INTO detect_terms VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
        data.terms().forEach((c, list) -> list.forEach(t -> terms.add(id, c.id(), t)));
        execute(terms);
        var known = h.prepareBatch("INSERT INTO detect_known_hosts VALUES (?, ?, ?, ?)");
        hosts.forEach(x -> known.add(id, x.host(), x.entityId(), x.note()));
        execute(known);
    }

    private static void execute(org.jdbi.v3.core.statement.PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    private static Version read(Handle h, long id) {
        HistoryRow head = h.createQuery("SELECT version, origin, created_by, created_at, note "
                + "FROM detect_reference_versions WHERE id = ?").bind(0, id).map(ReferenceStore::historyRow).one();
        Map<String, List<Outlet>> outlets = new LinkedHashMap<>();
        h.createQuery("SELECT entity_id, name, aliases FROM detect_outlets WHERE version_id = ? ORDER BY entity_id, name")
                .bind(0, id).map((rs, c) -> Map.entry(rs.getString(1), new Outlet(rs.getString(2), strings(rs, 3))))
                .forEach(e -> outlets.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        List<Entity> entities = h.createQuery(
                        "SELECT entity_id, name, names, exonyms FROM detect_entities WHERE version_id = ? ORDER BY entity_id")
                .bind(0, id).map((rs, c) -> new Entity(rs.getString(1), rs.getString(2), strings(rs, 3),
                        strings(rs, 4), outlets.getOrDefault(rs.getString(1), List.of()))).list();
        Map<TermClass, List<String>> terms = new EnumMap<>(TermClass.class);
        h.createQuery("SELECT term_class, term FROM detect_terms WHERE version_id = ? ORDER BY term_class, term")
                .bind(0, id).map((rs, c) -> Map.entry(TermClass.fromId(rs.getString(1)), rs.getString(2)))
                .forEach(e -> terms.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        List<KnownHost> hosts = h.createQuery(
                        "SELECT host, entity_id, note FROM detect_known_hosts WHERE version_id = ? ORDER BY host")
                .bind(0, id).map((rs, c) -> new KnownHost(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        return new Version(id, new ReferenceData(head.version(), entities, terms), hosts, head.origin(),
                head.createdBy(), head.createdAt());
    }

    /** Term lists that the UI edits: everything but the classes that come from the entities. */
    static List<TermClass> listClasses() {
        return Arrays.stream(TermClass.values())
                .filter(c -> c != TermClass.ENTITY_NAME && c != TermClass.OUTLET).toList();
    }

    private static TermClass listClass(String id) {
        Optional<TermClass> c = listClasses().stream().filter(x -> x.id().equals(id)).findFirst();
        return c.orElseThrow(() -> ApiException.badRequest("class", "Unknown term class «" + id + "»; one of "
                + listClasses().stream().map(TermClass::id).toList()));
    }

    private static ReferenceData withTerms(ReferenceData data, TermClass c, List<String> list) {
        Map<TermClass, List<String>> terms = new EnumMap<>(TermClass.class);
        terms.putAll(data.terms());
        terms.put(c, list);
        return new ReferenceData(data.version(), data.entities(), terms);
    }

    private static String term(String value, String field) {
        String t = value == null ? "" : value.strip().replaceAll("\\s+", " ");
        if (t.isEmpty() || t.length() > MAX_TERM) {
            throw ApiException.badRequest(field, "Each " + field + " entry must have 1 to " + MAX_TERM + " characters");
        }
        if (t.codePoints().anyMatch(cp -> Character.getType(cp) == Character.CONTROL
                || Character.getType(cp) == Character.FORMAT)) {
            throw ApiException.badRequest(field, "The " + field + " entry «" + t.replaceAll("\\p{C}", "?")
                    + "» contains control or invisible characters");
        }
        return t;
    }

    private static List<String> terms(List<String> values, String field) {
        List<String> out = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            if (v != null && !v.isBlank()) {
                String t = term(v, field);
                if (!out.contains(t)) {
                    out.add(t);
                }
            }
        }
        return out;
    }
}
