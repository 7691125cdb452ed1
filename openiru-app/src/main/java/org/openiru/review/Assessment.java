package org.openiru.review;

import java.util.List;
import java.util.TreeSet;
import org.openiru.web.ApiException;

/**
 * An analyst's decision on a case: terrorist content under TCO Regulation Art. 2(7) with its categories,
 * entity, severity and content type; or not actionable with a reason (Art. 1(3) excludes journalism, research,
 * counter-speech and art); or escalated with a question. Required fields are checked here, on the server.
 */
public record Assessment(String outcome, List<String> categories, String entity, Integer severity,
                         String contentType, String reason, String question, String note) {
    public static final String TERRORIST = "terrorist";
    public static final String NOT_ACTIONABLE = "not_actionable";
    public static final String ESCALATE = "escalate";
    public static final List<String> OUTCOMES = List.of(TERRORIST, NOT_ACTIONABLE, ESCALATE);
    /** Art. 2(7): a incitement/glorification, b solicitation to commit, c to participate, d instruction, e threat. */
    public static final List<String> CATEGORIES = List.of("a", "b", "c", "d", "e");
    public static final List<String> REASONS = List.of("journalism", "research", "counter_speech", "artistic",
            "not_terrorist", "out_of_scope", "duplicate");
    public static final List<String> CONTENT_TYPES = List.of("video", "image", "audio", "text", "publication",
            "account", "other");
    private static final int MAX_TEXT = 4000;

    /** The assessment with blanks normalised, or a 400 naming the first missing or wrong field. */
    public Assessment validated() {
        String o = blank(outcome);
        if (!OUTCOMES.contains(o)) {
            throw ApiException.badRequest("outcome", "outcome must be one of " + String.join(", ", OUTCOMES));
        }
        String n = limited("note", note);
        if (o.equals(TERRORIST)) {
            if (categories != null && categories.stream().anyMatch(java.util.Objects::isNull)) {
                throw ApiException.badRequest("categories", "categories must be letters a to e, not null");
            }
            List<String> cats = List.copyOf(new TreeSet<>(categories == null ? List.of() : categories));
            if (cats.isEmpty()) {
                throw ApiException.badRequest("categories", "Choose at least one TCO Art. 2(7) category (a–e)");
            }
            for (String c : cats) {
                if (!CATEGORIES.contains(c)) {
                    throw ApiException.badRequest("categories", "Unknown category " + c + ": use a, b, c, d or e");
                }
            }
            String en = limited("entity", entity);
            if (en.isEmpty()) {
                throw ApiException.badRequest("entity", "Name the entity (organisation) behind the content");
            }
            if (severity == null || severity < 1 || severity > 4) {
                throw ApiException.badRequest("severity", "severity must be a whole number from 1 to 4");
            }
            String type = blank(contentType);
            if (!CONTENT_TYPES.contains(type)) {
                throw ApiException.badRequest("contentType", "contentType must be one of "
                        + String.join(", ", CONTENT_TYPES));
            }
            return new Assessment(o, cats, en, severity, type, "", "", n);
        }
        if (o.equals(NOT_ACTIONABLE)) {
            String r = blank(reason);
            if (!REASONS.contains(r)) {
                throw ApiException.badRequest("reason", "reason must be one of " + String.join(", ", REASONS));
            }
            return new Assessment(o, List.of(), "", null, "", r, "", n);
        }
        String q = limited("question", question);
        if (q.isEmpty()) {
            throw ApiException.badRequest("question", "Write the question for the person the case is escalated to");
        }
        return new Assessment(o, List.of(), "", null, "", "", q, n);
    }

    private static String blank(String s) {
        return s == null ? "" : s.strip();
    }

    private static String limited(String field, String s) {
        String v = blank(s);
        if (v.length() > MAX_TEXT) {
            throw ApiException.badRequest(field, field + " is longer than " + MAX_TEXT + " characters");
        }
        return v;
    }
}
