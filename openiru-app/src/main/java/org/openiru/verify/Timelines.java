package org.openiru.verify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** One referred item's status over time: the checks and the platform's answers, in one list, oldest first. */
public final class Timelines {
    /** The referred item and where it stands now. {@code removedAt}/{@code removedHow} from the removals view. */
    public record Item(long referralItemId, long referralId, String reference, String kind, long unitId,
                       long platformId, String platform, String url, Instant referralCreatedAt, Instant receivedAt,
                       Instant removedAt, String removedHow, Long secondsToRemoval, Instant nextCheckAt,
                       int checksDone) {
    }

    /**
     * One entry: {@code source} is {@code check} or {@code answer}. A check has outcome, HTTP status, final URL,
     * marker and error; an answer has the answer, reason code, reason and via, with {@code at} the time the
     * platform says it acted and {@code recordedAt} when we learned it.
     */
    public record Entry(String source, Instant at, String what, Integer httpStatus, String finalUrl, String marker,
                        String error, String reasonCode, String reason, String via, Instant recordedAt) {
    }

    public record Timeline(Item item, List<Entry> entries) {
    }

    private final Jdbi jdbi;

    public Timelines(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Timeline> of(long referralItemId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT ri.id, r.id AS referral_id, r.reference, r.kind, r.unit_id, r.platform_id, p.name AS platform,
                       ri.url, r.created_at, r.received_at, rm.removed_at, rm.how,
                       CASE WHEN rm.removed_at IS NOT NULL THEN CAST(floor(GREATEST(0, extract(epoch FROM
                           rm.removed_at - coalesce(r.received_at, r.created_at)))) AS bigint) END AS seconds,
                       s.next_check_at, coalesce(s.checks_done, 0) AS checks_done
                FROM referral_items ri JOIN referrals r ON r.id = ri.referral_id JOIN platforms p ON p.id = r.platform_id
                LEFT JOIN referral_item_removals rm ON rm.referral_item_id = ri.id
                LEFT JOIN verify_schedule s ON s.referral_item_id = ri.id
                WHERE ri.id = :id""").bind("id", referralItemId).map(Timelines::item).findOne()
                .map(item -> new Timeline(item, h.createQuery("""
                        SELECT 'check' AS source, c.checked_at AS at, c.outcome AS what, c.http_status, c.final_url,
                               c.marker_label AS marker, c.error, '' AS reason_code, '' AS reason, '' AS via,
                               c.checked_at AS recorded_at, c.id AS seq
                        FROM verify_checks c WHERE c.referral_item_id = :id
                        UNION ALL
                        SELECT 'answer', a.acted_at, a.answer, NULL, '', '', '', a.reason_code, a.reason, a.via,
                               a.recorded_at, a.id
                        FROM referral_answers a WHERE a.referral_item_id = :id
                        ORDER BY at, source, seq""").bind("id", referralItemId).map(Timelines::entry).list())));
    }

    private static Item item(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new Item(rs.getLong("id"), rs.getLong("referral_id"), rs.getString("reference"), rs.getString("kind"),
                rs.getLong("unit_id"), rs.getLong("platform_id"), rs.getString("platform"), rs.getString("url"),
                instant(rs, "created_at"), instant(rs, "received_at"), instant(rs, "removed_at"), rs.getString("how"),
                rs.getObject("seconds") == null ? null : rs.getLong("seconds"), instant(rs, "next_check_at"),
                rs.getInt("checks_done"));
    }

    private static Entry entry(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new Entry(rs.getString("source"), instant(rs, "at"), rs.getString("what"),
                rs.getObject("http_status") == null ? null : rs.getInt("http_status"), rs.getString("final_url"),
                rs.getString("marker"), rs.getString("error"), rs.getString("reason_code"), rs.getString("reason"),
                rs.getString("via"), instant(rs, "recorded_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
