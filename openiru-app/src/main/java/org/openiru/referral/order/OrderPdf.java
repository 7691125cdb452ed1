package org.openiru.referral.order;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The order document: every Annex I section, in English, as a PDF made with OpenPDF. The font (DejaVu Sans,
 * embedded as a subset, {@link org.openiru.report.PdfFont}) has Latin and Arabic letters; every table cell, and the
 * paragraph naming the unit, is laid out left to right with the
 * Unicode bidirectional algorithm, and OpenPDF joins Arabic letters into their contextual forms (its Arabic
 * ligaturizer, through the presentation forms of the font), so an Arabic entity name or reason reads correctly
 * inside the English order. It does not do full OpenType shaping: marks and rare ligatures may sit imperfectly.
 */
final class OrderPdf {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    /** Art. 2(7) of Regulation (EU) 2021/784, shortened. */
    static final Map<String, String> CATEGORIES = Map.of(
            "a", "(a) incites the commission of terrorist offences, e.g. by glorifying terrorist acts",
            "b", "(b) solicits a person or group to commit or contribute to terrorist offences",
            "c", "(c) solicits a person or group to participate in the activities of a terrorist group",
            "d", "(d) provides instruction on making or using explosives, weapons or hazardous substances, or "
                    + "other methods, for terrorist offences",
            "e", "(e) constitutes a threat to commit a terrorist offence");
    private final BaseFont base;
    private final Font body;
    private final Font small;
    private final Font heading;
    private final Font title;

    private OrderPdf() {
        base = org.openiru.report.PdfFont.base();
        body = new Font(base, 9.5f);
        small = new Font(base, 8f);
        heading = new Font(base, 11.5f, Font.NORMAL, new java.awt.Color(0x1f, 0x3a, 0x5f));
        title = new Font(base, 16f);
    }

    /** What the document says besides the order: the key that will sign it. */
    static byte[] render(Order o, String keyId) {
        return new OrderPdf().document(o, keyId);
    }

    private byte[] document(Order o, String keyId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        doc.addTitle("Removal order " + o.reference());
        doc.addSubject("Removal order under Article 3 of Regulation (EU) 2021/784");
        doc.addCreator("OpenIRU");
        doc.open();
        writer.setRunDirection(PdfWriter.RUN_DIRECTION_LTR);
        Order.Annex a = o.annex();
        doc.add(new Paragraph("REMOVAL ORDER", title));
        doc.add(new Paragraph("Article 3 of Regulation (EU) 2021/784 on addressing the dissemination of terrorist "
                + "content online (Annex I)", small));
        doc.add(new Paragraph("Reference: " + o.reference(), heading));
        doc.add(new Paragraph("Under Article 3 of Regulation (EU) 2021/784, the addressee shall remove the terrorist "
                + "content listed in Section B, or disable access to it in all Member States, as soon as possible "
                + "and in any event within one hour of receipt of this removal order.", body));

        section(doc, "Section A: Issuing authority and addressee", new String[][] {
                {"Issuing Member State", a.issuingState()},
                {"Addressee (hosting service provider)", a.addressee()},
                {"Legal representative", a.legalRepresentative()},
                {"Point of contact", a.contactPoint()},
                {"Date and time of issue", TIME.format(a.issuedAt())},
                {"Reference number", o.reference()}});
        if (!a.emergencyReason().isEmpty()) {
            section(doc, "Duly justified emergency (Article 3(2))", new String[][] {
                    {"Issued before the 12-hour information period because", a.emergencyReason()}});
        }
        heading(doc, "Section B: Terrorist content to be removed or access to it disabled");
        PdfPTable items = table(new float[] {4, 38, 22, 36});
        for (String h : List.of("#", "URL", "Categories (Art. 2(7))", "Reasons")) {
            items.addCell(cell(h, small, true));
        }
        int n = 1;
        for (Order.Line l : o.items()) {
            items.addCell(cell(String.valueOf(n++), body, false));
            String evidence = l.sha256().isEmpty() ? "" : "\nSHA-256: " + String.join(", ", l.sha256());
            items.addCell(cell(l.url() + evidence, small, false));
            items.addCell(cell(String.join("\n", l.categories().stream().map(CATEGORIES::get).toList()), small, false));
            items.addCell(cell(l.reason() + (l.entity().isEmpty() ? "" : "\nEntity: " + l.entity()), body, false));
        }
        doc.add(items);

        section(doc, "Section C: Information to the content provider (Article 11(3))", new String[][] {
                a.nonDisclosureDays() == 0
                        ? new String[] {"Non-disclosure", "None: the addressee informs the content provider as "
                                + "provided in Article 11(1) and (2)."}
                        : new String[] {"Non-disclosure", "The addressee shall not disclose information about the "
                                + "removal or disabling to the content provider for " + a.nonDisclosureDays()
                                + " days from the issue of this order. Reason: " + a.nonDisclosureReason()}});
        section(doc, "Section D: Copy to the competent authority of the host Member State", a.crossBorder()
                ? new String[][] {
                        {"Host Member State (main establishment)", a.hostState()},
                        {"Competent authority", a.hostAuthority()},
                        {"Contact", a.hostAuthorityContact()},
                        {"Copy sent", a.copySentAt() != null ? TIME.format(a.copySentAt())
                                : Orders.isEmail(a.hostAuthorityContact())
                                ? "By e-mail to that contact at the time of issue of this order"
                                : "To be sent by the issuing authority at the time of issue of this order"}}
                : new String[][] {{"Cross-border", "No: the addressee's main establishment is in the issuing "
                        + "Member State; Article 4 does not apply."}});
        section(doc, "Section E: Issuing authority", new String[][] {
                {"Name", a.authorityName()},
                {"Address", a.authorityAddress()},
                {"Contact", a.authorityContact()},
                {"Issuing officer", a.officerName()}});
        section(doc, "Section F: Contact points for follow-up", new String[][] {
                {"Follow-up", a.followupContact()},
                {"Answers", "Annex II (removal or disabling, with its time) or Annex III (inability to comply, with "
                        + "the reasons), through the platform portal, the answers API, or to the contact above."}});
        section(doc, "Section G: Information about redress", new String[][] {
                {"Competent court or body", a.redressBody()},
                {"Time limit", a.redressTimeLimit()},
                {"Procedure", a.redressProcedure()},
                {"Scrutiny (Article 4)", "Where the order is cross-border, the addressee and the content provider "
                        + "may request the competent authority of the host Member State to scrutinise it within 48 "
                        + "hours of receipt."}});
        doc.add(new Paragraph(" ", small));
        doc.add(line("This document is signed by " + o.unitName() + " with its Ed25519 key " + keyId
                + ". The signature over the bytes of this PDF file is sent with it and published with the key at "
                + "/api/v1/units/" + o.unitSlug() + "/signing-key; verify with: openiru order verify --pdf FILE "
                + "--signature SIGNATURE --key KEY.", small));
        doc.close();
        return out.toByteArray();
    }

    private void section(Document doc, String name, String[][] rows) {
        heading(doc, name);
        PdfPTable t = table(new float[] {32, 68});
        for (String[] r : rows) {
            t.addCell(cell(r[0], small, true));
            t.addCell(cell(r[1], body, false));
        }
        doc.add(t);
    }

    /**
     * A paragraph that may carry Arabic (the unit's name): laid out in a borderless cell, the one place where
     * OpenPDF applies the bidirectional algorithm and joins Arabic letters; a paragraph added to the document
     * directly would print them unjoined and in reverse order.
     */
    private static PdfPTable line(String text, Font font) {
        PdfPTable t = table(new float[] {1});
        PdfPCell c = cell(text, font, false);
        c.setBorder(com.lowagie.text.Rectangle.NO_BORDER);
        c.setPadding(0);
        t.addCell(c);
        return t;
    }

    private void heading(Document doc, String text) {
        Paragraph p = new Paragraph(text, heading);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(0);
        return t;
    }

    private static PdfPCell cell(String text, Font font, boolean label) {
        PdfPCell c = new PdfPCell(new Phrase(new Chunk(text == null ? "" : text, font)));
        // Left to right with the bidirectional algorithm: Arabic runs inside are reordered and joined.
        c.setRunDirection(PdfWriter.RUN_DIRECTION_LTR);
        c.setHorizontalAlignment(Element.ALIGN_LEFT);
        c.setPadding(4);
        if (label) {
            c.setGrayFill(0.94f);
        }
        return c;
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }
}
