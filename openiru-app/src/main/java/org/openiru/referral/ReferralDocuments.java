package org.openiru.referral;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.openiru.app.Json;
import org.openiru.delivery.Outgoing;
import org.openiru.platform.Platform;
import org.openiru.web.Messages;

/**
 * What a platform receives for a referral on each of its channels: an e-mail with the referral as text and as
 * a CSV attachment, and a JSON body for its webhook. Written once, when the referral is made, into the outbox.
 */
final class ReferralDocuments {
    static final List<String> CSV_COLUMNS = List.of("reference", "item", "url", "categories", "entity", "reason",
            "sha256", "pdq");
    private final Map<String, Messages> messages;
    private final Optional<URI> publicUrl;

    ReferralDocuments(Map<String, Messages> messages, Optional<URI> publicUrl) {
        this.messages = messages;
        this.publicUrl = publicUrl;
    }

    /** The referral as a whole. */
    record Header(long id, String reference, String kind, String platform, String language, Instant createdAt) {
    }

    /** One referred item as stored in {@code referral_items}. */
    record Line(long id, long caseId, long itemId, String url, List<String> categories, String entity, String reason,
                List<String> sha256, List<String> pdq) {
    }

    /** The outbox rows for the platform's configured channels (none when it has only the portal). */
    List<Outgoing> outgoing(Header h, Platform p, List<Line> lines) {
        List<Outgoing> out = new ArrayList<>();
        if (!p.referralEmail().isBlank()) {
            Messages m = messages.get(h.language());
            out.add(new Outgoing("referral:" + h.id() + ":email", "email", "platform", p.id(), h.id(),
                    p.referralEmail(), m.t("referral.mail.subject", h.reference(), lines.size()), text(h, lines),
                    null, List.of(new Outgoing.Attachment(h.reference() + ".csv", "text/csv; charset=utf-8",
                    csv(h, lines)))));
        }
        if (!p.webhookUrl().isBlank()) {
            out.add(new Outgoing("referral:" + h.id() + ":webhook", "webhook", "platform", p.id(), h.id(),
                    p.webhookUrl(), h.reference(), null, json(h, lines), List.of()));
        }
        return out;
    }

    /** The e-mail's text, in the referral's language. */
    String text(Header h, List<Line> lines) {
        Messages m = messages.get(h.language());
        StringBuilder b = new StringBuilder();
        b.append(m.t("referral.mail.intro", h.platform(), h.reference(), lines.size())).append("\n\n");
        publicUrl.ifPresent(u -> b.append(m.t("referral.mail.portal", u.resolve("/portal/referrals/" + h.id())))
                .append("\n\n"));
        int n = 0;
        for (Line l : lines) {
            b.append(++n).append(". ").append(l.url()).append('\n')
                    .append("   ").append(m.t("referral.categories")).append(": ")
                    .append(String.join(", ", l.categories())).append('\n')
                    .append("   ").append(m.t("referral.entity")).append(": ").append(l.entity()).append('\n')
                    .append("   ").append(m.t("referral.reason")).append(": ").append(l.reason()).append('\n');
            if (!l.sha256().isEmpty()) {
                b.append("   SHA-256: ").append(String.join(", ", l.sha256())).append('\n');
            }
            if (!l.pdq().isEmpty()) {
                b.append("   PDQ: ").append(String.join(", ", l.pdq())).append('\n');
            }
        }
        b.append('\n').append(m.t("referral.mail.attachment", h.reference() + ".csv")).append('\n');
        return b.toString();
    }

    /**
     * The CSV attachment: UTF-8 with a byte order mark (spreadsheets then read Arabic right), RFC 4180 quoting,
     * and every cell that a spreadsheet would take for a formula made inert.
     */
    static byte[] csv(Header h, List<Line> lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180)) {
            w.write('\uFEFF');
            csv.printRecord(CSV_COLUMNS);
            for (Line l : lines) {
                csv.printRecord(inert(h.reference()), l.id(), inert(l.url()), String.join(" ", l.categories()),
                        inert(l.entity()), inert(l.reason()), String.join(" ", l.sha256()),
                        String.join(" ", l.pdq()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String inert(String cell) {
        return org.openiru.web.CsvCells.inert(cell);
    }

    /** The webhook's body. */
    static String json(Header h, List<Line> lines) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", h.reference());
        body.put("kind", h.kind());
        body.put("platform", h.platform());
        body.put("language", h.language());
        body.put("createdAt", h.createdAt().toString());
        List<Map<String, Object>> items = new ArrayList<>();
        for (Line l : lines) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("id", l.id());
            i.put("url", l.url());
            i.put("categories", l.categories());
            i.put("entity", l.entity());
            i.put("reason", l.reason());
            i.put("evidence", Map.of("sha256", l.sha256(), "pdq", l.pdq()));
            items.add(i);
        }
        body.put("items", items);
        return Json.write(body);
    }
}
