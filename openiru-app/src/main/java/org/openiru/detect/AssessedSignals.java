package org.openiru.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.openiru.text.score.Signals;

/**
 * What the review desk already decided, as signals for scoring a batch of items (view
 * {@code detect_assessed_items}): the author's and the forwarded-from account's other items assessed as terrorist
 * content, and outlinks to the URL of an item assessed as terrorist (exact) or to the host of such an item when
 * it sits on a site of its own rather than on a platform (a link to t.me says nothing; a link to the site that
 * hosted assessed content does). The item itself never counts towards its own history.
 */
record AssessedSignals(Map<Long, Signals.ActorHistory> authors, Map<Long, Signals.ActorHistory> forwarders,
                       Map<Long, List<Signals.OutlinkAssessment>> outlinks) {

    static final String TERRORIST = "terrorist content";

    static AssessedSignals of(Handle h, Long[] ids) {
        Map<Long, Signals.ActorHistory> authors = new HashMap<>();
        Map<Long, Signals.ActorHistory> forwarders = new HashMap<>();
        for (String column : new String[] {"actor_id", "forwarded_from_actor_id"}) {
            Map<Long, Signals.ActorHistory> into = column.equals("actor_id") ? authors : forwarders;
            h.createQuery("SELECT i.id, COALESCE(NULLIF(a.handle, ''), NULLIF(a.display_name, ''), a.external_id), "
                            + "(SELECT count(DISTINCT t.item_id) FROM items o JOIN detect_assessed_items t ON t.item_id = o.id "
                            + "  WHERE o.actor_id = i." + column + " AND o.id <> i.id AND t.outcome = 'terrorist') "
                            + "FROM items i JOIN actors a ON a.id = i." + column + " WHERE i.id = ANY(:ids)")
                    .bind("ids", ids)
                    .map((rs, c) -> Map.entry(rs.getLong(1), new Signals.ActorHistory(rs.getString(2), rs.getInt(3))))
                    .forEach(e -> {
                        if (e.getValue().terroristItems() > 0) {
                            into.put(e.getKey(), e.getValue());
                        }
                    });
        }
        Map<Long, List<Signals.OutlinkAssessment>> outlinks = new HashMap<>();
        h.createQuery("""
                SELECT l.item_id, l.url, bool_or(t.canonical_url = l.url) FROM outlinks l
                JOIN (SELECT DISTINCT o.id, o.canonical_url, o.platform_id,
                             lower(substring(o.canonical_url from '^[A-Za-z][A-Za-z0-9+.-]*://([^/:?#]+)')) AS host
                      FROM items o JOIN detect_assessed_items d ON d.item_id = o.id WHERE d.outcome = 'terrorist') t
                  ON t.id <> l.item_id AND (t.canonical_url = l.url OR (t.platform_id IS NULL AND t.host = lower(l.host)))
                WHERE l.item_id = ANY(:ids) GROUP BY l.item_id, l.url ORDER BY l.item_id, l.url""")
                .bind("ids", ids)
                .map((rs, c) -> Map.entry(rs.getLong(1), new Signals.OutlinkAssessment(rs.getString(2),
                        rs.getBoolean(3), TERRORIST)))
                .forEach(e -> outlinks.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return new AssessedSignals(authors, forwarders, outlinks);
    }

    Signals.ActorHistory author(long itemId) {
        return authors.get(itemId);
    }

    Signals.ActorHistory forwardedFrom(long itemId) {
        return forwarders.get(itemId);
    }

    /** The known-site outlinks with the assessed ones added; a URL already named by a known site is not repeated. */
    List<Signals.OutlinkAssessment> withOutlinks(long itemId, List<Signals.OutlinkAssessment> knownSites) {
        List<Signals.OutlinkAssessment> assessed = outlinks.getOrDefault(itemId, List.of());
        if (assessed.isEmpty()) {
            return knownSites;
        }
        List<Signals.OutlinkAssessment> out = new ArrayList<>(knownSites);
        for (Signals.OutlinkAssessment a : assessed) {
            if (a.exactUrl() || knownSites.stream().noneMatch(k -> k.url().equals(a.url()))) {
                out.add(a);
            }
        }
        return out;
    }
}
