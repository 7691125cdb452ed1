package org.openiru.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The geometry of the live board's charts: per-platform stacked bars (removed, pending, rejected), drawn as SVG by
 * the page template (so that names are escaped there), and the data of the cumulative timeline that uPlot draws.
 */
public final class BoardCharts {
    /** The width in SVG units of the longest bar. */
    public static final int WIDTH = 600;
    public static final int ROW = 28;
    public static final int LABEL = 160;
    /** The parts of a bar, in drawing order. */
    public static final List<String> STATUSES = List.of("removed", "pending", "rejected");

    private BoardCharts() {
    }

    /** A part of a bar: its status, where it starts, how wide it is, its count. */
    public record Segment(String status, double x, double width, long count) {
    }

    /** One platform's bar at row {@code y}. */
    public record Bar(String label, double y, long referred, List<Segment> segments) {
    }

    /** Bars scaled to the platform with most referred items; empty when nothing was referred. */
    public static List<Bar> bars(List<ActionDayFigures.Row> perPlatform) {
        long max = perPlatform.stream().mapToLong(r -> r.counts().referred()).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        if (max == 0) {
            return bars;
        }
        double scale = (double) (WIDTH - LABEL) / max;
        for (ActionDayFigures.Row r : perPlatform) {
            ActionDayFigures.Counts c = r.counts();
            List<Segment> segments = new ArrayList<>();
            double x = LABEL;
            long[] counts = {c.removed(), c.pending(), c.rejected()};
            for (int i = 0; i < STATUSES.size(); i++) {
                double w = counts[i] * scale;
                segments.add(new Segment(STATUSES.get(i), x, w, counts[i]));
                x += w;
            }
            bars.add(new Bar(r.label(), bars.size() * ROW, c.referred(), segments));
        }
        return bars;
    }

    public static int height(List<Bar> bars) {
        return Math.max(ROW, bars.size() * ROW);
    }

    /**
     * The timeline as the statistics charts of app.js read it: epoch seconds as x, and the two series (label and
     * values under "v").
     */
    public static Map<String, Object> timeline(List<ActionDayFigures.TimePoint> points, String referred,
                                               String removed) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("x", points.stream().map(p -> p.at().getEpochSecond()).toList());
        chart.put("series", List.of(
                Map.of("label", referred, "v", points.stream().map(ActionDayFigures.TimePoint::referred).toList()),
                Map.of("label", removed, "v", points.stream().map(ActionDayFigures.TimePoint::removed).toList())));
        return chart;
    }
}
