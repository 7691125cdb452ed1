package org.openiru.referral.order;

import static org.openiru.store.Rows.strings;
import static org.openiru.store.Rows.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openiru.review.Holds;

/** Reading orders: one order whole, lists for the unit and for a platform, and what may be ordered. */
public final class OrderQueries {
    private final Jdbi jdbi;

    public OrderQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Order> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    static Optional<Order> find(Handle h, long id) {
        return h.createQuery("""
                        SELECT r.id, r.reference, r.unit_id, u.name, u.slug, r.platform_id, p.name, r.created_at,
                               r.received_at, r.received_via,
                               o.issuing_state, o.addressee, o.legal_representative, o.contact_point, o.issued_at,
                               o.non_disclosure_days, o.non_disclosure_reason, o.host_state, o.host_authority,
                               o.host_authority_contact, o.copy_sent_at, o.authority_name, o.authority_address,
                               o.authority_contact, o.officer_id, o.officer_name, o.followup_contact, o.redress_body,
                               o.redress_time_limit, o.redress_procedure, o.emergency_reason, o.pdf_sha256,
                               o.signature, o.key_id
                        FROM referrals r JOIN referral_orders o ON o.referral_id = r.id
                        JOIN units u ON u.id = r.unit_id JOIN platforms p ON p.id = r.platform_id
                        WHERE r.id = ? AND r.kind = 'removal_order'""").bind(0, id)
                .map((rs, c) -> new Order(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getString(7), instant(rs, 8), instant(rs, 9),
                        rs.getString(10), annex(rs), lines(h, id), answers(h, id), events(h, id)))
                .findOne();
    }

    private static Order.Annex annex(ResultSet rs) throws SQLException {
        return new Order.Annex(rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                instant(rs, 15), rs.getInt(16), rs.getString(17), rs.getString(18), rs.getString(19),
                rs.getString(20), instant(rs, 21), rs.getString(22), rs.getString(23), rs.getString(24),
                rs.getLong(25), rs.getString(26), rs.getString(27), rs.getString(28), rs.getString(29),
                rs.getString(30), rs.getString(31), rs.getString(32), rs.getString(33), rs.getString(34));
    }

    static List<Order.Line> lines(Handle h, long id) {
        return h.createQuery("""
                        SELECT id, item_id, case_id, url, categories, entity, reason, sha256, pdq
                        FROM referral_items WHERE referral_id = ? ORDER BY id""").bind(0, id)
                .map((rs, c) -> new Order.Line(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        strings(rs, 5), rs.getString(6), rs.getString(7), strings(rs, 8), strings(rs, 9))).list();
    }

    private static List<Order.Answer> answers(Handle h, long id) {
        return h.createQuery("""
                        SELECT a.referral_item_id, a.answer, a.reason_code, a.reason, a.acted_at, a.recorded_at
                        FROM referral_answers a JOIN referral_items ri ON ri.id = a.referral_item_id
                        WHERE ri.referral_id = ? ORDER BY a.recorded_at, a.id""").bind(0, id)
                .map((rs, c) -> new Order.Answer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs, 5), instant(rs, 6))).list();
    }

    private static List<Order.Event> events(Handle h, long id) {
        return h.createQuery("""
                        SELECT e.id, e.kind, e.text, e.at, e.deadline, COALESCE(u.display_name, u.username, '')
                        FROM referral_order_events e LEFT JOIN users u ON u.id = e.user_id
                        WHERE e.referral_id = ? ORDER BY e.at, e.id""").bind(0, id)
                .map((rs, c) -> new Order.Event(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                        instant(rs, 5), rs.getString(6))).list();
    }

    /** A row of the orders list. */
    public record Summary(long id, String reference, String platformName, Instant issuedAt, Instant receivedAt,
                          int items) {
    }

    /** The unit's orders (or, with {@code platformId}, the orders to that platform), newest first. */
    public List<Summary> list(Long unitId, Long platformId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT r.id, r.reference, p.name, o.issued_at, r.received_at,
                               (SELECT count(*) FROM referral_items ri WHERE ri.referral_id = r.id)
                        FROM referrals r JOIN referral_orders o ON o.referral_id = r.id
                        JOIN platforms p ON p.id = r.platform_id
                        WHERE r.kind = 'removal_order' AND (CAST(:unit AS bigint) IS NULL OR r.unit_id = :unit)
                          AND (CAST(:platform AS bigint) IS NULL OR r.platform_id = :platform)
                        ORDER BY o.issued_at DESC, r.id DESC LIMIT :limit""")
                .bind("unit", unitId).bind("platform", platformId).bind("limit", limit)
                .map((rs, c) -> new Summary(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                        instant(rs, 5), rs.getInt(6))).list());
    }

    /**
     * The clocks of many orders, read in four statements whatever their number (reading each order whole costs
     * four statements per order).
     */
    public Map<Long, OrderClock.Result> clocks(List<Long> ids, Instant now) {
        Long[] array = ids.toArray(Long[]::new);
        return jdbi.withHandle(h -> {
            Map<Long, Instant> received = new HashMap<>();
            h.createQuery("SELECT id, received_at FROM referrals WHERE id = ANY(:ids)").bind("ids", array)
                    .map((rs, c) -> received.put(rs.getLong(1), instant(rs, 2))).list();
            Map<Long, List<Long>> items = new HashMap<>();
            h.createQuery("SELECT referral_id, id FROM referral_items WHERE referral_id = ANY(:ids) ORDER BY id")
                    .bind("ids", array)
                    .map((rs, c) -> items.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
                    .list();
            Map<Long, List<OrderClock.Answer>> answers = new HashMap<>();
            h.createQuery("""
                            SELECT ri.referral_id, a.referral_item_id, a.answer, a.reason_code, a.acted_at, a.recorded_at
                            FROM referral_answers a JOIN referral_items ri ON ri.id = a.referral_item_id
                            WHERE ri.referral_id = ANY(:ids) ORDER BY a.recorded_at, a.id""").bind("ids", array)
                    .map((rs, c) -> answers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(
                            new OrderClock.Answer(rs.getLong(2), rs.getString(3), rs.getString(4), instant(rs, 5),
                                    instant(rs, 6)))).list();
            Map<Long, List<OrderClock.Event>> events = new HashMap<>();
            h.createQuery("""
                            SELECT referral_id, kind, at FROM referral_order_events WHERE referral_id = ANY(:ids)
                            ORDER BY at, id""").bind("ids", array)
                    .map((rs, c) -> events.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(
                            new OrderClock.Event(rs.getString(2), instant(rs, 3)))).list();
            Map<Long, OrderClock.Result> out = new LinkedHashMap<>();
            for (long id : ids) {
                out.put(id, OrderClock.fold(received.get(id), items.getOrDefault(id, List.of()),
                        answers.getOrDefault(id, List.of()), events.getOrDefault(id, List.of()), now));
            }
            return out;
        });
    }

    /**
     * An item that may be ordered removed from the platform: in an approved (or already referred) case of the
     * unit, on that platform, not yet ordered there; with the assessment that prefills section B.
     */
    public record Candidate(long itemId, String url, long caseId, List<String> categories, String entity,
                            String contentType, boolean held) {
        /** Section B's reasons as the assessment gives them, for the supervisor to edit. */
        public String reason() {
            return "Terrorist content within Article 2(7)(" + String.join("), (", categories) + ") of Regulation (EU) "
                    + "2021/784" + (contentType.isEmpty() ? "" : ": " + contentType) + (entity.isEmpty() ? ""
                    : " attributed to " + entity) + ", assessed by an analyst and approved by a second officer of the "
                    + "issuing authority.";
        }

        /** The form's line for this item: as the supervisor sent it, or as the assessment prefills it. */
        public OrderForm.Line line(OrderForm values) {
            return values.items().stream().filter(l -> l.itemId() == itemId).findFirst()
                    .orElse(new OrderForm.Line(itemId, categories, reason()));
        }

        public boolean chosen(OrderForm values) {
            return values.items().isEmpty() ? !held : values.items().stream().anyMatch(l -> l.itemId() == itemId);
        }
    }

    public List<Candidate> candidates(long unitId, long platformId) {
        return jdbi.withHandle(h -> candidates(h, unitId, platformId, null));
    }

    static List<Candidate> candidates(Handle h, long unitId, long platformId, List<Long> onlyItems) {
        List<Object[]> rows = h.createQuery("""
                        SELECT DISTINCT ON (i.id) i.id, i.canonical_url, c.id, a.categories, a.entity, a.content_type
                        FROM review_cases c
                        JOIN review_case_items ci ON ci.case_id = c.id
                        JOIN items i ON i.id = ci.item_id
                        JOIN LATERAL (SELECT categories, entity, content_type FROM review_assessments ra
                                      WHERE ra.case_id = c.id AND ra.outcome = 'terrorist'
                                      ORDER BY ra.id DESC LIMIT 1) a ON true
                        WHERE c.unit_id = :unit AND c.state IN ('approved', 'referred') AND i.platform_id = :platform
                          AND (CAST(:only AS bigint[]) IS NULL OR i.id = ANY(CAST(:only AS bigint[])))
                          AND NOT EXISTS (SELECT 1 FROM referral_items ri WHERE ri.item_id = i.id
                                          AND ri.platform_id = :platform AND ri.kind = 'removal_order')
                        ORDER BY i.id, c.id
                        LIMIT 5000""")
                .bind("unit", unitId).bind("platform", platformId)
                .bind("only", onlyItems == null ? null : onlyItems.toArray(new Long[0]))
                .map((rs, c) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3), strings(rs, 4),
                        rs.getString(5), rs.getString(6)}).list();
        Set<Long> held = Holds.held(h, rows.stream().map(r -> (Long) r[2]).distinct().toList());
        return rows.stream().map(r -> new Candidate((Long) r[0], (String) r[1], (Long) r[2], castList(r[3]),
                (String) r[4], (String) r[5], held.contains((Long) r[2]))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object o) {
        return (List<String>) o;
    }
}
