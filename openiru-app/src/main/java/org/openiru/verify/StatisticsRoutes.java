package org.openiru.verify;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.openiru.app.Json;
import org.openiru.auth.Authenticator;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.platform.Platforms;
import org.openiru.web.ApiException;
import org.openiru.web.Downloads;
import org.openiru.web.Pages;
import org.openiru.web.Params;
import org.openiru.web.Routes;

/** The statistics page with its charts, the same numbers as JSON, and as CSV. */
final class StatisticsRoutes {
    static final Role[] READERS = {Role.ADMIN, Role.SUPERVISOR, Role.ANALYST, Role.AUDITOR};
    /** Twelve weeks back from today when no period is given. */
    private static final int DEFAULT_DAYS = 83;
    private static final int MAX_DAYS = 3 * 366;

    private final Statistics statistics;
    private final Platforms platforms;
    private final Pages pages;
    private final Authenticator auth;
    private final java.time.Clock clock;

    StatisticsRoutes(Statistics statistics, Platforms platforms, Pages pages, Authenticator auth,
                     java.time.Clock clock) {
        this.clock = clock;
        this.statistics = statistics;
        this.platforms = platforms;
        this.pages = pages;
        this.auth = auth;
    }

    void register(Routes r) {
        r.tag("statistics")
                .get("/statistics", "Referrals, removals and answers per platform and period, with charts",
                        this::page, READERS)
                .get("/statistics/export.csv", "The statistics as CSV", this::csv, READERS)
                .get("/api/v1/statistics", "Statistics per platform and period (from, to, group=week|month, "
                        + "platform, unit)", ctx -> {
                    StatisticsQuery q = query(ctx);
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("from", q.from());
                    m.put("to", q.to());
                    m.put("group", q.group());
                    m.put("rows", statistics.rows(q.filter(), q.grouping()));
                    m.put("totals", statistics.rows(q.filter(), Statistics.Grouping.TOTAL));
                    ctx.json(m);
                }, READERS);
    }

    private void page(Context ctx) {
        StatisticsQuery q = query(ctx);
        List<Statistics.Row> rows = statistics.rows(q.filter(), q.grouping());
        Map<String, Object> m = new HashMap<>();
        m.put("query", q);
        m.put("rows", rows);
        m.put("totals", statistics.rows(q.filter(), Statistics.Grouping.TOTAL));
        m.put("chart", Json.write(chart(rows)));
        m.put("platforms", platforms.list());
        m.put("overseer", UnitScope.overseer(auth.require(ctx).user()));
        m.put("csv", "/statistics/export.csv" + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
        pages.render(ctx, "verify/statistics.jte", m);
    }

    private void csv(Context ctx) {
        StatisticsQuery q = query(ctx);
        List<String> header = new ArrayList<>(List.of("platform", "period_start", "referrals", "items", "removed",
                "removal_rate", "median_seconds_to_removal", "p90_seconds_to_removal", "orders", "orders_received",
                "orders_within_one_hour"));
        Statistics.REJECTION_KEYS.forEach(k -> header.add("rejections_" + k));
        header.add("reappearances");
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(header);
            for (Statistics.Row row : statistics.rows(q.filter(), q.grouping())) {
                List<Object> cells = new ArrayList<>(List.of(cell(row.platform()), row.period(), row.referrals(),
                        row.items(), row.removed(), number(row.removalRate()), number(row.medianSeconds()),
                        number(row.p90Seconds()), row.orders(), row.ordersReceived(), row.ordersWithinHour()));
                Statistics.REJECTION_KEYS.forEach(k -> cells.add(row.rejections().get(k)));
                cells.add(row.reappearances());
                csv.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Downloads.attachment(ctx, "text/csv; charset=utf-8", "openiru-statistics-" + q.from() + "-" + q.to() + ".csv");
        ctx.result(out.toString());
    }

    /** A text cell that a spreadsheet would run as a formula gets a leading apostrophe. */
    static String cell(String s) {
        return org.openiru.web.CsvCells.inert(s);
    }

    private static String number(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.4f", d).replaceAll("\\.?0+$", "");
    }

    /** One platform's line in the charts: removal rate (%) and median time to removal (hours) per period. */
    record Series(String label, List<Double> rate, List<Double> median) {
    }

    /** Periods (epoch seconds) as the x axis, one series per platform; null where a platform had no referral. */
    record Chart(List<Long> x, java.util.Collection<Series> series) {
    }

    private static Chart chart(List<Statistics.Row> rows) {
        List<LocalDate> periods = new ArrayList<>(new TreeSet<>(rows.stream().map(Statistics.Row::period).toList()));
        Map<Long, Series> series = new LinkedHashMap<>();
        for (Statistics.Row row : rows) {
            Series s = series.computeIfAbsent(row.platformId(), id -> new Series(row.platform(),
                    new ArrayList<>(java.util.Collections.nCopies(periods.size(), (Double) null)),
                    new ArrayList<>(java.util.Collections.nCopies(periods.size(), (Double) null))));
            int i = periods.indexOf(row.period());
            s.rate().set(i, row.removalRate() == null ? null : Math.round(row.removalRate() * 1000) / 10.0);
            s.median().set(i, row.medianSeconds() == null ? null : Math.round(row.medianSeconds() / 36) / 100.0);
        }
        return new Chart(periods.stream().map(p -> p.atStartOfDay(ZoneOffset.UTC).toEpochSecond()).toList(),
                series.values());
    }

    private StatisticsQuery query(Context ctx) {
        User u = auth.require(ctx).user();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate to = date(ctx, "to", today);
        LocalDate from = date(ctx, "from", to.minusDays(DEFAULT_DAYS));
        if (from.isAfter(to)) {
            throw ApiException.badRequest("from", "from must not be after to");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ApiException.badRequest("from", "the period may span at most " + MAX_DAYS + " days");
        }
        String group = Params.query(ctx, "group") == null ? "week" : Params.query(ctx, "group");
        Statistics.Grouping grouping = switch (group) {
            case "week" -> Statistics.Grouping.WEEK;
            case "month" -> Statistics.Grouping.MONTH;
            default -> throw ApiException.badRequest("group", "group must be week or month");
        };
        Long platform = Params.longQuery(ctx, "platform");
        String unit = Params.query(ctx, "unit");
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new StatisticsQuery(from, to, group, platform, unit == null ? "" : unit,
                new Statistics.Filter(start, end, UnitScope.of(u, unit), platform), grouping);
    }

    private static LocalDate date(Context ctx, String name, LocalDate dflt) {
        Instant day = Params.dayQuery(ctx, name, 0);
        return day == null ? dflt : LocalDate.ofInstant(day, ZoneOffset.UTC);
    }
}
