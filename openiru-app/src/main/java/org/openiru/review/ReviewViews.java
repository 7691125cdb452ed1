package org.openiru.review;

import java.time.Duration;
import org.openiru.web.PageContext;

/** Small things the desk's templates show. */
public final class ReviewViews {
    private ReviewViews() {
    }

    /** A queue with its counters; {@code open}: the person may take cases from it. */
    public record QueueView(Cases.Queue queue, CaseQueries.Counters counters, boolean open) {
    }

    /** A duration as minutes, hours or days in the page's language; a dash when there is none. */
    public static String duration(PageContext p, Duration d) {
        if (d == null) {
            return "–";
        }
        if (d.toHours() >= 48) {
            return p.t("review.days", p.num(d.toDays()));
        }
        if (d.toMinutes() >= 120) {
            return p.t("review.hours", p.num(d.toHours()));
        }
        if (d.toSeconds() >= 120) {
            return p.t("review.minutes", p.num(d.toMinutes()));
        }
        return p.t("review.seconds", p.num(Math.max(0, d.toSeconds())));
    }
}
