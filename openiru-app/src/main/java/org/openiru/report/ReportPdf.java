package org.openiru.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * A report as a PDF: a title, headings, paragraphs, tables and charts drawn as vectors ({@link PdfCharts}), in
 * English (left to right) or Arabic (right to left).
 *
 * <p>Arabic is shaped by OpenPDF itself: text laid out by a {@link ColumnText} or a table cell whose run direction is
 * set (left to right or right to left, never "no bidi") goes through its {@code BidiLine}, which orders every line by
 * the Unicode bidirectional algorithm ({@link java.text.Bidi}) and replaces each Arabic letter by its joined form
 * from the Arabic Presentation Forms-B block, with lam-alef ligatures ({@code ArabicLigaturizer}); DejaVu Sans has
 * all these forms. So every text of this class, even a one-line title or a chart label, is written through a cell or
 * {@link ColumnText#showTextAligned(PdfContentByte, int, Phrase, float, float, float, int, int)} with a run
 * direction, never with {@code Document.add(Paragraph)}, which skips both steps (Arabic would come out unjoined and
 * backwards). The PDF then holds the presentation forms in visual order; text extraction gives those back, and
 * Unicode compatibility normalisation (NFKC) of the reversed run gives the logical text (ReportPdfTest shows it).
 * What this does not do is OpenType positioning: vowel marks sit where the font's default puts them.
 */
public final class ReportPdf {
    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color MUTED = new Color(0x66, 0x66, 0x66);
    static final Color ACCENT = new Color(0x1f, 0x3a, 0x5f);
    static final Color RULE = new Color(0xcc, 0xcc, 0xcc);
    static final Color FILL = new Color(0xf0, 0xf0, 0xf0);
    private static final float MARGIN = 42;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Document doc;
    private final PdfWriter writer;
    private final boolean rtl;
    final BaseFont base;
    final Font body;
    final Font small;
    final Font strong;
    private final Font heading;
    private final Font title;

    /** A new A4 document; {@code rtl}: laid out right to left (Arabic). */
    public ReportPdf(String documentTitle, boolean rtl) {
        this.rtl = rtl;
        this.base = PdfFont.base();
        this.body = new Font(base, 9f, Font.NORMAL, INK);
        this.small = new Font(base, 7.5f, Font.NORMAL, MUTED);
        this.strong = new Font(base, 9f, Font.NORMAL, ACCENT);
        this.heading = new Font(base, 12f, Font.NORMAL, ACCENT);
        this.title = new Font(base, 17f, Font.NORMAL, INK);
        this.doc = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN);
        this.writer = PdfWriter.getInstance(doc, out);
        doc.addTitle(documentTitle);
        doc.addCreator("OpenIRU");
        doc.open();
    }

    public boolean rtl() {
        return rtl;
    }

    /**
     * The run direction of a text: right to left in an Arabic document when the text has a right-to-left letter;
     * else left to right, so that a date, a number or a Latin name keeps its order ("21 00:00" must not become
     * "00:00 21").
     */
    int direction(String text) {
        return rtl && hasRtl(text) ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR;
    }

    static boolean hasRtl(String text) {
        return text.codePoints().anyMatch(c -> {
            byte d = Character.getDirectionality(c);
            return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
        });
    }

    /** The width between the margins. */
    float width() {
        return doc.getPageSize().getWidth() - 2 * MARGIN;
    }

    public ReportPdf title(String text) {
        return block(text, title, 0, 4);
    }

    public ReportPdf heading(String text) {
        return block(text, heading, 12, 4);
    }

    public ReportPdf paragraph(String text) {
        return block(text, body, 2, 2);
    }

    /** Small grey text: a note under a table, where the numbers come from. */
    public ReportPdf note(String text) {
        return block(text, small, 2, 2);
    }

    /** A banner that cannot be missed, e.g. "interim: the day has not closed". */
    public ReportPdf banner(String text) {
        PdfPTable t = table(new float[] {1});
        PdfPCell c = cell(text, new Font(base, 11f, Font.NORMAL, new Color(0x8a, 0x1c, 0x1c)), Element.ALIGN_CENTER);
        c.setBorderColor(new Color(0x8a, 0x1c, 0x1c));
        c.setBorderWidth(1.2f);
        c.setBackgroundColor(new Color(0xfb, 0xee, 0xee));
        c.setPadding(6);
        t.addCell(c);
        t.setSpacingBefore(4);
        t.setSpacingAfter(4);
        doc.add(t);
        return this;
    }

    /** Label and value pairs, two columns. */
    public ReportPdf facts(List<String[]> pairs) {
        PdfPTable t = table(new float[] {35, 65});
        for (String[] p : pairs) {
            PdfPCell label = cell(p[0], small, Element.ALIGN_LEFT);
            label.setBackgroundColor(FILL);
            t.addCell(label);
            t.addCell(cell(p[1], body, Element.ALIGN_LEFT));
        }
        doc.add(t);
        return this;
    }

    /**
     * A table with a header row repeated on every page. {@code numeric}: the columns aligned to the end (numbers);
     * in Arabic the first column is on the right.
     */
    public ReportPdf table(List<String> header, List<List<String>> rows, float[] widths, boolean[] numeric) {
        PdfPTable t = table(widths);
        for (int i = 0; i < header.size(); i++) {
            PdfPCell c = cell(header.get(i), small, numeric[i] ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
            c.setBackgroundColor(FILL);
            t.addCell(c);
        }
        t.setHeaderRows(1);
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                t.addCell(cell(row.get(i), body, numeric[i] ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT));
            }
        }
        doc.add(t);
        return this;
    }

    /** A chart drawn as vectors into a form of the full width and the given height. */
    public ReportPdf chart(PdfCharts.Chart chart, float height) {
        PdfContentByte cb = writer.getDirectContent();
        PdfTemplate form = cb.createTemplate(width(), height);
        chart.draw(form, this, width(), height);
        Image image = Image.getInstance(form);
        PdfPTable t = table(new float[] {1});
        PdfPCell c = new PdfPCell(image, false);
        c.setBorder(Rectangle.NO_BORDER);
        c.setPadding(0);
        t.addCell(c);
        t.setSpacingBefore(4);
        t.setKeepTogether(true);
        doc.add(t);
        return this;
    }

    /** One line of text at a point of a chart, shaped like every other text; {@code align} is absolute. */
    void text(PdfContentByte cb, String text, Font font, int align, float x, float y) {
        ColumnText.showTextAligned(cb, align, new Phrase(new Chunk(text, font)), x, y, 0, direction(text), 0);
    }

    /** The width a line of text takes (for the space of chart labels). */
    float textWidth(String text, Font font) {
        return base.getWidthPoint(text, font.getSize());
    }

    public byte[] finish() {
        doc.close();
        return out.toByteArray();
    }

    private ReportPdf block(String text, Font font, float before, float after) {
        PdfPTable t = table(new float[] {1});
        PdfPCell c = cell(text, font, Element.ALIGN_LEFT);
        c.setBorder(Rectangle.NO_BORDER);
        c.setPaddingLeft(0);
        c.setPaddingRight(0);
        t.addCell(c);
        t.setSpacingBefore(before);
        t.setSpacingAfter(after);
        doc.add(t);
        return this;
    }

    private PdfPTable table(float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        // Right to left: the first column on the right, and every cell laid out right to left.
        t.setRunDirection(rtl ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
        t.setSpacingAfter(2);
        return t;
    }

    /**
     * A cell of shaped text; {@code align}: ALIGN_LEFT for the start of the line (the right in Arabic), ALIGN_RIGHT
     * for its end, or ALIGN_CENTER. OpenPDF reads LEFT and RIGHT that way in a right-to-left cell already; a
     * left-to-right cell of an Arabic document (a number, a date) gets them swapped here.
     */
    private PdfPCell cell(String text, Font font, int align) {
        String s = text == null ? "" : text;
        PdfPCell c = new PdfPCell(new Phrase(new Chunk(s, font)));
        int direction = direction(s);
        c.setRunDirection(direction);
        boolean swap = rtl && direction == PdfWriter.RUN_DIRECTION_LTR;
        c.setHorizontalAlignment(!swap || align == Element.ALIGN_CENTER ? align
                : align == Element.ALIGN_LEFT ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        c.setBorderColor(RULE);
        c.setBorderWidth(0.5f);
        c.setPadding(3.5f);
        c.setPaddingBottom(4.5f);
        return c;
    }
}
