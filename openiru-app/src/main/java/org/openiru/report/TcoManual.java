package org.openiru.report;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;
import org.openiru.store.Rows;
import org.openiru.web.ApiException;

/**
 * The parts of a TCO Art. 8 report that no table records, entered by a supervisor per unit and period
 * ({@code report_tco_manual}): scrutiny under Art. 4, specific measures (Art. 5), reviews (Art. 9), penalties
 * (Art. 18). A number left empty stays "not entered".
 */
public final class TcoManual {
    public static final int MAX_TEXT = 4000;
    /** The numbers and their texts, as the form and the table name them. */
    public static final List<String> FIELDS = List.of("scrutinised", "specific_measures", "reviews", "penalties");
    public static final Map<String, String> TEXTS = Map.of("scrutinised", "scrutiny_outcome",
            "specific_measures", "measures_text", "reviews", "reviews_outcome", "penalties", "penalties_text");
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    TcoManual(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** What was entered: per field its number (null: not entered) and its text. */
    public record Entry(Map<String, Integer> numbers, Map<String, String> texts, String updatedBy,
                        OffsetDateTime updatedAt) {
        public static final Entry NONE = new Entry(Map.of(), Map.of(), "", null);

        public Integer number(String field) {
            return numbers.get(field);
        }

        public String text(String field) {
            return texts.getOrDefault(field, "");
        }
    }

    public Entry of(TransparencyFigures.Period p) {
        return jdbi.withHandle(h -> read(h, p)).orElse(Entry.NONE);
    }

    private static Optional<Entry> read(Handle h, TransparencyFigures.Period p) {
        return h.createQuery("""
                        SELECT m.*, coalesce(nullif(u.display_name, ''), u.username, '') AS who
                        FROM report_tco_manual m LEFT JOIN users u ON u.id = m.updated_by
                        WHERE m.unit_id = :unit AND m.period_from = :from AND m.period_to = :to""")
                .bind("unit", p.unitId()).bind("from", p.from()).bind("to", p.to())
                .map((rs, c) -> {
                    Map<String, Integer> numbers = new LinkedHashMap<>();
                    Map<String, String> texts = new LinkedHashMap<>();
                    for (String f : FIELDS) {
                        numbers.put(f, rs.getObject(f, Integer.class));
                        texts.put(f, rs.getString(TEXTS.get(f)));
                    }
                    return new Entry(numbers, texts, rs.getString("who"),
                            rs.getObject("updated_at", OffsetDateTime.class));
                }).findOne();
    }

    /**
     * A supervisor saves the entry of a period (every field at once, as the form sends them); audited with the
     * values before and after. Numbers are whole and not negative, or empty; texts at most {@link #MAX_TEXT}.
     */
    public void save(Actor who, TransparencyFigures.Period p, Map<String, String> form) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (String f : FIELDS) {
            numbers.put(f, number(f, form.get(f)));
            String text = form.getOrDefault(TEXTS.get(f), "");
            text = text == null ? "" : text.strip();
            if (text.length() > MAX_TEXT) {
                throw ApiException.badRequest(TEXTS.get(f), TEXTS.get(f) + " is at most " + MAX_TEXT + " characters");
            }
            texts.put(f, text);
        }
        jdbi.useTransaction(h -> {
            Entry before = read(h, p).orElse(Entry.NONE);
            h.createUpdate("""
                            INSERT INTO report_tco_manual (unit_id, period_from, period_to, scrutinised, scrutiny_outcome,
                                specific_measures, measures_text, reviews, reviews_outcome, penalties, penalties_text,
                                updated_by, updated_at)
                            VALUES (:unit, :from, :to, :scrutinised, :scrutiny_outcome, :specific_measures,
                                :measures_text, :reviews, :reviews_outcome, :penalties, :penalties_text, :user, :now)
                            ON CONFLICT (unit_id, period_from, period_to) DO UPDATE SET
                                scrutinised = excluded.scrutinised, scrutiny_outcome = excluded.scrutiny_outcome,
                                specific_measures = excluded.specific_measures, measures_text = excluded.measures_text,
                                reviews = excluded.reviews, reviews_outcome = excluded.reviews_outcome,
                                penalties = excluded.penalties, penalties_text = excluded.penalties_text,
                                updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                    .bind("unit", p.unitId()).bind("from", p.from()).bind("to", p.to())
                    .bindMap(bindings(numbers, texts)).bind("user", who.userId())
                    .bind("now", Rows.utc(clock.instant())).execute();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("unitId", p.unitId());
            payload.put("from", p.from().toString());
            payload.put("to", p.to().toString());
            payload.put("before", Map.of("numbers", before.numbers(), "texts", before.texts()));
            payload.put("after", Map.of("numbers", numbers, "texts", texts));
            audit.record(h, who, "report.tco_manual.saved", "unit", p.unitId(), payload);
        });
    }

    private static Map<String, Object> bindings(Map<String, Integer> numbers, Map<String, String> texts) {
        Map<String, Object> b = new LinkedHashMap<>();
        for (String f : FIELDS) {
            b.put(f, numbers.get(f));
            b.put(TEXTS.get(f), texts.get(f));
        }
        return b;
    }

    private static Integer number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw ApiException.badRequest(field, field + " must be a whole number of 0 or more, or empty");
    }
}
