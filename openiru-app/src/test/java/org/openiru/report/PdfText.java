package org.openiru.report;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The text of a PDF as OpenPDF's extractor reads it, page after page. */
public final class PdfText {
    private PdfText() {
    }

    public static String of(byte[] pdf) {
        try {
            PdfReader reader = new PdfReader(pdf);
            try {
                PdfTextExtractor x = new PdfTextExtractor(reader);
                StringBuilder s = new StringBuilder();
                for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                    s.append(x.getTextFromPage(page)).append('\n');
                }
                return s.toString();
            } finally {
                reader.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
