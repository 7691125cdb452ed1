package org.openiru.text.lexicon;

import java.util.Locale;

/**
 * What a lexicon hit says about a text. {@link Side#PROPAGANDA} classes are signals a propaganda post
 * carries; {@link Side#DISTANCE} classes are the language of those who report on, study or oppose it.
 */
public enum TermClass {
    SELF_DESIGNATION(Side.PROPAGANDA),
    HONORIFIC(Side.PROPAGANDA),
    OUTLET_ATTRIBUTION(Side.PROPAGANDA),
    IN_GROUP_PRAISE(Side.PROPAGANDA),
    OUT_GROUP_SLUR(Side.PROPAGANDA),
    INSTRUCTION_VOCAB(Side.PROPAGANDA),
    THREAT(Side.PROPAGANDA),
    /** A designated organisation's own name (from the entities). */
    ENTITY_NAME(Side.PROPAGANDA),
    /** An official media outlet or brand of a designated organisation (from the entities). */
    OUTLET(Side.PROPAGANDA),
    EXONYM_DISTANCING(Side.DISTANCE),
    NEWS_MARKER(Side.DISTANCE),
    COUNTER_SPEECH(Side.DISTANCE),
    RESEARCH_MARKER(Side.DISTANCE),
    /** Words that deny what follows ("no", "not", "لا"): a stance, not a topic, so they weigh nothing alone. */
    NEGATION(Side.DISTANCE);

    public enum Side { PROPAGANDA, DISTANCE }

    private final Side side;

    TermClass(Side side) {
        this.side = side;
    }

    public Side side() {
        return side;
    }

    /** The name used in the YAML files and in reason codes, e.g. {@code outlet_attribution}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TermClass fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
