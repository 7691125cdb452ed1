package org.openiru.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.openiru.store.Rows;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;
import org.openiru.web.ApiException;

/**
 * A platform's answers to the items of its referrals and removal orders, and the receipt stamped when a platform
 * user first opens one. Every query is bound to the platform of the person answering: an item of another
 * platform is "not found", never "forbidden", so that ids reveal nothing.
 */
public final class Answers {
    public static final List<String> REFERRAL_ANSWERS = List.of("removed", "access_disabled", "geo_blocked",
            "rejected", "need_information");
    /** Annex II (removed, access disabled) and Annex III (cannot execute). */
    public static final List<String> ORDER_ANSWERS = List.of("removed", "access_disabled", "cannot_execute");
    public static final List<String> REASON_CODES = List.of("force_majeure", "de_facto_impossibility",
            "manifest_error", "insufficient_information");
    public static final int MAX_ANSWERS = 1000;
    private static final int MAX_REASON = 4000;
    /** Clocks of platforms drift a little; an action time further ahead than this is a mistake. */
    private static final Duration FUTURE_SLACK = Duration.ofMinutes(5);
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    Answers(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One answer as sent. {@code actedAt} is when the platform acted (ISO-8601, e.g. 2026-12-01T21:05:00Z);
     * empty means now, except for an order's Annex II answer, which must say it.
     */
    public record Answer(Long referralItemId, String answer, String reasonCode, String reason, String actedAt) {
    }

    /** The API's body. */
    public record Batch(List<Answer> answers) {
    }

    /**
     * Records the answers of a platform user (or their API client), all or none: the first wrong answer is
     * reported with its place ({@code answers[3].answer}) and nothing is written. Returns the answers' ids.
     */
    public List<Long> record(Actor who, long platformId, List<Answer> answers, String via) {
        if (answers == null || answers.isEmpty()) {
            throw ApiException.badRequest("answers", "Give at least one answer");
        }
        if (answers.size() > MAX_ANSWERS) {
            throw ApiException.badRequest("answers", "At most " + MAX_ANSWERS + " answers at once, not "
                    + answers.size());
        }
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            List<Long> itemIds = new ArrayList<>();
            for (Answer a : answers) {
                if (a != null && a.referralItemId() != null) {
                    itemIds.add(a.referralItemId());
                }
            }
            Map<Long, String> kindOf = new HashMap<>();
            h.createQuery("SELECT id, kind FROM referral_items WHERE id = ANY(?) AND platform_id = ?")
                    .bind(0, itemIds.toArray(new Long[0])).bind(1, platformId)
                    .map((rs, c) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> kindOf.put(e.getKey(), e.getValue()));
            List<Checked> checked = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                checked.add(check("answers[" + i + "].", answers.get(i), kindOf, now));
            }
            List<AuditLog.Subject> audited = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            for (Checked c : checked) {
                long id = h.createQuery("""
                                INSERT INTO referral_answers (referral_item_id, answer, reason_code, reason, acted_at,
                                                              recorded_at, user_id, via)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                        .bind(0, c.itemId()).bind(1, c.answer()).bind(2, c.reasonCode()).bind(3, c.reason())
                        .bind(4, Rows.utc(c.actedAt()))
                        .bind(5, Rows.utc(now)).bind(6, who.userId()).bind(7, via)
                        .mapTo(Long.class).one();
                ids.add(id);
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("answerId", id);
                payload.put("answer", c.answer());
                payload.put("reasonCode", c.reasonCode());
                payload.put("reason", c.reason());
                payload.put("actedAt", c.actedAt().toString());
                payload.put("via", via);
                audited.add(new AuditLog.Subject(c.itemId(), payload));
            }
            audit.recordAll(h, who, "referral.answered", "referral_item", audited);
            return ids;
        });
    }

    private record Checked(long itemId, String answer, String reasonCode, String reason, Instant actedAt) {
    }

    private static Checked check(String at, Answer a, Map<Long, String> kindOf, Instant now) {
        if (a == null) {
            throw ApiException.badRequest(at.substring(0, at.length() - 1), "An answer is missing (null)");
        }
        if (a.referralItemId() == null) {
            throw ApiException.badRequest(at + "referralItemId", "Name the item: referralItemId");
        }
        String kind = kindOf.get(a.referralItemId());
        if (kind == null) {
            throw new ApiException(404, "not_found", "Referral item " + a.referralItemId()
                    + " was not found among your platform's referrals", at + "referralItemId");
        }
        boolean order = kind.equals("removal_order");
        List<String> allowed = order ? ORDER_ANSWERS : REFERRAL_ANSWERS;
        String answer = blank(a.answer());
        if (!allowed.contains(answer)) {
            throw ApiException.badRequest(at + "answer", "answer must be one of " + String.join(", ", allowed)
                    + (order ? " for a removal order" : " for a referral"));
        }
        String reason = blank(a.reason());
        if (reason.length() > MAX_REASON) {
            throw ApiException.badRequest(at + "reason", "reason is at most " + MAX_REASON + " characters");
        }
        String code = blank(a.reasonCode());
        if (answer.equals("cannot_execute")) {
            if (!REASON_CODES.contains(code)) {
                throw ApiException.badRequest(at + "reasonCode", "Say why the order cannot be executed: reasonCode "
                        + "must be one of " + String.join(", ", REASON_CODES));
            }
            if (reason.isEmpty()) {
                throw ApiException.badRequest(at + "reason", "Explain, and say what clarification you need");
            }
        } else if (!code.isEmpty()) {
            throw ApiException.badRequest(at + "reasonCode", "reasonCode goes only with cannot_execute");
        }
        if (answer.equals("rejected") && reason.isEmpty()) {
            throw ApiException.badRequest(at + "reason", "Say why the referral is rejected");
        }
        if (answer.equals("need_information") && reason.isEmpty()) {
            throw ApiException.badRequest(at + "reason", "Write the question");
        }
        String acted = blank(a.actedAt());
        Instant actedAt;
        if (acted.isEmpty()) {
            if (order && !answer.equals("cannot_execute")) {
                throw ApiException.badRequest(at + "actedAt", "Give the date and time of the removal or disabling");
            }
            actedAt = now;
        } else {
            try {
                actedAt = OffsetDateTime.parse(acted).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest(at + "actedAt", "actedAt must be a time like 2026-12-01T21:05:00Z");
            }
            if (actedAt.isAfter(now.plus(FUTURE_SLACK))) {
                throw ApiException.badRequest(at + "actedAt", "actedAt is in the future");
            }
        }
        return new Checked(a.referralItemId(), answer, code, reason, actedAt);
    }

    private static String blank(String s) {
        return s == null ? "" : s.strip();
    }

    /** The platform opened the referral in the portal ({@code via} portal) or fetched it through the API. */
    public void stampReceipt(Actor who, long platformId, long referralId, String via) {
        jdbi.useTransaction(h -> Receipts.stamp(h, audit, who, platformId, referralId, via, clock.instant()));
    }
}
