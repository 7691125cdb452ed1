package org.openiru.text.lexicon;

import java.util.Locale;

/**
 * How a propaganda-side hit is used. Only {@link #ASSERTED} hits count for propaganda: the others name
 * the group in order to report on it, study it, oppose it or keep their distance from it. {@link #QUOTED}:
 * the words stand inside quotation marks framed by words of the writer's own, so they are mentioned, not said;
 * {@link #NEGATED}: the writer denies them ("no soldiers of the caliphate").
 */
public enum HitContext {
    ASSERTED, DISTANCED, NEGATED, REPORTED, COUNTERED, STUDIED, QUOTED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
