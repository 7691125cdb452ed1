package org.openiru.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What an action day achieved, as the live board shows it and the final report prints it: every figure is an
 * aggregate of the {@code action_day_items} view (docs/reports.md gives the SQL), so that the board at the close,
 * the PDF and the CSV carry the same numbers.
 *
 * @param total       all items referred or ordered in the day
 * @param perPlatform per platform (key: platform id), then per entity (key: entity), per content type (key: the
 *                    assessment's content type, "" when none), per unit (key: unit id) and per kind (key:
 *                    "referral" or "removal_order")
 * @param keyActors   the actors whose items were referred in the day, the day's targets first, then by network rank
 * @param reappearedCases cases of the day whose content was seen again within seven days after the close (or up to
 *                    now while the day has not closed)
 * @param timeline    cumulative referred and removed counts by hour, from the start to the close (or now)
 */
public record ActionDayFigures(Day day, Instant computedAt, Counts total, List<Row> perPlatform, List<Row> perEntity,
                               List<Row> perContentType, List<Row> perUnit, List<Row> perKind,
                               List<KeyActor> keyActors, long reappearedCases, List<TimePoint> timeline) {

    /** The day itself; {@code startedAt} and {@code closedAt} are null until it is started or closed. */
    public record Day(long id, String name, String organisingUnit, Instant startsAt, Instant endsAt, String status,
                      Instant startedAt, Instant closedAt, List<String> units, List<String> platforms) {
    }

    /**
     * Counts by status, the removal rate (removed / referred, null when nothing was referred) and the median and
     * 90th percentile of the time from referral to removal over the removed items (null when none was removed).
     */
    public record Counts(long referred, long removed, long pending, long rejected, Double removalRate,
                         Duration medianToRemoval, Duration p90ToRemoval) {
    }

    /** One line of a breakdown: its key (an id or a code), the label shown, and its counts. */
    public record Row(String key, String label, Counts counts) {
    }

    /**
     * An actor whose items were referred in the day. {@code takenDown}: every one of its referred items came down
     * (at least one was referred). {@code rank} is its network rank, null when it has none.
     */
    public record KeyActor(long actorId, String name, String platform, Integer rank, boolean target, long referred,
                           long removed, boolean takenDown) {
    }

    /** Cumulative counts at the end of one hour. */
    public record TimePoint(Instant at, long referred, long removed) {
    }
}
