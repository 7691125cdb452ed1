package org.openiru.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * How much an analyst saw today (UTC): cases taken for review, and how many of them graphic. A daily cap on
 * graphic cases, set by a supervisor, stops the desk handing out graphic cases to that analyst until tomorrow.
 */
public final class Wellness {
    private final Jdbi jdbi;

    Wellness(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One person's exposure today; {@code cap} null is no cap. */
    public record Exposure(long userId, String username, String name, long cases, long graphic, Integer cap,
                           boolean seniorAnalyst) {
        public boolean capReached() {
            return cap != null && graphic >= cap;
        }
    }

    public Exposure of(long userId) {
        return jdbi.withHandle(h -> select(h, "WHERE u.id = :user").bind("user", userId).bind("since", startOfDay())
                .map(Wellness::map).one());
    }

    /** The analysts and supervisors of a unit, most exposed first. */
    public List<Exposure> ofUnit(long unitId) {
        return jdbi.withHandle(h -> select(h, """
                        WHERE u.unit_id = :unit AND u.active AND ('analyst' = ANY (u.roles) OR 'supervisor' = ANY (u.roles))
                        ORDER BY 5 DESC, 4 DESC, u.username""").bind("unit", unitId).bind("since", startOfDay())
                .map(Wellness::map).list());
    }

    static boolean capReached(Handle h, long userId) {
        return select(h, "WHERE u.id = :user").bind("user", userId).bind("since", startOfDay()).map(Wellness::map).one()
                .capReached();
    }

    private static org.jdbi.v3.core.statement.Query select(Handle h, String where) {
        return h.createQuery("""
                SELECT u.id, u.username, u.display_name,
                       (SELECT count(DISTINCT e.case_id) FROM review_case_events e
                        WHERE e.actor_id = u.id AND e.kind = 'claimed' AND e.at >= :since),
                       (SELECT count(DISTINCT e.case_id) FROM review_case_events e
                        JOIN review_cases c ON c.id = e.case_id
                        WHERE e.actor_id = u.id AND e.kind = 'claimed' AND e.at >= :since AND c.graphic),
                       s.daily_graphic_cap, COALESCE(s.senior_analyst, false)
                FROM users u LEFT JOIN review_user_settings s ON s.user_id = u.id
                """ + where);
    }

    private static Exposure map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext c)
            throws java.sql.SQLException {
        return new Exposure(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                (Integer) rs.getObject(6), rs.getBoolean(7));
    }

    private static OffsetDateTime startOfDay() {
        return LocalDate.now(ZoneOffset.UTC).atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
