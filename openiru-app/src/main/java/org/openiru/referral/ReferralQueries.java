package org.openiru.referral;

import static org.openiru.store.Rows.strings;
import static org.openiru.store.Rows.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.openiru.review.Holds;

/**
 * What the referral pages, the portal and the API read. Every read takes the scope it may see: a unit (null: the
 * whole deployment, for administrators and auditors) or a platform (for platform users), so that a referral
 * outside it is simply not found.
 */
public final class ReferralQueries {
    /** Answers after which an item needs nothing more from the platform. */
    static final String FINAL_ANSWERS = "('removed', 'access_disabled', 'geo_blocked', 'rejected')";
    public static final List<String> STATUSES = List.of("open", "answered");
    public static final List<String> KINDS = List.of("referral", "removal_order");
    private static final String ROWS = """
            SELECT r.id, r.reference, r.kind, r.unit_id, u.name AS unit, r.platform_id, p.name AS platform, r.language,
                   r.created_at, r.received_at, r.received_via,
                   (SELECT count(*) FROM referral_items ri WHERE ri.referral_id = r.id) AS items,
                   (SELECT count(*) FROM referral_items ri WHERE ri.referral_id = r.id AND NOT EXISTS (
                        SELECT 1 FROM referral_answers a WHERE a.referral_item_id = ri.id
                        AND a.answer IN """ + FINAL_ANSWERS + ")) AS open_items" + """

            FROM referrals r JOIN units u ON u.id = r.unit_id JOIN platforms p ON p.id = r.platform_id
            """;
    private final Jdbi jdbi;

    ReferralQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A referral or removal order in a list; {@code open} counts its items without a final answer. */
    public record Row(long id, String reference, String kind, long unitId, String unit, long platformId,
                      String platform, String language, Instant createdAt, Instant receivedAt, String receivedVia,
                      long items, long open) {
    }

    /**
     * What a person may see and what they asked for. {@code unitId}/{@code platformId} null: any; {@code kind}
     * and {@code status} (open or answered) null: any; {@code beforeId}: the next page after that id.
     */
    public record Filter(Long unitId, Long platformId, String kind, String status, Long beforeId) {
    }

    /** Newest first. */
    public List<Row> list(Filter f, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM (" + ROWS + """
                        WHERE (CAST(:unit AS bigint) IS NULL OR r.unit_id = :unit)
                          AND (CAST(:platform AS bigint) IS NULL OR r.platform_id = :platform)
                          AND (CAST(:kind AS text) IS NULL OR r.kind = :kind)
                          AND (CAST(:before AS bigint) IS NULL OR r.id < :before)
                        ) x WHERE (CAST(:status AS text) IS NULL OR (:status = 'open') = (x.open_items > 0))
                        ORDER BY x.id DESC LIMIT :limit""")
                .bind("unit", f.unitId()).bind("platform", f.platformId()).bind("kind", f.kind())
                .bind("before", f.beforeId()).bind("status", f.status()).bind("limit", limit)
                .map(ReferralQueries::row).list());
    }

    public Optional<Row> row(long id, Long unitId, Long platformId) {
        return jdbi.withHandle(h -> h.createQuery(ROWS + """
                        WHERE r.id = :id AND (CAST(:unit AS bigint) IS NULL OR r.unit_id = :unit)
                          AND (CAST(:platform AS bigint) IS NULL OR r.platform_id = :platform)""")
                .bind("id", id).bind("unit", unitId).bind("platform", platformId).map(ReferralQueries::row)
                .findOne());
    }

    /** One answer of the platform to an item. */
    public record AnswerRow(long id, String answer, String reasonCode, String reason, Instant actedAt,
                            Instant recordedAt, String user, String via) {
    }

    /** A referred item with its answers, oldest first. */
    public record ItemRow(long id, long caseId, long itemId, String url, List<String> categories, String entity,
                          String reason, List<String> sha256, List<String> pdq, List<AnswerRow> answers) {
    }

    /** One outbox row of the referral, as the delivery workers left it. */
    public record DeliveryRow(long id, String channel, String recipient, String status, int attempts,
                              Instant sentAt, Instant nextAttemptAt) {
    }

    public record Detail(Row row, List<ItemRow> items, List<DeliveryRow> deliveries) {
    }

    /** The referral with its items, their answers and its deliveries, if it is within the scope given. */
    public Optional<Detail> detail(long id, Long unitId, Long platformId) {
        return row(id, unitId, platformId).map(r -> details(List.of(r)).get(0));
    }

    /** The referrals of these rows with their items, answers and deliveries, in three statements for them all. */
    public List<Detail> details(List<Row> rows) {
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        return jdbi.withHandle(h -> {
            Map<Long, List<AnswerRow>> answers = new HashMap<>();
            h.createQuery("""
                            SELECT a.referral_item_id, a.id, a.answer, a.reason_code, a.reason, a.acted_at,
                                   a.recorded_at, COALESCE(u.username, ''), a.via
                            FROM referral_answers a JOIN referral_items ri ON ri.id = a.referral_item_id
                            LEFT JOIN users u ON u.id = a.user_id
                            WHERE ri.referral_id = ANY(:ids) ORDER BY a.recorded_at, a.id""").bind("ids", ids)
                    .map((rs, c) -> Map.entry(rs.getLong(1), new AnswerRow(rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), instant(rs, 6), instant(rs, 7), rs.getString(8),
                            rs.getString(9))))
                    .forEach(e -> answers.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            Map<Long, List<ItemRow>> items = new HashMap<>();
            h.createQuery("""
                            SELECT referral_id, id, case_id, item_id, url, categories, entity, reason, sha256, pdq
                            FROM referral_items WHERE referral_id = ANY(:ids) ORDER BY id""").bind("ids", ids)
                    .map((rs, c) -> Map.entry(rs.getLong(1), new ItemRow(rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getString(5), strings(rs, 6), rs.getString(7), rs.getString(8), strings(rs, 9),
                            strings(rs, 10), answers.getOrDefault(rs.getLong(2), List.of()))))
                    .forEach(e -> items.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            Map<Long, List<DeliveryRow>> deliveries = new HashMap<>();
            h.createQuery("""
                            SELECT referral_id, id, channel, recipient, status, attempts, sent_at,
                                   CASE WHEN status = 'pending' THEN next_attempt_at END
                            FROM deliveries WHERE referral_id = ANY(:ids) ORDER BY id""").bind("ids", ids)
                    .map((rs, c) -> Map.entry(rs.getLong(1), new DeliveryRow(rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getInt(6), instant(rs, 7), instant(rs, 8))))
                    .forEach(e -> deliveries.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            return rows.stream().map(r -> new Detail(r, items.getOrDefault(r.id(), List.of()),
                    deliveries.getOrDefault(r.id(), List.of()))).toList();
        });
    }

    /** An approved case of the unit that is not referred yet; {@code held}: a hold keeps it from referral. */
    public record ReadyCase(long id, String title, long items, List<String> platforms, boolean held) {
    }

    public List<ReadyCase> ready(long unitId, int limit) {
        return jdbi.withHandle(h -> {
            record Raw(long id, String title, long items, List<String> platforms) {
            }
            List<Raw> raw = h.createQuery("""
                            SELECT c.id, c.title, count(ci.item_id),
                                   COALESCE(array_agg(DISTINCT p.name) FILTER (WHERE p.name IS NOT NULL), '{}')
                            FROM review_cases c JOIN review_case_items ci ON ci.case_id = c.id
                            JOIN items i ON i.id = ci.item_id LEFT JOIN platforms p ON p.id = i.platform_id
                            WHERE c.unit_id = ? AND c.state = 'approved'
                            GROUP BY c.id ORDER BY c.id LIMIT ?""").bind(0, unitId).bind(1, limit)
                    .map((rs, c) -> new Raw(rs.getLong(1), rs.getString(2), rs.getLong(3), strings(rs, 4))).list();
            Set<Long> held = Holds.held(h, raw.stream().map(Raw::id).toList());
            return raw.stream().map(r -> new ReadyCase(r.id(), r.title(), r.items(), r.platforms(),
                    held.contains(r.id()))).toList();
        });
    }

    private static Row row(ResultSet rs, StatementContext c) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("reference"), rs.getString("kind"), rs.getLong("unit_id"),
                rs.getString("unit"), rs.getLong("platform_id"), rs.getString("platform"), rs.getString("language"),
                instant(rs, "created_at"), instant(rs, "received_at"), rs.getString("received_via"),
                rs.getLong("items"), rs.getLong("open_items"));
    }
}
