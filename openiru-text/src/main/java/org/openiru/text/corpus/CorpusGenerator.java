package org.openiru.text.corpus;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openiru.text.analysis.Language;
import org.openiru.text.classify.Label;

/**
 * Writes the synthetic labelled corpus: {@code synthetic-train.jsonl} and {@code synthetic-heldout.jsonl}.
 * Every fourth template family of each language and label (index 3, 7, 11) is held out, and held-out items
 * draw their free text from separate filler pools, so the evaluation measures generalisation to unseen
 * phrasings rather than memory of rows. Deterministic for a seed.
 *
 * <p>Usage: {@code CorpusGenerator OUTPUT_DIR [SEED]}.
 */
public final class CorpusGenerator {

    public static final long DEFAULT_SEED = 20250605L;
    static final int TRAIN_PER_LABEL = 180;
    static final int HELD_OUT_PER_LABEL = 60;
    static final int HARD_PER_LABEL = 60;
    private static final double NOISE_RATE = 0.35;
    private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");

    private final Random random;

    public CorpusGenerator(long seed) {
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: CorpusGenerator OUTPUT_DIR [SEED]");
            System.exit(2);
        }
        CorpusGenerator generator = new CorpusGenerator(args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED);
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
        List<CorpusRecord> train = new ArrayList<>(generator.generate(false));
        List<CorpusRecord> heldOut = generator.generate(true);
        // Generators of their own, so that adding the hard split and then the hard training families left the
        // earlier items as they were.
        List<CorpusRecord> hardHeldOut = new CorpusGenerator(seed + 1).generateHard(true);
        train.addAll(new CorpusGenerator(seed + 2).generateHard(false));
        write(dir.resolve("synthetic-train.jsonl"), train);
        write(dir.resolve("synthetic-heldout.jsonl"), heldOut);
        write(dir.resolve("synthetic-heldout-hard.jsonl"), hardHeldOut);
    }

    static boolean isHeldOutFamily(int family) {
        return family % 4 == 3;
    }

    public List<CorpusRecord> generate(boolean heldOut) {
        List<CorpusRecord> out = new ArrayList<>();
        for (Language lang : List.of(Language.EN, Language.AR)) {
            for (Label label : Label.values()) {
                List<String> templates = Templates.of(lang, label);
                List<Integer> families = new ArrayList<>();
                for (int f = 0; f < templates.size(); f++) {
                    if (isHeldOutFamily(f) == heldOut) {
                        families.add(f);
                    }
                }
                int count = heldOut ? HELD_OUT_PER_LABEL : TRAIN_PER_LABEL;
                for (int i = 0; i < count; i++) {
                    int family = families.get(random.nextInt(families.size()));
                    String text = fill(templates.get(family), lang, heldOut);
                    if (random.nextDouble() < NOISE_RATE) {
                        text = Noise.apply(text, lang, random);
                    }
                    String familyId = lang.code() + "-" + label.id() + "-" + family;
                    String id = "syn-" + (heldOut ? "h" : "t") + "-" + familyId + "-" + i;
                    out.add(new CorpusRecord(id, text, lang.code(), label.id(), true, familyId));
                }
            }
        }
        return out;
    }

    /**
     * Hard items: {@value #HARD_PER_LABEL} per language for each label of {@link HardTemplates}, with the same
     * noise as the other splits. Held out: the held-out families and slot pools (the hard held-out split);
     * else the hard training families with the training pools (added to the training file).
     */
    public List<CorpusRecord> generateHard(boolean heldOut) {
        List<CorpusRecord> out = new ArrayList<>();
        for (Language lang : List.of(Language.EN, Language.AR)) {
            for (Label label : HardTemplates.labels()) {
                List<String> templates = HardTemplates.of(lang, label, heldOut);
                for (int i = 0; i < HARD_PER_LABEL; i++) {
                    int family = random.nextInt(templates.size());
                    String text = fill(templates.get(family), lang, heldOut);
                    if (random.nextDouble() < NOISE_RATE) {
                        text = Noise.apply(text, lang, random);
                    }
                    String familyId = lang.code() + "-" + label.id() + (heldOut ? "-hard-" : "-hardtrain-") + family;
                    out.add(new CorpusRecord((heldOut ? "syn-x-" : "syn-y-") + familyId + "-" + i, text, lang.code(),
                            label.id(), true, familyId));
                }
            }
        }
        return out;
    }

    private String fill(String template, Language lang, boolean heldOut) {
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> values = Slots.of(lang, heldOut, m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(random.nextInt(values.size()))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void write(Path file, List<CorpusRecord> records) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (CorpusRecord r : records) {
                w.write(r.toJson());
                w.write('\n');
            }
        }
    }
}
