package org.openiru.network;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The filters of the network pages, the graph data and the exports: the actor's platform, an entity that an
 * assessment of content the actor posted named, and a period in which the actor had an edge (first seen before
 * its end and last seen after its start). Null means no filter.
 */
public record NetworkFilter(Long platform, String entity, Instant from, Instant to) {
    static final NetworkFilter NONE = new NetworkFilter(null, null, null, null);

    /** The WHERE condition on actor {@code a} (bound by {@link #bind}). */
    String actorCondition() {
        List<String> and = new ArrayList<>();
        and.add("true");
        if (platform != null) {
            and.add("a.platform_id = :f_platform");
        }
        if (entity != null) {
            and.add("""
                    EXISTS (SELECT 1 FROM items fi JOIN review_case_items fc ON fc.item_id = fi.id
                        JOIN review_assessments fa ON fa.case_id = fc.case_id
                        WHERE fi.actor_id = a.id AND lower(fa.entity) = lower(:f_entity))""");
        }
        if (from != null || to != null) {
            String period = edgePeriod("fe");
            and.add("(EXISTS (SELECT 1 FROM network_edges fe WHERE fe.source_actor_id = a.id AND " + period + ") OR "
                    + "EXISTS (SELECT 1 FROM network_edges fe WHERE fe.target_actor_id = a.id AND " + period + "))");
        }
        return String.join(" AND ", and);
    }

    /** The WHERE condition that an edge {@code alias} was seen in the period. */
    String edgePeriod(String alias) {
        String c = "true";
        if (from != null) {
            c += " AND " + alias + ".last_at >= :f_from";
        }
        if (to != null) {
            c += " AND " + alias + ".first_at < :f_to";
        }
        return c;
    }

    <T extends SqlStatement<T>> T bind(T q) {
        // a filter left out leaves its parameter unused
        q.getConfig(org.jdbi.v3.core.statement.SqlStatements.class).setUnusedBindingAllowed(true);
        return q.bind("f_platform", platform).bind("f_entity", entity).bind("f_from", from).bind("f_to", to);
    }

    /** The period's first day (YYYY-MM-DD), or "" (the filter form). */
    public String fromDay() {
        return from == null ? "" : from.toString().substring(0, 10);
    }

    /** The period's last day, inclusive, or "". */
    public String toDay() {
        return to == null ? "" : to.minusSeconds(1).toString().substring(0, 10);
    }

    /** The same filters as a query string, for links to the graph data and the exports. */
    String query() {
        List<String> parts = new ArrayList<>();
        if (platform != null) {
            parts.add("platform=" + platform);
        }
        if (entity != null) {
            parts.add("entity=" + java.net.URLEncoder.encode(entity, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (from != null) {
            parts.add("from=" + fromDay());
        }
        if (to != null) {
            parts.add("to=" + toDay());
        }
        return String.join("&", parts);
    }
}
