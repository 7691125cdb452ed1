package org.openiru.text.lexicon;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.openiru.text.analysis.AnalyzedText;
import org.openiru.text.analysis.Token;

/**
 * Decides the context of each propaganda-side hit from the distance-side hits around it:
 * <ul>
 *   <li>distanced: a distancing term or exonym within {@value #DISTANCE_BEFORE} words before or
 *       {@value #DISTANCE_AFTER} words after ("so-called Islamic State", "الدولة المزعومة");</li>
 *   <li>negated: a negation right before the hit ("no caliphate soldiers", "ولا جنود الخلافة"), the
 *       writer's stance against the phrase;</li>
 *   <li>quoted: every word of the hit inside a quotation that the writer frames with words of their own
 *       ({@link Quotations}): the phrase is mentioned, not used;</li>
 *   <li>countered / studied: a counter-speech or research marker in the same sentence;</li>
 *   <li>reported: a news marker in the same sentence or within {@value #NEWS_WINDOW} words
 *       ("… Amaq, the group's outlet, reported", "according to Reuters").</li>
 * </ul>
 * The first rule that applies wins, in that order. Distance-side hits themselves are always asserted,
 * except that one overlapping a propaganda-side hit is dropped: it is part of that term ("news agency" in
 * "Amaq News Agency", "official" in "official statement of"), not language about it. A news marker right next
 * to an outlet ("according to Amaq", "بحسب أعماق", "Amaq reports") is dropped too: it names the group's own
 * outlet as the source, which is how the outlets write their news, so it must not make the text journalism.
 */
public final class ContextRules {

    static final int DISTANCE_BEFORE = 3;
    static final int DISTANCE_AFTER = 2;
    static final int NEWS_WINDOW = 12;

    private ContextRules() {
    }

    public static List<ContextualHit> apply(List<Hit> allHits, AnalyzedText text) {
        List<Token> tokens = text.tokens();
        List<Hit> hits = withoutOutletSources(withoutMarkersInsideTerms(allHits));
        boolean[] quoted = null;
        List<ContextualHit> out = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            if (h.termClass().side() == TermClass.Side.DISTANCE) {
                out.add(new ContextualHit(h, HitContext.ASSERTED, null));
                continue;
            }
            int sentence = tokens.get(h.firstToken()).sentence();
            Hit because = find(hits, TermClass.EXONYM_DISTANCING, d ->
                    d.endToken() > h.firstToken() - DISTANCE_BEFORE && d.firstToken() < h.endToken() + DISTANCE_AFTER);
            HitContext context = HitContext.DISTANCED;
            if (because == null) {
                because = find(hits, TermClass.NEGATION, d -> d.endToken() == h.firstToken());
                context = HitContext.NEGATED;
            }
            if (because == null) {
                quoted = quoted == null ? Quotations.quotedTokens(text.normalized(), tokens) : quoted;
                if (quoted[h.firstToken()] && quoted[h.endToken() - 1]) {
                    out.add(new ContextualHit(h, HitContext.QUOTED, null));
                    continue;
                }
            }
            if (because == null) {
                because = find(hits, TermClass.COUNTER_SPEECH, d -> sameSentence(tokens, d, sentence));
                context = HitContext.COUNTERED;
            }
            if (because == null) {
                because = find(hits, TermClass.RESEARCH_MARKER, d -> sameSentence(tokens, d, sentence));
                context = HitContext.STUDIED;
            }
            if (because == null) {
                because = find(hits, TermClass.NEWS_MARKER, d -> sameSentence(tokens, d, sentence)
                        || (d.endToken() > h.firstToken() - NEWS_WINDOW && d.firstToken() < h.endToken() + NEWS_WINDOW));
                context = HitContext.REPORTED;
            }
            out.add(because == null ? new ContextualHit(h, HitContext.ASSERTED, null) : new ContextualHit(h, context, because));
        }
        return out;
    }

    private static List<Hit> withoutMarkersInsideTerms(List<Hit> hits) {
        List<Hit> kept = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            if (h.termClass().side() == TermClass.Side.PROPAGANDA || find(hits, null, p ->
                    p.termClass().side() == TermClass.Side.PROPAGANDA
                            && p.firstToken() < h.endToken() && h.firstToken() < p.endToken()) == null) {
                kept.add(h);
            }
        }
        return kept;
    }

    private static List<Hit> withoutOutletSources(List<Hit> hits) {
        List<Hit> kept = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            if (h.termClass() != TermClass.NEWS_MARKER || find(hits, TermClass.OUTLET, o ->
                    o.firstToken() == h.endToken() || o.endToken() == h.firstToken()) == null) {
                kept.add(h);
            }
        }
        return kept;
    }

    private static boolean sameSentence(List<Token> tokens, Hit d, int sentence) {
        return tokens.get(d.firstToken()).sentence() == sentence;
    }

    private static Hit find(List<Hit> hits, TermClass termClass, Predicate<Hit> where) {
        for (Hit d : hits) {
            if ((termClass == null || d.termClass() == termClass) && where.test(d)) {
                return d;
            }
        }
        return null;
    }
}
