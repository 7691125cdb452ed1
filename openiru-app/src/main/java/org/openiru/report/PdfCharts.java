package org.openiru.report;

import com.lowagie.text.Element;
import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Color;
import java.util.List;

/**
 * Charts drawn as PDF vectors (rectangles, lines, shaped text): horizontal bars, stacked or not, and a step chart
 * over time. In a right-to-left document the bars grow from the right and their labels stand on the right; a time
 * axis keeps running left to right, as in Arabic newspapers' and statistics offices' charts.
 */
public final class PdfCharts {
    public static final Color GREEN = new Color(0x2e, 0x7d, 0x32);
    public static final Color AMBER = new Color(0xf9, 0xa8, 0x25);
    public static final Color RED = new Color(0xc6, 0x28, 0x28);
    public static final Color BLUE = ReportPdf.ACCENT;

    private PdfCharts() {
    }

    /** Something drawn into a form of the given size; y grows upwards, 0 at the bottom. */
    @FunctionalInterface
    public interface Chart {
        void draw(PdfContentByte cb, ReportPdf pdf, float width, float height);
    }

    /** One bar: its label and its segments (one per series; one segment for a plain bar). */
    public record Bar(String label, List<Long> segments) {
        long total() {
            return segments.stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A series of a chart: its name in the legend and its colour. */
    public record Legend(String name, Color color) {
    }

    /** One line of a step chart: its legend and a value per step. */
    public record Series(Legend legend, List<Long> values) {
    }

    /** The height a bar chart of this many bars needs, with its legend. */
    public static float barsHeight(int bars) {
        return 22 + bars * 16f;
    }

    /**
     * Horizontal bars, stacked by series, each with its total at its end; {@code series}: the segments' legend and
     * colours, in the order of each bar's segments.
     */
    public static Chart bars(List<Bar> bars, List<Legend> series) {
        return (cb, pdf, width, height) -> {
            float labelWidth = Math.min(width * 0.3f, 8 + bars.stream()
                    .map(b -> pdf.textWidth(b.label(), pdf.body)).max(Float::compare).orElse(0f));
            float numberWidth = 40;
            float plot = width - labelWidth - numberWidth;
            long max = Math.max(1, bars.stream().mapToLong(Bar::total).max().orElse(1));
            float y = height - 14;
            legend(cb, pdf, series, width, height);
            for (Bar b : bars) {
                y -= 16;
                float x = labelWidth;
                for (int s = 0; s < b.segments().size(); s++) {
                    float w = plot * b.segments().get(s) / max;
                    rect(cb, pdf, width, x, y, w, 11, series.get(s).color());
                    x += w;
                }
                pdf.text(cb, clip(pdf, b.label(), labelWidth - 6), pdf.body, pdf.rtl() ? Element.ALIGN_RIGHT
                        : Element.ALIGN_LEFT, pdf.rtl() ? width : 0, y + 2);
                float end = pdf.rtl() ? width - x - 4 : x + 4;
                pdf.text(cb, String.valueOf(b.total()), pdf.body, pdf.rtl() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT,
                        end, y + 2);
            }
        };
    }

    /**
     * Counts over time as steps, one line per series: value i holds from step i to step i + 1. {@code xLabels}
     * (one per step: its start) are written under the axis, as many as fit, evenly spaced.
     */
    public static Chart steps(List<Series> series, List<String> xLabels) {
        return (cb, pdf, width, height) -> {
            float left = 36;
            float bottom = 18;
            float top = height - 16;
            float plotW = width - left - 6;
            float plotH = top - bottom;
            int n = series.isEmpty() ? 0 : series.get(0).values().size();
            long max = Math.max(1, series.stream().flatMap(s -> s.values().stream()).mapToLong(Long::longValue)
                    .max().orElse(1));
            long step = niceStep(max);
            cb.setLineWidth(0.4f);
            for (long v = 0; v <= max + step - 1; v += step) {
                float y = bottom + plotH * Math.min(1f, (float) v / roundUp(max, step));
                cb.setColorStroke(ReportPdf.RULE);
                cb.moveTo(left, y);
                cb.lineTo(left + plotW, y);
                cb.stroke();
                pdf.text(cb, String.valueOf(v), pdf.small, Element.ALIGN_RIGHT, left - 3, y - 2.5f);
            }
            float scaleY = plotH / roundUp(max, step);
            float dx = plotW / Math.max(1, n);
            for (Series s : series) {
                cb.setColorStroke(s.legend().color());
                cb.setLineWidth(1.4f);
                cb.moveTo(left, bottom);
                for (int i = 0; i < s.values().size(); i++) {
                    float y = bottom + s.values().get(i) * scaleY;
                    cb.lineTo(left + i * dx, y);
                    cb.lineTo(left + (i + 1) * dx, y);
                }
                cb.stroke();
            }
            int labels = Math.max(1, Math.min(xLabels.size(), (int) (plotW / 80)));
            for (int k = 0; k < labels && !xLabels.isEmpty(); k++) {
                int i = labels == 1 ? 0 : Math.round((float) k * (xLabels.size() - 1) / (labels - 1));
                int align = k == 0 ? Element.ALIGN_LEFT : Element.ALIGN_CENTER;
                pdf.text(cb, xLabels.get(i), pdf.small, align, left + i * dx, 4);
            }
            legend(cb, pdf, series.stream().map(Series::legend).toList(), width, height);
        };
    }

    private static void legend(PdfContentByte cb, ReportPdf pdf, List<Legend> names, float width, float height) {
        float x = 0;
        for (Legend l : names) {
            float w = 14 + pdf.textWidth(l.name(), pdf.small) + 12;
            rect(cb, pdf, width, x, height - 9, 8, 7, l.color());
            float tx = pdf.rtl() ? width - x - 11 : x + 11;
            pdf.text(cb, l.name(), pdf.small, pdf.rtl() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT, tx,
                    height - 8.5f);
            x += w;
        }
    }

    /** A filled rectangle at x from the start side (the right in a right-to-left document). */
    private static void rect(PdfContentByte cb, ReportPdf pdf, float width, float x, float y, float w, float h,
                             Color c) {
        if (w <= 0) {
            return;
        }
        cb.setColorFill(c);
        cb.rectangle(pdf.rtl() ? width - x - w : x, y, w, h);
        cb.fill();
    }

    /** A label cut with an ellipsis to fit a width. */
    private static String clip(ReportPdf pdf, String label, float max) {
        if (pdf.textWidth(label, pdf.body) <= max) {
            return label;
        }
        String s = label;
        while (s.length() > 1 && pdf.textWidth(s + "…", pdf.body) > max) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "…";
    }

    /** 1, 2 or 5 times a power of ten, giving about four grid lines. */
    static long niceStep(long max) {
        double raw = max / 4.0;
        long pow = 1;
        while (pow * 10 <= raw) {
            pow *= 10;
        }
        for (long m : new long[] {1, 2, 5, 10}) {
            if (m * pow >= raw) {
                return m * pow;
            }
        }
        return 10 * pow;
    }

    private static long roundUp(long max, long step) {
        return Math.max(step, (max + step - 1) / step * step);
    }
}
