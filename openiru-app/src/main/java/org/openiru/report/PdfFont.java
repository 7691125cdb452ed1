package org.openiru.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one font of OpenIRU's PDF documents: DejaVu Sans (its licence beside it), embedded as a subset. It has Latin
 * letters, Arabic letters and the Arabic presentation forms that OpenPDF's shaping writes (see {@link ReportPdf}).
 */
public final class PdfFont {
    private static final String NAME = "DejaVuSans.ttf";
    private static final byte[] BYTES = read();

    private PdfFont() {
    }

    /** The font for one document; OpenPDF caches the parsed font by name, so this is cheap after the first call. */
    public static BaseFont base() {
        try {
            return BaseFont.createFont(NAME, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, BYTES, null);
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("The PDF font cannot be read", e);
        }
    }

    private static byte[] read() {
        try (InputStream in = PdfFont.class.getResourceAsStream(NAME)) {
            if (in == null) {
                throw new IllegalStateException(NAME + " is missing from the report package");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
