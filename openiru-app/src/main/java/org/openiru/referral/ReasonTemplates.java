package org.openiru.referral;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openiru.store.Rows;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;
import org.openiru.web.ApiException;
import org.openiru.web.Messages;

/**
 * The reason text sent with each referred item, written from the item's assessment with a template per unit and
 * language. Templates are plain text with the placeholders {@code {categories}}, {@code {entity}},
 * {@code {content_type}} and {@code {url}}; without a unit's own template the built-in one of the language is
 * used (key {@code referral.template.default} of the language's bundle, as are the words for the categories).
 */
public final class ReasonTemplates {
    /** The languages reasons can be written in: the ones with built-in wording for the categories. */
    public static final List<String> LANGUAGES = List.of("en", "ar");
    public static final int MAX_LENGTH = 4000;
    /** What a template may contain, for the editor's help. */
    public static final String PLACEHOLDERS = "{categories}, {entity}, {content_type}, {url}";
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Map<String, Messages> messages;
    private final Clock clock;

    ReasonTemplates(Jdbi jdbi, AuditLog audit, Map<String, Messages> messages, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** One language's template of a unit; {@code own}: the unit wrote it (else it is the built-in one). */
    public record Template(String language, String body, boolean own) {
    }

    public List<Template> of(long unitId) {
        return jdbi.withHandle(h -> of(h, unitId));
    }

    List<Template> of(Handle h, long unitId) {
        Map<String, String> own = h.createQuery("SELECT language, body FROM referral_templates WHERE unit_id = ?")
                .bind(0, unitId).map((rs, c) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return LANGUAGES.stream().map(l -> own.containsKey(l) ? new Template(l, own.get(l), true)
                : new Template(l, builtIn(l), false)).toList();
    }

    /**
     * The built-in template of a language. The bundle quotes its placeholders for MessageFormat (which checks
     * every text of the bundles); formatting with an unused argument takes the quotes away.
     */
    public String builtIn(String language) {
        return messages.get(language).t("referral.template.default", "");
    }

    /** A supervisor sets the unit's template of a language; audited with the text before and after. */
    public void save(Actor who, long unitId, String language, String body) {
        if (!LANGUAGES.contains(language)) {
            throw ApiException.badRequest("language", "language must be one of " + String.join(", ", LANGUAGES));
        }
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw ApiException.badRequest("body", "The template is 1 to " + MAX_LENGTH + " characters");
        }
        jdbi.useTransaction(h -> {
            String before = of(h, unitId).stream().filter(t -> t.language().equals(language)).findFirst()
                    .orElseThrow().body();
            h.createUpdate("""
                            INSERT INTO referral_templates (unit_id, language, body, updated_by, updated_at)
                            VALUES (:unit, :lang, :body, :user, :now)
                            ON CONFLICT (unit_id, language) DO UPDATE SET body = excluded.body,
                                updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                    .bind("unit", unitId).bind("lang", language).bind("body", text).bind("user", who.userId())
                    .bind("now", Rows.utc(clock.instant())).execute();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("unitId", unitId);
            payload.put("language", language);
            payload.put("before", before);
            payload.put("after", text);
            audit.record(h, who, "referral.template.saved", "unit", unitId, payload);
        });
    }

    /**
     * The language a platform gets its reasons in: the first of its accepted languages that has a template,
     * else English.
     */
    public static String languageFor(List<String> accepted) {
        Optional<String> first = accepted.stream().filter(LANGUAGES::contains).findFirst();
        return first.orElse("en");
    }

    /** What a reason is written from: the assessment's fields and the item's address. */
    public record Fields(List<String> categories, String entity, String contentType, String url) {
    }

    /** The template with its placeholders filled in the template's language; the result is plain text. */
    public String render(String template, String language, Fields f) {
        Messages m = messages.get(language);
        String categories = f.categories().stream().map(c -> m.t("referral.tco." + c))
                .collect(Collectors.joining("; "));
        String type = f.contentType() == null || f.contentType().isEmpty() ? ""
                : m.t("review.content_type." + f.contentType()).toLowerCase(java.util.Locale.forLanguageTag(language));
        return template.replace("{categories}", categories).replace("{entity}", f.entity())
                .replace("{content_type}", type).replace("{url}", f.url());
    }
}
