package org.openiru.text.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openiru.text.analysis.InputFlag;
import org.openiru.text.analysis.Language;
import org.openiru.text.classify.Label;

class TextScorerTest {

    private static final TextScorer SCORER = TextScorer.loadDefault();

    // Written for this test; synthetic, not taken from any real report or post.
    private static final String NEWS_EN = "THE HAGUE (Reuters) - Europol said on Friday that a joint referral "
            + "operation had taken down 1,200 accounts that spread material from Amaq, the outlet of the so-called "
            + "Islamic State. Officials said Daesh had lost most of its online reach.";
    private static final String NEWS_AR = "لاهاي (رويترز) - قالت يوروبول يوم الجمعة إن عملية مشتركة أزالت 1200 حساب "
            + "نشرت مواد وكالة أعماق التابعة لما يسمى بالدولة الإسلامية، وأفادت بأن تنظيم داعش فقد معظم حضوره.";
    private static final String POST_EN = "Amaq Agency | new release: soldiers of the caliphate. [synthetic filler]";
    private static final String POST_AR = "وكالة أعماق | إصدار جديد: جنود الخلافة. [نص اصطناعي]";

    @Test
    void newsAboutATakedownIsJournalismWithLowPriority() {
        for (String news : List.of(NEWS_EN, NEWS_AR)) {
            TextScore s = SCORER.score(news);
            assertThat(s.label()).as(news).isEqualTo(Label.JOURNALISM);
            assertThat(s.band()).isEqualTo(Priority.LOW);
            assertThat(s.reasons()).extracting(Reason::code).contains("context.reported")
                    .doesNotContain("lexicon.outlet");
            assertThat(s.reasons()).extracting(Reason::code)
                    .containsAnyOf("lexicon.exonym_distancing", "context.distanced");
        }
    }

    @Test
    void propagandaMarkedPostIsPropagandaWithHighPriority() {
        for (String post : List.of(POST_EN, POST_AR)) {
            TextScore s = SCORER.score(post);
            assertThat(s.label()).as(post).isEqualTo(Label.PROPAGANDA);
            assertThat(s.band()).isEqualTo(Priority.HIGH);
            assertThat(s.reasons()).filteredOn(r -> r.weight() > 0).extracting(Reason::code)
                    .contains("lexicon.outlet", "lexicon.self_designation", "lexicon.outlet_attribution");
            assertThat(s.model()).isEqualTo(SCORER.modelVersion()).contains("synthetic-2", "ref-");
        }
    }

    @Test
    void scoreIsTheSumOfTheReasons() {
        TextScore s = SCORER.score(POST_EN);
        assertThat(s.score()).isCloseTo(s.reasons().stream().mapToDouble(Reason::weight).sum(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.priority()).isBetween(0, 100);
    }

    @Test
    void externalSignalsAddNamedReasons() {
        Signals signals = new Signals(
                List.of(new Signals.HashMatch("tcap", "pdq", 8, 31, List.of("isis"))),
                new Signals.ActorHistory("@channel", 3), new Signals.ActorHistory("@source", 5),
                List.of(new Signals.OutlinkAssessment("https://example.invalid/x", true, "terrorist content")));
        TextScore s = SCORER.score("", signals);
        assertThat(s.reasons()).extracting(Reason::code).contains("signal.hash_match", "signal.actor_history",
                "signal.forwarded_from", "signal.outlink_url", "input.empty");
        assertThat(s.label()).isEqualTo(Label.PROPAGANDA);
    }

    @Test
    void emptyText() {
        TextScore s = SCORER.score("");
        assertThat(s.flags()).contains(InputFlag.EMPTY);
        assertThat(s.label()).isEqualTo(Label.UNRELATED);
        assertThat(s.priority()).isZero();
    }

    @Test
    void tenMegabyteTextScoresABoundedPrefix() {
        String big = POST_EN + " " + "[synthetic filler] ".repeat(10 * 1024 * 1024 / 19);
        TextScore s = SCORER.score(big);
        assertThat(s.flags()).contains(InputFlag.TRUNCATED);
        assertThat(s.reasons()).filteredOn(r -> r.code().equals("input.truncated")).singleElement()
                .satisfies(r -> assertThat(r.args()).containsExactly(String.valueOf(big.length()), "20000"));
        assertThat(s.label()).isEqualTo(Label.PROPAGANDA);
    }

    @Test
    void mixedScriptsAreFoldedAndFlagged() {
        TextScore s = SCORER.score("Аmаq Аgеnсy: new release, soldiers of the caliphate");
        assertThat(s.flags()).contains(InputFlag.MIXED_SCRIPT_WORDS);
        assertThat(s.reasons()).extracting(Reason::code).contains("lexicon.outlet");
    }

    @Test
    void rightToLeftOverridesAreRemovedAndFlagged() {
        TextScore s = SCORER.score("\u202Eوكالة\u202C \u2067أعماق\u2069 | إصدار جديد: جنود الخلافة");
        assertThat(s.flags()).contains(InputFlag.BIDI_CONTROLS);
        assertThat(s.language()).isEqualTo(Language.AR);
        assertThat(s.label()).isEqualTo(Label.PROPAGANDA);
    }

    @Test
    void emojiOnly() {
        TextScore s = SCORER.score("🔥🔥🏴✨");
        assertThat(s.flags()).contains(InputFlag.NO_LETTERS);
        assertThat(s.label()).isEqualTo(Label.UNRELATED);
        assertThat(s.language()).isEqualTo(Language.OTHER);
    }

    @Test
    void invalidUtf8IsReplacedAndFlagged() {
        byte[] good = POST_EN.getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 3];
        System.arraycopy(good, 0, bad, 0, good.length);
        bad[good.length] = (byte) 0xC3;
        bad[good.length + 1] = (byte) 0x28;
        bad[good.length + 2] = (byte) 0xFF;
        TextScore s = SCORER.score(bad, Signals.NONE);
        assertThat(s.flags()).contains(InputFlag.INVALID_UTF8);
        assertThat(s.label()).isEqualTo(Label.PROPAGANDA);
    }

    @Test
    void inputFlagReasonsComeInTheSameOrderOnEveryRun() {
        // Three flags: an immutable Set.copyOf would iterate them in a per-JVM random order.
        TextScore s = SCORER.score("\u202Eіsіs news " + "x ".repeat(10_001), Signals.NONE);
        List<String> inputReasons = s.reasons().stream().map(Reason::code).filter(c -> c.startsWith("input.")).toList();
        assertThat(inputReasons).containsExactly("input.truncated", "input.bidi_controls", "input.mixed_script_words");
        assertThat(s.flags()).containsExactly(InputFlag.TRUNCATED, InputFlag.BIDI_CONTROLS, InputFlag.MIXED_SCRIPT_WORDS);
        assertThat(s.probabilities().keySet()).containsExactly(Label.values());
    }

    @Test
    void classifierPercentIsFormattedAsTheFormatterWould() {
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 200_000; i++) {
            double p = i % 2 == 0 ? random.nextDouble() : random.nextInt(20_001) / 20_000.0; // exact halves too
            assertThat(TextScorer.wholePercent(p)).as("p=%s", p)
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%.0f", p * 100));
        }
    }
}
