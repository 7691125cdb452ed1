package org.openiru.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Bidi;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Arabic in the report PDFs comes out shaped: joined letter forms (Arabic Presentation Forms-B), right to left, with
 * numbers and Latin words kept left to right inside. Checked on the text OpenPDF's extractor reads back, which is the
 * visual order of the glyphs as written.
 */
class ReportPdfTest {
    /** "Report" in Arabic: teh, qaf, reh, yeh, reh. */
    private static final String REPORT = "تقرير";

    @Test
    void arabicLettersAreJoinedAndRightToLeft() {
        byte[] b = new ReportPdf("t", true).title(REPORT).finish();
        String line = PdfText.of(b).strip();
        // Visual order, read left to right: final reh (FEAE), initial yeh (FEF3), final reh (FEAE), medial qaf
        // (FED8), initial teh (FE97). Unshaped text would be the base letters 062A 0642 0631 064A 0631 instead.
        assertThat(line).isEqualTo("\uFEAE\uFEF3\uFEAE\uFED8\uFE97");
        assertThat(logical(line)).isEqualTo(REPORT);
    }

    @Test
    void lamAlefBecomesOneLigatureAndReadsBack() {
        String removal = "الإزالة";
        String line = PdfText.of(new ReportPdf("t", true).paragraph(removal).finish()).strip();
        assertThat(line).contains("\uFEF9"); // lam with alef with hamza below, final-less ligature
        assertThat(logical(line)).isEqualTo(removal);
    }

    @Test
    void numbersAndLatinInsideArabicKeepTheirOrder() {
        String sentence = "نشر 12 مقطع على Telegram في 3 ساعات";
        String line = PdfText.of(new ReportPdf("t", true).paragraph(sentence).finish()).strip();
        assertThat(Normalizer.normalize(line, Normalizer.Form.NFKC)).isEqualTo(visual(sentence));
        assertThat(line).contains("Telegram").contains("12");
    }

    @Test
    void tableCellsAndChartLabelsAreShapedToo() {
        byte[] b = new ReportPdf("t", true)
                .table(List.of("المنصة", "العدد"), List.of(List.of(REPORT, "120")), new float[] {1, 1},
                        new boolean[] {false, true})
                .chart(PdfCharts.bars(List.of(new PdfCharts.Bar(REPORT, List.of(3L))),
                        List.of(new PdfCharts.Legend("مُزال", PdfCharts.GREEN))), PdfCharts.barsHeight(1))
                .finish();
        String text = PdfText.of(b);
        assertThat(text.split("\uFEAE\uFEF3\uFEAE\uFED8\uFE97", -1)).hasSize(3); // in the table and on the bar
        assertThat(text).doesNotContain(REPORT);
    }

    @Test
    void englishStaysAsWritten() {
        String text = PdfText.of(new ReportPdf("t", false).title("Action day 2026").paragraph("Removed: 80 of 120")
                .finish());
        assertThat(text).contains("Action day 2026").contains("Removed: 80 of 120");
    }

    /** The logical text of a visual run of right-to-left letters: reversed, then the presentation forms undone. */
    static String logical(String visualRun) {
        return Normalizer.normalize(new StringBuilder(visualRun).reverse().toString(), Normalizer.Form.NFKC);
    }

    /** An Arabic word as the PDF holds it: joined forms, in visual order (for finding it in extracted text). */
    static String visualShaped(String word) {
        byte[] b = new ReportPdf("t", true).paragraph(word).finish();
        return PdfText.of(b).strip();
    }

    /** The visual order of a logical line in a right-to-left paragraph, by the JDK's bidirectional algorithm. */
    static String visual(String logical) {
        Bidi bidi = new Bidi(logical, Bidi.DIRECTION_RIGHT_TO_LEFT);
        int n = bidi.getRunCount();
        byte[] levels = new byte[n];
        Object[] runs = new Object[n];
        for (int i = 0; i < n; i++) {
            levels[i] = (byte) bidi.getRunLevel(i);
            String run = logical.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
            runs[i] = levels[i] % 2 == 1 ? new StringBuilder(run).reverse().toString() : run;
        }
        Bidi.reorderVisually(levels, 0, runs, 0, n);
        StringBuilder s = new StringBuilder();
        for (Object r : runs) {
            s.append(r);
        }
        return s.toString();
    }
}
