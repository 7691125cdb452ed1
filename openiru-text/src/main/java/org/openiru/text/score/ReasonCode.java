package org.openiru.text.score;

import org.openiru.text.analysis.InputFlag;
import org.openiru.text.lexicon.HitContext;
import org.openiru.text.lexicon.TermClass;

/**
 * Every reason a score can carry, with its base weight in points. Lexicon weights apply to the first
 * distinct term of a class; each further term of the same class counts half the one before, so ten
 * honorifics cannot outweigh an outlet attribution. Weights are policy, reviewed with the unit.
 */
public enum ReasonCode {
    LEXICON_OUTLET("lexicon.outlet", 30),
    LEXICON_SELF_DESIGNATION("lexicon.self_designation", 25),
    LEXICON_THREAT("lexicon.threat", 20),
    LEXICON_OUTLET_ATTRIBUTION("lexicon.outlet_attribution", 15),
    LEXICON_IN_GROUP_PRAISE("lexicon.in_group_praise", 12),
    LEXICON_INSTRUCTION_VOCAB("lexicon.instruction_vocab", 12),
    LEXICON_OUT_GROUP_SLUR("lexicon.out_group_slur", 10),
    LEXICON_HONORIFIC("lexicon.honorific", 6),
    LEXICON_ENTITY_NAME("lexicon.entity_name", 4),
    LEXICON_EXONYM_DISTANCING("lexicon.exonym_distancing", -8),
    LEXICON_NEWS_MARKER("lexicon.news_marker", -6),
    LEXICON_COUNTER_SPEECH("lexicon.counter_speech", -10),
    LEXICON_RESEARCH_MARKER("lexicon.research_marker", -8),
    CONTEXT_DISTANCED("context.distanced", 0),
    CONTEXT_NEGATED("context.negated", 0),
    CONTEXT_REPORTED("context.reported", 0),
    CONTEXT_COUNTERED("context.countered", 0),
    CONTEXT_STUDIED("context.studied", 0),
    CONTEXT_QUOTED("context.quoted", 0),
    /** Scaled: weight × (p − 0.5), so an undecided classifier adds nothing. */
    CLASSIFIER("classifier.propaganda", 60),
    SIGNAL_HASH_MATCH("signal.hash_match", 60),
    SIGNAL_FORWARDED_FROM("signal.forwarded_from", 25),
    SIGNAL_ACTOR_HISTORY("signal.actor_history", 20),
    SIGNAL_OUTLINK_URL("signal.outlink_url", 20),
    SIGNAL_OUTLINK_HOST("signal.outlink_host", 10),
    INPUT_EMPTY("input.empty", 0),
    INPUT_TRUNCATED("input.truncated", 0),
    INPUT_INVALID_UTF8("input.invalid_utf8", 0),
    INPUT_BIDI_CONTROLS("input.bidi_controls", 0),
    INPUT_NO_LETTERS("input.no_letters", 0),
    INPUT_MIXED_SCRIPT_WORDS("input.mixed_script_words", 0);

    private final String code;
    private final double weight;

    ReasonCode(String code, double weight) {
        this.code = code;
        this.weight = weight;
    }

    public String code() {
        return code;
    }

    public double weight() {
        return weight;
    }

    public String messageKey() {
        return "reason." + code;
    }

    static ReasonCode of(TermClass termClass) {
        return valueOf("LEXICON_" + termClass.name());
    }

    static ReasonCode of(HitContext context) {
        return valueOf("CONTEXT_" + context.name());
    }

    static ReasonCode of(InputFlag flag) {
        return valueOf("INPUT_" + flag.name());
    }
}
