package org.openiru.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openiru.campaign.ActionDayFigures;
import org.openiru.campaign.ActionDayFigures.Counts;
import org.openiru.campaign.ActionDayFigures.Row;

/**
 * Figures of an action day made by hand, of any size: the report renders whatever the campaign's query computes,
 * so its tests and benchmark do not need the query. Counts add up like the real ones: per-platform rows sum to the
 * total, removed + pending + rejected = referred. Names are [synthetic].
 */
public final class ActionDayFiguresFixture {
    public static final Instant START = Instant.parse("2026-11-21T08:00:00Z");

    private ActionDayFiguresFixture() {
    }

    /** {@code hours} of timeline; {@code closed}: the day has closed. {@code name} goes into the title as is. */
    public static ActionDayFigures figures(String name, int platforms, int entities, int actors, int hours,
                                           boolean closed) {
        List<Row> perPlatform = new ArrayList<>();
        long referred = 0;
        long removed = 0;
        long pending = 0;
        long rejected = 0;
        for (int p = 0; p < platforms; p++) {
            long ref = 1000 + 37L * p;
            long rem = ref * (60 + p) / 100;
            long rej = 5 + p;
            Counts c = counts(ref, rem, ref - rem - rej, rej);
            perPlatform.add(new Row(String.valueOf(p + 1), p == 0 ? "Telegram" : "Platform " + (p + 1), c));
            referred += ref;
            removed += rem;
            pending += ref - rem - rej;
            rejected += rej;
        }
        Counts total = counts(referred, removed, pending, rejected);
        List<Row> perEntity = new ArrayList<>();
        for (int e = 0; e < entities; e++) {
            perEntity.add(new Row("entity-" + e, e == 0 ? "داعش [synthetic]" : "Entity " + e + " [synthetic]",
                    counts(10 + e, 5 + e / 2, 5 + e - e / 2 - 1, 1)));
        }
        List<ActionDayFigures.KeyActor> keyActors = new ArrayList<>();
        for (int a = 0; a < actors; a++) {
            keyActors.add(new ActionDayFigures.KeyActor(1000 + a, (a % 3 == 0 ? "قناة النشر " : "channel_") + a
                    + " [synthetic]", "Telegram", a < 100 ? a + 1 : null, a < 20, 10 + a % 7, a % 7, a % 7 == 0));
        }
        List<ActionDayFigures.TimePoint> timeline = new ArrayList<>();
        for (int h = 1; h <= hours; h++) {
            timeline.add(new ActionDayFigures.TimePoint(START.plus(Duration.ofHours(h)), referred * h / hours,
                    removed * h / hours));
        }
        Instant end = START.plus(Duration.ofHours(hours));
        ActionDayFigures.Day day = new ActionDayFigures.Day(7, name, "Unit A [synthetic]", START, end,
                closed ? "closed" : "running", START, closed ? end : null, List.of("Unit A [synthetic]", "وحدة ب"),
                perPlatform.stream().map(Row::label).toList());
        return new ActionDayFigures(day, end, total, perPlatform, perEntity,
                List.of(new Row("video", "Video", counts(referred - 10, removed - 4, pending - 6, rejected)),
                        new Row("", "", counts(10, 4, 6, 0))),
                List.of(new Row("1", "Unit A [synthetic]", total)),
                List.of(new Row("referral", "Referral", counts(referred - 3, removed - 3, pending, rejected)),
                        new Row("removal_order", "Removal order", counts(3, 3, 0, 0))),
                keyActors, 4, timeline);
    }

    static Counts counts(long referred, long removed, long pending, long rejected) {
        return new Counts(referred, removed, pending, rejected, referred == 0 ? null : (double) removed / referred,
                removed == 0 ? null : Duration.ofMinutes(65).plusSeconds(removed % 60),
                removed == 0 ? null : Duration.ofHours(26).plusSeconds(249));
    }
}
