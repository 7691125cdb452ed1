package org.openiru.bench.text;

import java.util.ArrayList;
import java.util.List;
import org.openiru.text.corpus.CorpusGenerator;
import org.openiru.text.corpus.CorpusRecord;

/**
 * The texts the scoring benchmarks use: synthetic training-corpus items (Arabic and English, all labels)
 * joined until each text reaches about 300 characters, the size the speed target names.
 */
final class ScoringTexts {

    private static final int TARGET_CHARS = 300;

    private ScoringTexts() {
    }

    static String[] load() {
        List<CorpusRecord> records = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED).generate(false);
        List<String> joined = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (CorpusRecord r : records) {
            current.append(r.text()).append(' ');
            if (current.length() >= TARGET_CHARS) {
                joined.add(current.toString().strip());
                current.setLength(0);
            }
        }
        return joined.toArray(String[]::new);
    }

    static double averageChars(String[] texts) {
        long chars = 0;
        for (String t : texts) {
            chars += t.length();
        }
        return texts.length == 0 ? 0 : (double) chars / texts.length;
    }
}
