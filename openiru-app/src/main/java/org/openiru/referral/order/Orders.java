package org.openiru.referral.order;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;
import org.openiru.auth.User;
import org.openiru.delivery.Outbox;
import org.openiru.evidence.BlobStore;
import org.openiru.referral.Receipts;
import org.openiru.review.Cases;
import org.openiru.review.Holds;
import org.openiru.web.ApiException;

/**
 * Issuing removal orders and what follows: the unit's clarification after an Annex III answer, the platform
 * saying its obstacle ceased, and the Art. 3(2) information notice before a unit's first order to a platform.
 * Each is one transaction with its audit event and its outbox rows, so a decision and its sending commit
 * together. The breach check is {@link BreachCheck}.
 */
public final class Orders {
    /** Art. 3(2): the information on procedures and deadlines goes at least this long before the first order. */
    public static final Duration NOTICE_PERIOD = Duration.ofHours(12);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+");
    private static final int MAX_TEXT = 4000;

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;
    private final BlobStore blobs;
    private final SigningKeys keys;
    private final Cases cases;
    final OrderMessages messages;

    public Orders(Jdbi jdbi, AuditLog audit, Clock clock, BlobStore blobs, SigningKeys keys, Cases cases,
                  String publicUrl) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
        this.blobs = blobs;
        this.keys = keys;
        this.cases = cases;
        this.messages = new OrderMessages(publicUrl);
    }

    static boolean isEmail(String s) {
        return s != null && EMAIL.matcher(s.strip()).matches();
    }

    /** Issues the order (the caller is a supervisor); returns its id. */
    public long issue(User who, Actor actor, OrderForm input) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            Facts f = facts(h, who.unitId(), input.platformId());
            List<String[]> sectionA = new ArrayList<>();
            if (f.country.isEmpty()) {
                sectionA.add(new String[] {"issuingState", "section A: the unit has no country (an administrator "
                        + "sets it on the units page)"});
            }
            if (f.legalRepresentative.isEmpty()) {
                sectionA.add(new String[] {"legalRepresentative", "section A: the platform has no legal "
                        + "representative (an administrator sets it on the platforms page)"});
            }
            if (f.contactPoint.isEmpty()) {
                sectionA.add(new String[] {"contactPoint", "section A: the platform has no TCO point of contact "
                        + "(an administrator sets it on the platforms page)"});
            }
            boolean crossBorder = !f.mainEstablishment.isEmpty() && !f.mainEstablishment.equals(f.country);
            OrderForm form = input.validated(crossBorder, sectionA);
            requireInformed(h, who.unitId(), form.platformId(), form.emergencyReason(), now);
            List<Long> itemIds = form.items().stream().map(OrderForm.Line::itemId).toList();
            Map<Long, OrderQueries.Candidate> open = OrderQueries.candidates(h, who.unitId(), form.platformId(),
                    itemIds).stream().collect(Collectors.toMap(OrderQueries.Candidate::itemId, c -> c));
            for (long item : itemIds) {
                if (!open.containsKey(item)) {
                    throw ApiException.conflict("items", "Item " + item + " cannot be ordered removed from "
                            + f.platformName + ": it is not in an approved case of your unit on that platform, or "
                            + "it was ordered removed there before");
                }
            }
            Holds.requireNone(h, open.values().stream().map(OrderQueries.Candidate::caseId).distinct().toList(),
                    who.unitId());
            h.execute("SELECT pg_advisory_xact_lock(hashtext('referral-order-reference'), CAST(? AS int))",
                    who.unitId());
            String reference = reference(h, f.unitSlug, who.unitId(), now);
            long id = h.createQuery("""
                            INSERT INTO referrals (reference, kind, unit_id, platform_id, language, created_by, created_at,
                                action_day_id)
                            VALUES (:reference, 'removal_order', :unit, :platform, 'en', :by, :at,
                                running_action_day(:unit, :platform)) RETURNING id""")
                    .bind("reference", reference).bind("unit", who.unitId()).bind("platform", form.platformId())
                    .bind("by", who.id()).bind("at", now).mapTo(Long.class).one();
            for (OrderForm.Line l : form.items()) {
                OrderQueries.Candidate c = open.get(l.itemId());
                h.createUpdate("""
                                INSERT INTO referral_items (referral_id, case_id, item_id, platform_id, kind, url,
                                    categories, entity, reason, sha256, pdq)
                                SELECT :order, :case, :item, :platform, 'removal_order', :url, :categories, :entity,
                                       :reason,
                                       COALESCE((SELECT array_agg(DISTINCT b.blob_sha256 ORDER BY b.blob_sha256)
                                                 FROM item_blobs b WHERE b.item_id = :item AND NOT b.missing), '{}'),
                                       COALESCE((SELECT array_agg(DISTINCT s.value ORDER BY s.value)
                                                 FROM item_blobs b JOIN content_signals s
                                                   ON s.content_ref = b.blob_sha256 AND s.signal_type = 'pdq'
                                                 WHERE b.item_id = :item), '{}')""")
                        .bind("order", id).bind("case", c.caseId()).bind("item", l.itemId())
                        .bind("platform", form.platformId()).bind("url", c.url())
                        .bind("categories", l.categories().toArray(new String[0])).bind("entity", c.entity())
                        .bind("reason", l.reason()).execute();
            }
            String keyId = keys.keyId(h, actor, who.unitId(), now);
            Order.Annex annex = new Order.Annex(f.country, f.platformName, f.legalRepresentative, f.contactPoint, now,
                    form.nonDisclosureDays(), form.nonDisclosureReason(), crossBorder ? f.mainEstablishment : "",
                    form.hostAuthority(), form.hostAuthorityContact(), form.copySentAt(), form.authorityName(),
                    form.authorityAddress(), form.authorityContact(), who.id(), who.shownName(),
                    form.followupContact(), form.redressBody(), form.redressTimeLimit(), form.redressProcedure(),
                    form.emergencyReason(), "", "", keyId);
            Order draft = new Order(id, reference, who.unitId(), f.unitName, f.unitSlug, form.platformId(),
                    f.platformName, now, null, null, annex, OrderQueries.lines(h, id), List.of(), List.of());
            byte[] pdf = OrderPdf.render(draft, keyId);
            String sha = store(pdf, draft.pdfName());
            SigningKeys.Signed signed = keys.sign(h, who.unitId(), pdf);
            h.createUpdate("""
                            INSERT INTO referral_orders (referral_id, issuing_state, addressee, legal_representative,
                                contact_point, issued_at, non_disclosure_days, non_disclosure_reason, host_state,
                                host_authority, host_authority_contact, copy_sent_at, authority_name,
                                authority_address, authority_contact, officer_id, officer_name, followup_contact,
                                redress_body, redress_time_limit, redress_procedure, emergency_reason, pdf_sha256,
                                signature, key_id)
                            VALUES (:id, :state, :addressee, :rep, :contact, :at, :ndDays, :ndReason, :hostState,
                                :hostAuthority, :hostContact, :copySent, :authName, :authAddress, :authContact,
                                :officer, :officerName, :followup, :redressBody, :redressLimit, :redressProcedure,
                                :emergency, :pdf, :signature, :keyId)""")
                    .bind("id", id).bind("state", annex.issuingState()).bind("addressee", annex.addressee())
                    .bind("rep", annex.legalRepresentative()).bind("contact", annex.contactPoint()).bind("at", now)
                    .bind("ndDays", annex.nonDisclosureDays()).bind("ndReason", annex.nonDisclosureReason())
                    .bind("hostState", annex.hostState()).bind("hostAuthority", annex.hostAuthority())
                    .bind("hostContact", annex.hostAuthorityContact()).bind("copySent", annex.copySentAt())
                    .bind("authName", annex.authorityName()).bind("authAddress", annex.authorityAddress())
                    .bind("authContact", annex.authorityContact()).bind("officer", who.id())
                    .bind("officerName", annex.officerName()).bind("followup", annex.followupContact())
                    .bind("redressBody", annex.redressBody()).bind("redressLimit", annex.redressTimeLimit())
                    .bind("redressProcedure", annex.redressProcedure()).bind("emergency", annex.emergencyReason())
                    .bind("pdf", sha).bind("signature", signed.signature()).bind("keyId", signed.keyId()).execute();
            Order order = OrderQueries.find(h, id).orElseThrow();
            for (long caseId : order.items().stream().map(Order.Line::caseId).distinct().toList()) {
                cases.noteOrder(h, actor, caseId, "order_issued", Map.of("orderId", id, "reference", reference,
                        "platformId", form.platformId()));
            }
            messages.issued(h, order, f, pdf, now).forEach(m -> Outbox.add(h, m, now));
            Map<String, Object> audited = new LinkedHashMap<>();
            audited.put("reference", reference);
            audited.put("platformId", form.platformId());
            audited.put("items", itemIds);
            audited.put("pdfSha256", sha);
            audited.put("keyId", signed.keyId());
            audited.put("crossBorder", crossBorder);
            audited.put("emergency", !form.emergencyReason().isEmpty());
            audit.record(h, actor, "order.issued", "referral", id, audited);
            return id;
        });
    }

    /** The unit's answer to an Annex III "manifest error / insufficient information": a new hour starts now. */
    public void clarify(User who, Actor actor, long orderId, String text) {
        String t = limited("text", text);
        if (t.isEmpty()) {
            throw ApiException.badRequest("text", "Write the clarification the platform asked for");
        }
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            Order o = lock(h, orderId);
            if (o.unitId() != who.unitId()) {
                throw ApiException.notFound("Order " + orderId);
            }
            if (o.clock(now).items().values().stream().noneMatch(i -> i.pause() == OrderClock.Pause.CLARIFICATION)) {
                throw ApiException.conflict("text", "The platform asked for no clarification on order "
                        + o.reference() + " (no Annex III answer for a manifest error or insufficient information "
                        + "is waiting)");
            }
            long event = event(h, orderId, "clarification", t, now, who.id());
            Facts f = facts(h, o.unitId(), o.platformId());
            messages.clarification(o, f, event, t, now).forEach(m -> Outbox.add(h, m, now));
            audit.record(h, actor, "order.clarification", "referral", orderId, Map.of("event", event, "text", t));
        });
    }

    /** The platform says the force majeure or de facto impossibility ended (Art. 3(7)): a new hour starts now. */
    public void reasonsCeased(User who, Actor actor, long orderId, String text) {
        String t = limited("text", text);
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            Order o = lock(h, orderId);
            if (who.platformId() == null || o.platformId() != who.platformId()) {
                throw ApiException.notFound("Order " + orderId);
            }
            if (o.clock(now).items().values().stream().noneMatch(i -> i.pause() == OrderClock.Pause.REASONS_CEASED)) {
                throw ApiException.conflict("text", "No item of order " + o.reference() + " waits for force majeure "
                        + "or a de facto impossibility to end");
            }
            long event = event(h, orderId, "reasons_ceased", t, now, who.id());
            audit.record(h, actor, "order.reasons_ceased", "referral", orderId, Map.of("event", event, "text", t));
        });
    }

    /**
     * A platform user opened the order in the portal: if no delivery was confirmed before, this is its receipt
     * and the hour starts now (the same rule as the portal's referral page).
     */
    public void opened(User who, Actor actor, long orderId) {
        jdbi.useTransaction(h -> Receipts.stamp(h, audit, actor, who.platformId(), orderId, "portal", clock.instant()));
    }

    /** When the unit gave the platform the Art. 3(2) information, if it did. */
    public Optional<Instant> informedAt(long unitId, long platformId) {
        return jdbi.withHandle(h -> informedAt(h, unitId, platformId));
    }

    /** Whether the unit ever issued an order to the platform (then Art. 3(2) no longer applies). */
    public boolean orderedBefore(long unitId, long platformId) {
        return jdbi.withHandle(h -> orderedBefore(h, unitId, platformId));
    }

    /** Sends the Art. 3(2) information on procedures and deadlines to the platform by e-mail, once. */
    public Instant sendInformation(User who, Actor actor, long platformId) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            Facts f = facts(h, who.unitId(), platformId);
            Optional<Instant> before = informedAt(h, who.unitId(), platformId);
            if (before.isPresent()) {
                return before.get();
            }
            String to = recipient(f).orElseThrow(() -> ApiException.conflict("platformId", f.platformName
                    + " has no e-mail address (TCO point of contact or referral e-mail) to send the information to"));
            h.createUpdate("""
                            INSERT INTO referral_order_notices (unit_id, platform_id, sent_at, sent_by, recipient)
                            VALUES (?, ?, ?, ?, ?)""")
                    .bind(0, who.unitId()).bind(1, platformId).bind(2, now).bind(3, who.id()).bind(4, to).execute();
            Outbox.add(h, messages.information(f, who.unitId(), to), now);
            audit.record(h, actor, "order.information_sent", "platform", platformId, Map.of("unitId", who.unitId(),
                    "recipient", to));
            return now;
        });
    }

    /** The stored PDF of an order. */
    public byte[] pdf(Order o) {
        try {
            return Files.readAllBytes(blobs.path(o.annex().pdfSha256()));
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF of order " + o.reference() + " cannot be read", e);
        }
    }

    // --- the parts ---

    /** What issuing needs to know about the unit and the platform. */
    record Facts(String unitSlug, String unitName, String country, String platformName, String legalRepresentative,
                 String contactPoint, String referralEmail, String webhookUrl, String mainEstablishment,
                 long platformId) {
    }

    static Facts facts(Handle h, long unitId, long platformId) {
        return h.createQuery("""
                        SELECT u.slug, u.name, u.country, p.name, p.legal_representative, p.tco_contact,
                               p.referral_email, p.webhook_url, p.main_establishment, p.id
                        FROM units u, platforms p WHERE u.id = ? AND p.id = ?""").bind(0, unitId).bind(1, platformId)
                .map((rs, c) -> new Facts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5).strip(), rs.getString(6).strip(), rs.getString(7).strip(),
                        rs.getString(8).strip(), rs.getString(9), rs.getLong(10)))
                .findOne().orElseThrow(() -> ApiException.badRequest("platformId", "No platform " + platformId));
    }

    /** Where e-mail to the platform about orders goes: its TCO point of contact if that is an address. */
    static Optional<String> recipient(Facts f) {
        if (isEmail(f.contactPoint())) {
            return Optional.of(f.contactPoint());
        }
        return isEmail(f.referralEmail()) ? Optional.of(f.referralEmail()) : Optional.empty();
    }

    private static void requireInformed(Handle h, long unitId, long platformId, String emergency, Instant now) {
        if (orderedBefore(h, unitId, platformId) || !emergency.isEmpty()) {
            return;
        }
        Optional<Instant> informed = informedAt(h, unitId, platformId);
        if (informed.isEmpty()) {
            throw ApiException.conflict("emergencyReason", "This is your unit's first removal order to this "
                    + "platform: send it the information on procedures and deadlines at least 12 hours before "
                    + "(Art. 3(2)), or state the duly justified emergency");
        }
        Instant allowed = informed.get().plus(NOTICE_PERIOD);
        if (now.isBefore(allowed)) {
            throw ApiException.conflict("emergencyReason", "The information was sent at "
                    + OrderPdf.time(informed.get()) + "; a first order may be issued 12 hours later, from "
                    + OrderPdf.time(allowed) + " (Art. 3(2)), or state the duly justified emergency");
        }
    }

    static Optional<Instant> informedAt(Handle h, long unitId, long platformId) {
        return h.createQuery("SELECT sent_at FROM referral_order_notices WHERE unit_id = ? AND platform_id = ?")
                .bind(0, unitId).bind(1, platformId).mapTo(java.time.OffsetDateTime.class).findOne()
                .map(java.time.OffsetDateTime::toInstant);
    }

    static boolean orderedBefore(Handle h, long unitId, long platformId) {
        return h.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM referrals WHERE unit_id = ? AND platform_id = ?
                                       AND kind = 'removal_order')""")
                .bind(0, unitId).bind(1, platformId).mapTo(Boolean.class).one();
    }

    /** {@code <UNIT>-ORD-<year>-<nnnnnn>}, numbered per unit and year (the caller holds the unit's lock). */
    private static String reference(Handle h, String unitSlug, long unitId, Instant now) {
        int year = now.atZone(ZoneOffset.UTC).getYear();
        String prefix = unitSlug.toUpperCase(java.util.Locale.ROOT) + "-ORD-" + year + "-";
        long n = h.createQuery("""
                        SELECT count(*) FROM referrals WHERE unit_id = ? AND kind = 'removal_order'
                          AND reference LIKE ? ESCAPE '!'""")
                .bind(0, unitId).bind(1, prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")
                .mapTo(Long.class).one();
        return prefix + String.format("%06d", n + 1);
    }

    private String store(byte[] pdf, String name) {
        try {
            return blobs.put(new ByteArrayInputStream(pdf), name, BlobStore.DEFAULT_MAX_BYTES).sha256();
        } catch (IOException e) {
            throw new UncheckedIOException("The order PDF could not be stored", e);
        }
    }

    /** The order, its row locked: changes to one order happen one after the other. */
    static Order lock(Handle h, long orderId) {
        h.createQuery("SELECT referral_id FROM referral_orders WHERE referral_id = ? FOR UPDATE").bind(0, orderId)
                .mapTo(Long.class).findOne().orElseThrow(() -> ApiException.notFound("Order " + orderId));
        return OrderQueries.find(h, orderId).orElseThrow();
    }

    static long event(Handle h, long orderId, String kind, String text, Instant at, Long userId) {
        return h.createQuery("""
                        INSERT INTO referral_order_events (referral_id, kind, text, at, user_id)
                        VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .bind(0, orderId).bind(1, kind).bind(2, text).bind(3, at).bind(4, userId).mapTo(Long.class).one();
    }

    private static String limited(String field, String s) {
        String v = s == null ? "" : s.strip();
        if (v.length() > MAX_TEXT) {
            throw ApiException.badRequest(field, field + " is longer than " + MAX_TEXT + " characters");
        }
        return v;
    }

}
