package org.openiru.detect.cases;

import static org.openiru.store.Rows.instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.openiru.app.Json;
import org.openiru.detect.routing.Router;
import org.openiru.store.Rows;

/** What the case page shows of detection: why the case is in its queue, how each item came in, a suggestion. */
public final class CaseViews {
    private static final TypeReference<List<Router.Condition>> CONDITIONS = new TypeReference<>() { };
    private final Jdbi jdbi;

    public CaseViews(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The routing of a case detection opened; {@code ruleName} null: no rule matched (the general queue). */
    public record Routing(long itemId, String ruleName, Integer rulePosition, String queue,
                          List<Router.Condition> conditions, Integer sampleEvery, String openedBecause,
                          Instant routedAt) {
    }

    /** How an item of the case came to it: {@code via} the copy it was found by, {@code how} and distance. */
    public record Way(long itemId, String outcome, Long viaItemId, String how, Integer distance) {
    }

    /** The decision of the decided case this case's content is a copy of, offered as a suggestion only. */
    public record Suggestion(long caseId, String state, String outcome, List<String> categories, String entity,
                             String reason, Instant at) {
    }

    public record CaseView(Routing routing, List<Way> ways, List<Suggestion> suggestions) {
        public boolean isEmpty() {
            return routing == null && ways.isEmpty() && suggestions.isEmpty();
        }
    }

    public CaseView of(long caseId) {
        return jdbi.withHandle(h -> {
            Optional<Routing> routing = h.createQuery("""
                            SELECT item_id, rule_name, rule_position, queue, CAST(conditions AS text), sample_every,
                                   opened_because, routed_at FROM detect_case_routing WHERE case_id = ?""")
                    .bind(0, caseId).map((rs, c) -> new Routing(rs.getLong(1), rs.getString(2),
                            (Integer) rs.getObject(3), rs.getString(4), conditions(rs.getString(5)),
                            (Integer) rs.getObject(6), rs.getString(7), instant(rs, 8))).findOne();
            List<Way> ways = h.createQuery("""
                            SELECT item_id, outcome, via_item_id, how, distance FROM detect_cluster_items
                            WHERE case_id = ? ORDER BY item_id""").bind(0, caseId)
                    .map((rs, c) -> new Way(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
                            (Integer) rs.getObject(5))).list();
            // the latest assessment of each decided case a copy came from, whatever was decided since
            List<Suggestion> suggestions = h.createQuery("""
                            SELECT d.id, d.state, a.outcome, a.categories, a.entity, a.reason, a.created_at
                            FROM review_cases d
                            LEFT JOIN LATERAL (SELECT * FROM review_assessments x WHERE x.case_id = d.id
                                               ORDER BY x.id DESC LIMIT 1) a ON true
                            WHERE d.id IN (SELECT suggested_from FROM detect_cluster_items WHERE case_id = ?)
                            ORDER BY d.id""").bind(0, caseId)
                    .map((rs, c) -> new Suggestion(rs.getLong(1), rs.getString(2), rs.getString(3),
                            Rows.strings(rs, 4), rs.getString(5), rs.getString(6), instant(rs, 7))).list();
            return new CaseView(routing.orElse(null), ways, suggestions);
        });
    }

    private static List<Router.Condition> conditions(String json) {
        try {
            return Json.MAPPER.readValue(json, CONDITIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Routing conditions are not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
