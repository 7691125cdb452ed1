package org.openiru.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.AuditLog;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.web.ApiException;

/**
 * Per person: how media are shown (blur, greyscale, autoplay muted), whether they may approve as a senior
 * analyst, and their daily cap of graphic cases. Per unit: which assessment outcomes need a second person's
 * approval (terrorist content always does).
 */
public final class ReviewSettings {
    public static final List<String> BLURS = List.of("none", "light", "medium", "strong");
    private final Jdbi jdbi;
    private final AuditLog audit;

    public ReviewSettings(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /** One person's desk settings; the defaults (strong blur, greyscale, no autoplay) when never saved. */
    public record UserSettings(String blur, boolean greyscale, boolean autoplayMuted, boolean seniorAnalyst,
                               Integer dailyGraphicCap) {
        static final UserSettings DEFAULTS = new UserSettings("strong", true, false, false, null);
    }

    public UserSettings of(long userId) {
        return jdbi.withHandle(h -> of(h, userId));
    }

    static UserSettings of(Handle h, long userId) {
        return h.createQuery("""
                        SELECT blur, greyscale, autoplay_muted, senior_analyst, daily_graphic_cap
                        FROM review_user_settings WHERE user_id = ?""").bind(0, userId)
                .map((rs, c) -> new UserSettings(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3),
                        rs.getBoolean(4), (Integer) rs.getObject(5)))
                .findOne().orElse(UserSettings.DEFAULTS);
    }

    /** A person changes how they see media. */
    public UserSettings saveMedia(Reviewer who, String blur, boolean greyscale, boolean autoplayMuted) {
        if (!BLURS.contains(blur)) {
            throw ApiException.badRequest("blur", "blur must be one of " + String.join(", ", BLURS));
        }
        return jdbi.inTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO review_user_settings (user_id, blur, greyscale, autoplay_muted) VALUES (?, ?, ?, ?)
                            ON CONFLICT (user_id) DO UPDATE SET blur = excluded.blur, greyscale = excluded.greyscale,
                                autoplay_muted = excluded.autoplay_muted""")
                    .bind(0, who.id()).bind(1, blur).bind(2, greyscale).bind(3, autoplayMuted).execute();
            audit.record(h, who.actor(), "review.media_settings", "user", who.id(),
                    Map.of("blur", blur, "greyscale", greyscale, "autoplayMuted", autoplayMuted));
            return of(h, who.id());
        });
    }

    /** A supervisor sets whether an analyst may approve and how many graphic cases they get per day. */
    public UserSettings saveAnalyst(Reviewer by, User analyst, boolean seniorAnalyst, Integer dailyGraphicCap) {
        if (dailyGraphicCap != null && (dailyGraphicCap < 1 || dailyGraphicCap > 1000)) {
            throw ApiException.badRequest("dailyGraphicCap", "dailyGraphicCap must be from 1 to 1000, or empty");
        }
        if (!by.user().has(Role.ADMIN) && by.user().unitId() != analyst.unitId()) {
            throw ApiException.forbidden("A supervisor sets analysts of their own unit only");
        }
        return jdbi.inTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO review_user_settings (user_id, senior_analyst, daily_graphic_cap) VALUES (?, ?, ?)
                            ON CONFLICT (user_id) DO UPDATE SET senior_analyst = excluded.senior_analyst,
                                daily_graphic_cap = excluded.daily_graphic_cap""")
                    .bind(0, analyst.id()).bind(1, seniorAnalyst).bind(2, dailyGraphicCap).execute();
            Map<String, Object> payload = new java.util.HashMap<>();
            payload.put("seniorAnalyst", seniorAnalyst);
            payload.put("dailyGraphicCap", dailyGraphicCap);
            audit.record(h, by.actor(), "review.analyst_settings", "user", analyst.id(), payload);
            return of(h, analyst.id());
        });
    }

    /** A supervisor or a senior analyst may approve another person's assessment. */
    static boolean mayApprove(Handle h, User u) {
        return u.has(Role.SUPERVISOR) || (u.has(Role.ANALYST) && of(h, u.id()).seniorAnalyst());
    }

    public boolean mayApprove(User u) {
        return jdbi.withHandle(h -> mayApprove(h, u));
    }

    public Set<String> approvalOutcomes(long unitId) {
        return jdbi.withHandle(h -> approvalOutcomes(h, unitId));
    }

    static Set<String> approvalOutcomes(Handle h, long unitId) {
        return h.createQuery("SELECT approval_outcomes FROM review_unit_settings WHERE unit_id = ?").bind(0, unitId)
                .mapTo(String[].class).findOne().map(a -> Set.<String>of(a)).orElse(Set.of(Assessment.TERRORIST));
    }

    /** Which outcomes of the unit's assessments need approval; terrorist content always does. */
    public Set<String> setApprovalOutcomes(Reviewer by, Set<String> outcomes) {
        Set<String> all = new TreeSet<>(outcomes);
        all.add(Assessment.TERRORIST);
        for (String o : all) {
            if (!List.of(Assessment.TERRORIST, Assessment.NOT_ACTIONABLE).contains(o)) {
                throw ApiException.badRequest("approvalOutcomes", "Only terrorist and not_actionable outcomes "
                        + "can need approval, not " + o);
            }
        }
        long unit = by.user().unitId();
        return jdbi.inTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO review_unit_settings (unit_id, approval_outcomes) VALUES (?, ?)
                            ON CONFLICT (unit_id) DO UPDATE SET approval_outcomes = excluded.approval_outcomes""")
                    .bind(0, unit).bind(1, all.toArray(new String[0])).execute();
            audit.record(h, by.actor(), "review.approval_outcomes", "unit", unit,
                    Map.of("approvalOutcomes", new ArrayList<>(all)));
            return approvalOutcomes(h, unit);
        });
    }
}
