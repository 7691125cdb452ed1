package org.openiru.text.lexicon;

import java.util.Locale;

/**
 * How a propaganda-side hit is used. Only {@link #ASSERTED} hits count for propaganda: the others name
 * the group in order to report on it, study it, oppose it or keep their distance from it.
 */
public enum HitContext {
    ASSERTED, DISTANCED, REPORTED, COUNTERED, STUDIED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
