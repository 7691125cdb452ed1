package org.openiru.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Jdbi;
import org.openiru.referral.order.OrderClock;
import org.openiru.referral.order.OrderQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's figures, kept per scope (a unit, or every unit) for a short while.
 *
 * <p>Why a cache and not a count per request: the figures count ranges of a million items and a hundred thousand
 * referrals; even from indexes one computation costs a good part of a second of database time (docs/benchmarks.md,
 * "Dashboard"), far above the 300 ms a page may take, and per-day rollup tables would need triggers on the ingest
 * and answer paths, which are tuned for bulk writes. A dashboard looked at by a few dozen people may be 30 s
 * behind: the page says when its figures were computed. An entry older than {@link #FRESH} is still served while
 * one background thread computes the next (so no request waits for it); one older than {@link #STALE_LIMIT}
 * (nobody looked for five minutes) is recomputed before answering. The removal orders with their one-hour clocks
 * are not cached: they are read at every request (few, from the index of unsettled orders).
 */
public final class Dashboard implements AutoCloseable {
    static final Duration FRESH = Duration.ofSeconds(30);
    static final Duration STALE_LIMIT = Duration.ofMinutes(5);
    /** Open orders shown; the page links to the orders list for the rest. */
    static final int ORDERS_SHOWN = 20;
    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);
    /** The cache's key for "every unit" (unit ids start at 1). */
    private static final long ALL_UNITS = 0;

    private final DashboardQueries queries;
    private final Jdbi jdbi;
    private final OrderQueries orders;
    private final Clock clock;
    private final Map<Long, DashboardQueries.Figures> cache = new ConcurrentHashMap<>();
    private final Set<Long> refreshing = ConcurrentHashMap.newKeySet();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dashboard-refresh");
        t.setDaemon(true);
        return t;
    });

    public Dashboard(Jdbi jdbi, OrderQueries orders, Clock clock) {
        this.jdbi = jdbi;
        this.orders = orders;
        this.queries = new DashboardQueries(jdbi);
        this.clock = clock;
    }

    /** The figures of a unit ({@code null}: every unit), at most {@link #FRESH} old or being refreshed. */
    public DashboardQueries.Figures figures(Long unitId) {
        long key = unitId == null ? ALL_UNITS : unitId;
        Instant now = clock.instant();
        DashboardQueries.Figures f = cache.get(key);
        if (f == null || f.computedAt().plus(STALE_LIMIT).isBefore(now)) {
            f = queries.figures(unitId, now);
            cache.put(key, f);
        } else if (f.computedAt().plus(FRESH).isBefore(now) && refreshing.add(key)) {
            refresher.execute(() -> {
                try {
                    cache.put(key, queries.figures(unitId, clock.instant()));
                } catch (RuntimeException e) {
                    LOG.warn("Refreshing the dashboard of unit {} failed; the page shows the previous figures",
                            unitId, e);
                } finally {
                    refreshing.remove(key);
                }
            });
        }
        return f;
    }

    /** An unsettled removal order and its clock now. */
    public record OpenOrder(long id, String reference, String platform, OrderClock.Result clock) {
    }

    /** The unsettled orders of the scope and their count; the ones received first are shown. */
    public record OpenOrders(long count, List<OpenOrder> shown, Instant now) {
    }

    /** The open orders read in two queries, their clocks in four more ({@link OrderQueries#clocks}). */
    public OpenOrders openOrders(Long unitId) {
        Instant now = clock.instant();
        record Head(long id, String reference, String platform) {
        }
        long count = jdbi.withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM referral_orders o JOIN referrals r ON r.id = o.referral_id
                        WHERE o.settled_at IS NULL AND (CAST(:unit AS bigint) IS NULL OR r.unit_id = :unit)""")
                .bind("unit", unitId).mapTo(Long.class).one());
        List<Head> heads = jdbi.withHandle(h -> h.createQuery("""
                        SELECT r.id, r.reference, p.name
                        FROM referral_orders o JOIN referrals r ON r.id = o.referral_id
                        JOIN platforms p ON p.id = r.platform_id
                        WHERE o.settled_at IS NULL AND (CAST(:unit AS bigint) IS NULL OR r.unit_id = :unit)
                        ORDER BY coalesce(r.received_at, o.issued_at), r.id LIMIT :limit""")
                .bind("unit", unitId).bind("limit", ORDERS_SHOWN)
                .map((rs, c) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3))).list());
        Map<Long, OrderClock.Result> clocks = orders.clocks(heads.stream().map(Head::id).toList(), now);
        return new OpenOrders(count, heads.stream().map(o -> new OpenOrder(o.id(), o.reference(), o.platform(),
                clocks.get(o.id()))).toList(), now);
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
