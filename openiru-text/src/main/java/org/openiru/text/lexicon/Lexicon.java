package org.openiru.text.lexicon;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openiru.text.analysis.AnalyzedText;
import org.openiru.text.analysis.Token;
import org.openiru.text.analysis.Tokenizer;
import org.openiru.text.normalize.TextNormalizer;

/** The reference data compiled into one automaton over normalised, lightly stemmed words. */
public final class Lexicon {

    private static final int SNIPPET_CHARS = 40;

    private final ReferenceData reference;
    private final AhoCorasick<Entry> automaton;

    /** What a pattern stands for. */
    private record Entry(TermClass termClass, String term, String entityId) {
    }

    public Lexicon(ReferenceData reference) {
        this.reference = reference;
        AhoCorasick.Builder<Entry> builder = AhoCorasick.builder();
        reference.terms().forEach((termClass, terms) ->
                terms.forEach(term -> add(builder, term, new Entry(termClass, term, null))));
        for (Entity entity : reference.entities()) {
            entity.names().forEach(n -> add(builder, n, new Entry(TermClass.ENTITY_NAME, n, entity.id())));
            entity.exonyms().forEach(n -> add(builder, n, new Entry(TermClass.EXONYM_DISTANCING, n, entity.id())));
            for (Outlet outlet : entity.outlets()) {
                outlet.aliases().forEach(a -> add(builder, a, new Entry(TermClass.OUTLET, outlet.name(), entity.id())));
            }
        }
        this.automaton = builder.build();
    }

    public String version() {
        return reference.version();
    }

    public ReferenceData reference() {
        return reference;
    }

    private static void add(AhoCorasick.Builder<Entry> builder, String term, Entry entry) {
        List<String> keys = Tokenizer.tokenize(TextNormalizer.normalize(term)).stream().map(Token::key).toList();
        if (!keys.isEmpty()) {
            builder.add(keys, entry);
        }
    }

    /**
     * All hits in document order. A hit wholly inside a longer hit of the same class is dropped, so
     * "وكالة أعماق" is one outlet hit, not two.
     */
    public List<Hit> match(AnalyzedText text) {
        List<Token> tokens = text.tokens();
        List<String> keys = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            keys.add(t.key());
        }
        List<Hit> hits = new ArrayList<>();
        automaton.match(keys, (end, pattern) -> {
            int first = end - pattern.length();
            Entry e = pattern.value();
            int start = tokens.get(first).start();
            int stop = tokens.get(end - 1).end();
            hits.add(new Hit(e.termClass(), e.term(), e.entityId(), first, end, start, stop,
                    snippet(text.normalized(), start, stop)));
        });
        hits.sort(Comparator.comparingInt(Hit::firstToken).thenComparingInt(h -> -h.endToken()));
        return withoutNested(hits);
    }

    private static List<Hit> withoutNested(List<Hit> sorted) {
        List<Hit> kept = new ArrayList<>(sorted.size());
        for (Hit h : sorted) {
            boolean nested = false;
            for (Hit k : kept) {
                if (k.termClass() == h.termClass() && k.firstToken() <= h.firstToken() && h.endToken() <= k.endToken()) {
                    nested = true;
                    break;
                }
            }
            if (!nested) {
                kept.add(h);
            }
        }
        return kept;
    }

    private static String snippet(String text, int start, int end) {
        int from = Math.max(0, start - SNIPPET_CHARS);
        int to = Math.min(text.length(), end + SNIPPET_CHARS);
        while (from > 0 && from < start && !Character.isWhitespace(text.charAt(from - 1))) {
            from++;
        }
        while (to < text.length() && to > end && !Character.isWhitespace(text.charAt(to))) {
            to--;
        }
        return (from > 0 ? "…" : "") + text.substring(from, to).strip() + (to < text.length() ? "…" : "");
    }
}
