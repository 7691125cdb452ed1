package org.openiru.referral.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.openiru.app.Json;
import org.openiru.delivery.Outgoing;

/**
 * The outbox messages of orders, in English (the order's language): the order to the platform by e-mail (PDF
 * attached, signature in the text) and webhook, the copy to the host member state's authority, the
 * clarification, the Art. 3(2) information notice and the breach alert to the unit's supervisors.
 */
final class OrderMessages {
    private final String base;

    OrderMessages(String publicUrl) {
        this.base = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
    }

    List<Outgoing> issued(Handle h, Order o, Orders.Facts f, byte[] pdf, Instant now) {
        List<Outgoing> out = new ArrayList<>();
        Order.Annex a = o.annex();
        String subject = "Removal order " + o.reference() + " (Regulation (EU) 2021/784)";
        StringBuilder text = new StringBuilder();
        text.append("Removal order ").append(o.reference()).append(" issued by ").append(a.authorityName())
                .append(" (").append(a.issuingState()).append(") to ").append(a.addressee()).append(" at ")
                .append(OrderPdf.time(now)).append(".\n\n")
                .append("Under Article 3(3) of Regulation (EU) 2021/784 you must remove the content below, or disable "
                        + "access to it in all Member States, as soon as possible and in any event within one hour of "
                        + "receipt of this order. The order with every Annex I section is attached as a PDF.\n\n");
        int n = 1;
        for (Order.Line l : o.items()) {
            text.append(n++).append(". ").append(l.url()).append("\n   categories ")
                    .append(String.join(", ", l.categories())).append(": ").append(l.reason()).append('\n');
        }
        text.append("\nAnswer per item with Annex II (removed or access disabled, with the time) or Annex III (cannot "
                + "comply, with the reasons): ").append(base).append("/portal/orders/").append(o.id()).append('\n')
                .append("Follow-up contact: ").append(a.followupContact()).append("\n\n")
                .append(signature(o)).append('\n');
        Orders.recipient(f).ifPresent(to -> out.add(new Outgoing("order:" + o.id() + ":email", "email", "platform",
                o.platformId(), o.id(), to, subject, text.toString(), null,
                List.of(new Outgoing.Attachment(o.pdfName(), "application/pdf", pdf)))));
        if (!f.webhookUrl().isEmpty()) {
            out.add(new Outgoing("order:" + o.id() + ":webhook", "webhook", "platform", o.platformId(), o.id(),
                    f.webhookUrl(), subject, "", Json.write(webhook(o)), List.of()));
        }
        if (a.crossBorder() && Orders.isEmail(a.hostAuthorityContact())) {
            // 'alert' rather than 'platform': a delivered copy must not count as the platform's receipt.
            out.add(new Outgoing("order:" + o.id() + ":host-copy", "email", "alert", o.platformId(), o.id(),
                    a.hostAuthorityContact().strip(), "Copy under Article 4(1) of Regulation (EU) 2021/784: " + subject,
                    "To " + a.hostAuthority() + ": a copy of removal order " + o.reference() + " issued to "
                            + a.addressee() + ", whose main establishment is in " + a.hostState()
                            + ", is attached (Article 4(1)). You may scrutinise it within 72 hours of receipt "
                            + "(Article 4(3)).\n\n" + signature(o) + "\n", null,
                    List.of(new Outgoing.Attachment(o.pdfName(), "application/pdf", pdf))));
        }
        return out;
    }

    private Map<String, Object> webhook(Order o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "removal_order");
        m.put("id", o.id());
        m.put("reference", o.reference());
        m.put("issuedAt", o.annex().issuedAt().toString());
        m.put("issuingState", o.annex().issuingState());
        m.put("items", o.items().stream().map(l -> {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("id", l.id());
            i.put("url", l.url());
            i.put("categories", l.categories());
            i.put("reason", l.reason());
            i.put("sha256", l.sha256());
            return i;
        }).toList());
        m.put("pdfUrl", base + "/api/v1/orders/" + o.id() + "/pdf");
        m.put("pdfSha256", o.annex().pdfSha256());
        m.put("signature", Map.of("algorithm", SigningKeys.ALGORITHM, "keyId", o.annex().keyId(), "value",
                o.annex().signature(), "publicKeyUrl", base + "/api/v1/units/" + o.unitSlug() + "/signing-key"));
        m.put("portalUrl", base + "/portal/orders/" + o.id());
        return m;
    }

    private String signature(Order o) {
        return "Signature (Ed25519 over the bytes of the attached PDF, base64): " + o.annex().signature()
                + "\nKey id: " + o.annex().keyId() + "; public key: " + base + "/api/v1/units/" + o.unitSlug()
                + "/signing-key\nPDF SHA-256: " + o.annex().pdfSha256();
    }

    List<Outgoing> clarification(Order o, Orders.Facts f, long event, String clarification, Instant now) {
        List<Outgoing> out = new ArrayList<>();
        String subject = "Clarification on removal order " + o.reference();
        String text = "The issuing authority clarifies removal order " + o.reference() + " (Article 3(8) of "
                + "Regulation (EU) 2021/784):\n\n" + clarification + "\n\nA new one-hour period runs from receipt "
                + "of this clarification (" + OrderPdf.time(now) + "). Answer at " + base + "/portal/orders/" + o.id()
                + "\n";
        Orders.recipient(f).ifPresent(to -> out.add(new Outgoing("order:" + o.id() + ":clarification:" + event
                + ":email", "email", "platform", o.platformId(), o.id(), to, subject, text, null, List.of())));
        if (!f.webhookUrl().isEmpty()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "removal_order_clarification");
            m.put("id", o.id());
            m.put("reference", o.reference());
            m.put("clarification", clarification);
            m.put("at", now.toString());
            out.add(new Outgoing("order:" + o.id() + ":clarification:" + event + ":webhook", "webhook", "platform",
                    o.platformId(), o.id(), f.webhookUrl(), subject, "", Json.write(m), List.of()));
        }
        return out;
    }

    Outgoing information(Orders.Facts f, long unitId, String to) {
        String text = "Information on procedures and deadlines (Article 3(2) of Regulation (EU) 2021/784)\n\n"
                + f.unitName() + " (" + f.country() + ") is a competent authority that may issue removal orders to "
                + f.platformName() + ". Before its first order it gives you this information, at least 12 hours in "
                + "advance:\n\n"
                + "1. A removal order lists URLs of terrorist content with the reasons (Annex I). You must remove the "
                + "content or disable access to it in all Member States within one hour of receipt (Article 3(3)).\n"
                + "2. Orders arrive by e-mail to your point of contact (PDF attached, signed with our Ed25519 key), "
                + "by webhook if you configured one, and on the platform portal: " + base + "/portal\n"
                + "3. Confirm each item with Annex II (removed or access disabled, with the time of the action).\n"
                + "4. If you cannot comply, answer with Annex III: force majeure or de facto impossibility not "
                + "attributable to you (the hour starts again when the reasons cease, Article 3(7)), or a manifest "
                + "error or insufficient information (we clarify, and the hour starts again on receipt of the "
                + "clarification, Article 3(8)).\n"
                + "5. The order states whether you may inform the content provider (Article 11) and how to challenge "
                + "it (Article 9). A cross-border order is also sent to the competent authority of your host Member "
                + "State, which may scrutinise it (Article 4).\n"
                + "6. Verify our signatures with the public key at " + base + "/api/v1/units/" + f.unitSlug()
                + "/signing-key\n";
        return new Outgoing("order-information:" + unitId + ":" + f.platformId() + ":email", "email", "platform",
                f.platformId(), null, to, "Removal orders from " + f.unitName() + ": procedures and deadlines",
                text, null, List.of());
    }

    Outgoing breach(Order o, Instant deadline, String to) {
        String text = "Removal order " + o.reference() + " to " + o.platformName() + " missed its one-hour deadline ("
                + OrderPdf.time(deadline) + "): not every item was confirmed removed or disabled (Annex II), and no "
                + "Annex III answer stopped the clock.\n\nThe cases of its items have an escalation event. Order: "
                + base + "/orders/" + o.id() + "\n";
        return new Outgoing("order:" + o.id() + ":breach:" + deadline, "email", "alert", o.platformId(), o.id(), to,
                "Deadline missed: removal order " + o.reference(), text, null, List.of());
    }
}
