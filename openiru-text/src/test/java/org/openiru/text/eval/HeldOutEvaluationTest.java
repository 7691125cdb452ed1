package org.openiru.text.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openiru.text.analysis.Language;
import org.openiru.text.classify.Label;
import org.openiru.text.corpus.CorpusRecord;
import org.openiru.text.score.TextScorer;

/** The shipped model on the held-out split meets the targets (figures in docs/detection.md). */
class HeldOutEvaluationTest {

    @Test
    void meetsTargetsOnHeldOutSplit() throws Exception {
        Path heldOut = Path.of(System.getProperty("openiru.projectRoot", ".."), "openiru-text/corpus/synthetic-heldout.jsonl");
        EvaluationResult r = DetectionEvaluation.evaluate(TextScorer.loadDefault(), CorpusRecord.read(heldOut));
        for (Language lang : new Language[] {Language.EN, Language.AR}) {
            assertThat(r.f1(Label.PROPAGANDA, lang)).as(lang + " propaganda F1").isGreaterThanOrEqualTo(0.90);
            assertThat(r.newsFalsePositiveRate(lang)).as(lang + " news FP").isLessThanOrEqualTo(0.02);
        }
    }
}
