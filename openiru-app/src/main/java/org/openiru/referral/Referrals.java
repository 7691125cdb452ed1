package org.openiru.referral;

import static org.openiru.store.Rows.strings;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openiru.store.Rows;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;
import org.openiru.delivery.Outbox;
import org.openiru.platform.Platform;
import org.openiru.platform.Platforms;
import org.openiru.review.Cases;
import org.openiru.review.Holds;
import org.openiru.web.ApiException;

/**
 * Referrals from a unit's approved cases: their items grouped by the item's platform, one referral per platform
 * (more when above {@value #MAX_ITEMS} items, so that an e-mail or CSV stays usable), written set-based in one
 * transaction with the cases' {@code referred} events and the outbox rows that deliver them. An item already
 * referred to its platform (by this unit or another) is never referred again: the unique key of
 * {@code referral_items} says so, and the answer names who referred it.
 */
public final class Referrals {
    public static final int MAX_ITEMS = 1000;
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Cases cases;
    private final Platforms platforms;
    private final ReasonTemplates templates;
    private final ReferralDocuments documents;
    private final Clock clock;

    Referrals(Jdbi jdbi, AuditLog audit, Cases cases, Platforms platforms, ReasonTemplates templates,
              ReferralDocuments documents, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.cases = cases;
        this.platforms = platforms;
        this.templates = templates;
        this.documents = documents;
        this.clock = clock;
    }

    /** One item of an approved case that may go to its platform, with what the referral says about it. */
    record Candidate(long caseId, long itemId, Long platformId, String url, List<String> categories, String entity,
                     String contentType, List<String> sha256, List<String> pdq, String referredIn,
                     String referredBy) {
    }

    /** An item that was referred to its platform before (by {@code unit}), so it is not referred again. */
    public record AlreadyReferred(long caseId, long itemId, String url, String platform, String reference,
                                  String unit) {
    }

    /** What a run would refer per platform: items and the referrals they make. */
    public record PlatformCount(long platformId, String platform, int items, int referrals) {
    }

    /**
     * What referring would do (the confirmation page shows it) or did: per platform, the items already referred,
     * the held cases left out, and the items whose platform is unknown (they cannot be referred).
     */
    public record Plan(List<Long> caseIds, List<PlatformCount> platforms, List<AlreadyReferred> alreadyReferred,
                       List<Long> heldCases, List<Long> noPlatformItems) {
        public int items() {
            return platforms.stream().mapToInt(PlatformCount::items).sum();
        }
    }

    /** A referral made by a run. */
    public record Made(long id, String reference, long platformId, String platform, int items) {
    }

    public record Result(List<Made> referrals, List<Long> casesReferred, Plan plan) {
        public int items() {
            return referrals.stream().mapToInt(Made::items).sum();
        }
    }

    /** What {@link #referApproved} would do now, without doing it. */
    public Plan preview(long unitId, List<Long> caseIds) {
        return jdbi.inTransaction(h -> {
            Selection s = select(h, unitId, caseIds, false);
            return plan(s, byPlatform(s.candidates()));
        });
    }

    /**
     * Refers the unit's approved cases ({@code caseIds}, or all of them when null or empty). Chosen cases that
     * are held, of another unit or not approved refuse the whole run; when referring all, held cases are left
     * out and listed.
     */
    public Result referApproved(Actor who, long unitId, List<Long> caseIds) {
        return jdbi.inTransaction(h -> {
            Selection s = select(h, unitId, caseIds, true);
            Map<Long, List<Candidate>> grouped = byPlatform(s.candidates());
            Plan plan = plan(s, grouped);
            Instant now = clock.instant();
            String prefix = h.createQuery("SELECT upper(slug) FROM units WHERE id = ?").bind(0, unitId)
                    .mapTo(String.class).one() + "-REF-" + now.atOffset(ZoneOffset.UTC).getYear() + "-";
            List<Made> made = new ArrayList<>();
            Map<Long, List<String>> referencesOfCase = new HashMap<>();
            for (Map.Entry<Long, List<Candidate>> e : grouped.entrySet()) {
                Platform platform = platforms.get(e.getKey());
                String language = ReasonTemplates.languageFor(platform.acceptedLanguages());
                String template = templates.of(h, unitId).stream().filter(t -> t.language().equals(language))
                        .findFirst().orElseThrow().body();
                List<Candidate> items = e.getValue();
                for (int from = 0; from < items.size(); from += MAX_ITEMS) {
                    List<Candidate> chunk = items.subList(from, Math.min(items.size(), from + MAX_ITEMS));
                    Made m = write(h, who, unitId, prefix, platform, language, template, chunk, now);
                    made.add(m);
                    chunk.forEach(c -> referencesOfCase.computeIfAbsent(c.caseId(), k -> new ArrayList<>())
                            .add(m.reference()));
                }
            }
            Map<Long, Map<String, Object>> events = caseEvents(s.candidates(), referencesOfCase);
            cases.markReferred(h, who, events);
            audit.recordAll(h, who, "referral.created", "referral", made.stream()
                    .map(m -> new AuditLog.Subject(m.id(), Map.of("reference", m.reference(), "platformId",
                            m.platformId(), "items", m.items()))).toList());
            return new Result(made, events.keySet().stream().sorted().toList(), plan);
        });
    }

    /** The approved cases chosen, and their items with everything a referral says. */
    private record Selection(List<Long> caseIds, List<Long> held, List<Candidate> candidates) {
    }

    private Selection select(Handle h, long unitId, List<Long> chosen, boolean lock) {
        boolean all = chosen == null || chosen.isEmpty();
        if (!all && chosen.stream().anyMatch(Objects::isNull)) {
            throw ApiException.badRequest("caseIds", "caseIds must hold whole numbers, not null");
        }
        Long[] ids = all ? null : new LinkedHashSet<>(chosen).toArray(new Long[0]);
        if (!all) {
            Map<Long, String> found = new HashMap<>();
            h.createQuery("SELECT id, unit_id, state FROM review_cases WHERE id = ANY(?)").bind(0, ids)
                    .map((rs, c) -> Map.entry(rs.getLong(1), rs.getLong(2) == unitId ? rs.getString(3) : "other"))
                    .forEach(e -> found.put(e.getKey(), e.getValue()));
            for (Long id : ids) {
                String state = found.get(id);
                if (state == null) {
                    throw ApiException.badRequest("caseIds", "Case " + id + " does not exist");
                }
                if (state.equals("other")) {
                    throw ApiException.badRequest("caseIds", "Case " + id + " belongs to another unit: only its unit "
                            + "refers it");
                }
                if (!state.equals("approved")) {
                    throw ApiException.conflict("caseIds", "Case " + id + " is " + state
                            + ": only approved cases are referred");
                }
            }
        }
        List<Long> caseIds = h.createQuery("""
                        SELECT id FROM review_cases WHERE unit_id = :unit AND state = 'approved'
                          AND (CAST(:ids AS bigint[]) IS NULL OR id = ANY(:ids))
                        ORDER BY id""" + (lock ? " FOR UPDATE" : ""))
                .bind("unit", unitId).bind("ids", ids).mapTo(Long.class).list();
        Set<Long> held = Holds.held(h, caseIds);
        if (!all && !held.isEmpty()) {
            Holds.requireNone(h, held, unitId);
        }
        List<Long> free = caseIds.stream().filter(id -> !held.contains(id)).toList();
        return new Selection(free, held.stream().sorted().toList(), candidates(h, free));
    }

    /**
     * One query for all the items: the latest assessment's categories, entity and content type; the SHA-256 of
     * the item's stored files and their PDQ hashes; and any earlier referral of the item to its platform.
     */
    private static List<Candidate> candidates(Handle h, List<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return h.createQuery("""
                        WITH a AS (SELECT DISTINCT ON (case_id) case_id, categories, entity, content_type
                                   FROM review_assessments WHERE case_id = ANY(:cases) AND outcome = 'terrorist'
                                   ORDER BY case_id, id DESC),
                             blobs AS (SELECT b.item_id, array_agg(DISTINCT b.blob_sha256) AS sha256,
                                              array_remove(array_agg(DISTINCT s.value), NULL) AS pdq
                                       FROM item_blobs b LEFT JOIN content_signals s ON s.content_ref = b.blob_sha256
                                            AND s.signal_type = 'pdq'
                                       WHERE b.blob_sha256 IS NOT NULL AND b.item_id IN (
                                           SELECT item_id FROM review_case_items WHERE case_id = ANY(:cases))
                                       GROUP BY b.item_id)
                        SELECT ci.case_id, i.id, i.platform_id, i.canonical_url, a.categories, a.entity,
                               a.content_type, COALESCE(bl.sha256, '{}'), COALESCE(bl.pdq, '{}'), r.reference, u.name
                        FROM review_case_items ci JOIN items i ON i.id = ci.item_id JOIN a ON a.case_id = ci.case_id
                        LEFT JOIN blobs bl ON bl.item_id = i.id
                        LEFT JOIN referral_items ri ON ri.item_id = i.id AND ri.platform_id = i.platform_id
                             AND ri.kind = 'referral'
                        LEFT JOIN referrals r ON r.id = ri.referral_id LEFT JOIN units u ON u.id = r.unit_id
                        WHERE ci.case_id = ANY(:cases)
                        ORDER BY i.platform_id, ci.case_id, i.id""")
                .bind("cases", caseIds.toArray(new Long[0]))
                .map((rs, c) -> new Candidate(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), rs.getString(4),
                        strings(rs, 5), rs.getString(6), rs.getString(7), strings(rs, 8),
                        strings(rs, 9), rs.getString(10), rs.getString(11)))
                .list();
    }

    /** New items per platform, each item once per platform even when two chosen cases carry it. */
    private static Map<Long, List<Candidate>> byPlatform(List<Candidate> candidates) {
        Map<Long, List<Candidate>> grouped = new TreeMap<>();
        Set<Long> seen = new HashSet<>();
        for (Candidate c : candidates) {
            if (c.platformId() != null && c.referredIn() == null && seen.add(c.itemId())) {
                grouped.computeIfAbsent(c.platformId(), k -> new ArrayList<>()).add(c);
            }
        }
        return grouped;
    }

    private Plan plan(Selection s, Map<Long, List<Candidate>> grouped) {
        List<PlatformCount> counts = grouped.entrySet().stream().map(e -> new PlatformCount(e.getKey(),
                platforms.get(e.getKey()).name(), e.getValue().size(),
                (e.getValue().size() + MAX_ITEMS - 1) / MAX_ITEMS)).toList();
        Map<Long, String> names = new HashMap<>();
        List<AlreadyReferred> already = s.candidates().stream().filter(c -> c.referredIn() != null)
                .map(c -> new AlreadyReferred(c.caseId(), c.itemId(), c.url(), names.computeIfAbsent(c.platformId(),
                        p -> platforms.get(p).name()), c.referredIn(), c.referredBy())).toList();
        List<Long> noPlatform = s.candidates().stream().filter(c -> c.platformId() == null)
                .map(Candidate::itemId).distinct().toList();
        return new Plan(s.caseIds(), counts, already, s.held(), noPlatform);
    }

    /** Writes one referral: the row, its items (in one statement), and its outbox rows. */
    private Made write(Handle h, Actor who, long unitId, String prefix, Platform platform, String language,
                       String template, List<Candidate> chunk, Instant now) {
        OffsetDateTime at = Rows.utc(now);
        long number = h.createQuery("SELECT nextval('referral_reference_seq')").mapTo(Long.class).one();
        String reference = prefix + String.format(java.util.Locale.ROOT, "%06d", number);
        long id = h.createQuery("""
                        INSERT INTO referrals (reference, kind, unit_id, platform_id, language, created_by, created_at,
                            action_day_id)
                        VALUES (:reference, 'referral', :unit, :platform, :language, :by, :at,
                            running_action_day(:unit, :platform)) RETURNING id""")
                .bind("reference", reference).bind("unit", unitId).bind("platform", platform.id())
                .bind("language", language).bind("by", who.userId()).bind("at", at).mapTo(Long.class).one();
        int n = chunk.size();
        Long[] cases = new Long[n];
        Long[] items = new Long[n];
        String[] urls = new String[n];
        String[] categories = new String[n];
        String[] entities = new String[n];
        String[] reasons = new String[n];
        String[] sha = new String[n];
        String[] pdq = new String[n];
        for (int i = 0; i < n; i++) {
            Candidate c = chunk.get(i);
            cases[i] = c.caseId();
            items[i] = c.itemId();
            urls[i] = c.url();
            categories[i] = arrayLiteral(c.categories());
            entities[i] = c.entity();
            reasons[i] = templates.render(template, language, new ReasonTemplates.Fields(c.categories(), c.entity(),
                    c.contentType(), c.url()));
            sha[i] = arrayLiteral(c.sha256());
            pdq[i] = arrayLiteral(c.pdq());
        }
        // Array columns travel as array literals (they hold hex digits and the letters a-e only), so that the
        // whole chunk is one INSERT … SELECT FROM unnest.
        List<ReferralDocuments.Line> lines = h.createQuery("""
                        INSERT INTO referral_items (referral_id, case_id, item_id, platform_id, kind, url, categories,
                                                    entity, reason, sha256, pdq)
                        SELECT :referral, x.c, x.i, :platform, 'referral', x.u, CAST(x.cat AS text[]), x.e, x.r,
                               CAST(x.s AS text[]), CAST(x.p AS text[])
                        FROM unnest(:cases, :items, :urls, :cats, :entities, :reasons, :sha, :pdq)
                             WITH ORDINALITY AS x(c, i, u, cat, e, r, s, p, n)
                        ORDER BY x.n
                        ON CONFLICT (item_id, platform_id, kind) DO NOTHING
                        RETURNING id, case_id, item_id, url, categories, entity, reason, sha256, pdq""")
                .bind("referral", id).bind("platform", platform.id()).bind("cases", cases).bind("items", items)
                .bind("urls", urls).bind("cats", categories).bind("entities", entities).bind("reasons", reasons)
                .bind("sha", sha).bind("pdq", pdq)
                .map((rs, c) -> new ReferralDocuments.Line(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getString(4), strings(rs, 5), rs.getString(6), rs.getString(7),
                        strings(rs, 8), strings(rs, 9))).list();
        if (lines.size() != n) {
            // another transaction referred some of these items between our read and our write
            throw ApiException.conflict("caseIds", (n - lines.size()) + " items were referred by someone else at "
                    + "the same moment: run the referral again");
        }
        ReferralDocuments.Header header = new ReferralDocuments.Header(id, reference, "referral", platform.name(),
                language, now);
        for (var m : documents.outgoing(header, platform, lines)) {
            Outbox.add(h, m, now);
        }
        return new Made(id, reference, platform.id(), platform.name(), n);
    }

    /** One {@code referred} event per case that now has all its referable items referred (by anyone). */
    private static Map<Long, Map<String, Object>> caseEvents(List<Candidate> candidates,
                                                            Map<Long, List<String>> referencesOfCase) {
        Map<Long, Map<String, Object>> events = new LinkedHashMap<>();
        Map<Long, List<Candidate>> ofCase = new LinkedHashMap<>();
        candidates.forEach(c -> ofCase.computeIfAbsent(c.caseId(), k -> new ArrayList<>()).add(c));
        for (Map.Entry<Long, List<Candidate>> e : ofCase.entrySet()) {
            List<Candidate> withPlatform = e.getValue().stream().filter(c -> c.platformId() != null).toList();
            if (withPlatform.isEmpty()) {
                continue;
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("references", referencesOfCase.getOrDefault(e.getKey(), List.of()).stream().distinct()
                    .toList());
            payload.put("items", withPlatform.stream().filter(c -> c.referredIn() == null).count());
            List<Map<String, Object>> before = withPlatform.stream().filter(c -> c.referredIn() != null)
                    .map(c -> Map.<String, Object>of("itemId", c.itemId(), "reference", c.referredIn(), "unit",
                            c.referredBy())).toList();
            if (!before.isEmpty()) {
                payload.put("alreadyReferred", before);
            }
            events.put(e.getKey(), payload);
        }
        return events;
    }

    private static String arrayLiteral(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }
}
