package org.openiru.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openiru.app.Json;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.web.PageContext;

/** What the dashboard's template needs besides the figures: whose figures, chart data, small formats. */
public final class DashboardView {
    private DashboardView() {
    }

    /**
     * Whose figures a person sees: their unit's. Administrators and auditors oversee the deployment rather than
     * work a unit's queues, so they see every unit's (null), as the statistics page lets them.
     */
    public static Long scope(User u) {
        return u.has(Role.ADMIN) || u.has(Role.AUDITOR) ? null : u.unitId();
    }

    /** One line of a chart: its label and a count per day. */
    record Series(String label, long[] n) {
    }

    /**
     * The data of a chart in the shape app.js draws for the statistics page (uPlot): days as epoch seconds, one
     * series per measure; {@code measures} name trends: items, hits, assessments, referred, removed.
     */
    public static String chart(PageContext p, DashboardQueries.Trends t, String... measures) {
        List<Series> series = new ArrayList<>();
        for (String m : measures) {
            long[] n = switch (m) {
                case "items" -> t.items();
                case "hits" -> t.hits();
                case "assessments" -> t.assessments();
                case "referred" -> t.referred();
                case "removed" -> t.removed();
                default -> throw new IllegalArgumentException("No trend " + m);
            };
            series.add(new Series(p.t("dashboard.trend." + m), n));
        }
        return Json.write(Map.of("x", t.days().stream().map(d -> d.atStartOfDay(ZoneOffset.UTC).toEpochSecond())
                .toList(), "series", series));
    }

    /** A share as a percentage with one decimal, a dash when there is none. */
    public static String percent(Double share) {
        return share == null ? "–" : String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    /** How long ago {@code since} was, at {@code now}; null when there is no such time. */
    public static Duration age(Instant since, Instant now) {
        return since == null ? null : Duration.between(since, now);
    }
}
