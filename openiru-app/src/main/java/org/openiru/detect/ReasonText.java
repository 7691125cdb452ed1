package org.openiru.detect;

import java.util.Locale;

/** How weights read on pages: signed whole points ("+30", "−8", "0"), the same in every language. */
public final class ReasonText {
    private ReasonText() {
    }

    public static String weight(double w) {
        long rounded = Math.round(w);
        return rounded == 0 ? "0" : String.format(Locale.ROOT, "%+d", rounded).replace('-', '\u2212');
    }
}
