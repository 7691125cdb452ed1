package org.openiru.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openiru.app.OpenIru;
import org.openiru.audit.Actor;
import org.openiru.text.classify.Label;
import org.openiru.text.classify.ModelTrainer;
import org.openiru.text.corpus.CorpusRecord;
import org.openiru.testing.FreshDatabase;
import org.openiru.web.ApiException;

/** Training a model into the database ({@code openiru model train}) and reading corpora with clear errors. */
@ExtendWith(FreshDatabase.class)
class DetectModelTest {
    private static final Path TRAIN = Path.of("../openiru-text/corpus/synthetic-train.jsonl");

    @Test
    void aTrainedModelIsStoredMadeCurrentAndNamedByTheScoresAfterIt(OpenIru app) throws Exception {
        String shipped = app.detect.detector.current().scorer().modelVersion();
        assertThat(shipped).startsWith("synthetic-2+ref-");
        List<CorpusRecord> corpus = Corpus.read(TRAIN);
        assertThat(corpus).hasSizeGreaterThan(1000);
        // every 4th record: enough to learn the labels, quick enough for a test
        List<ModelTrainer.Example> examples = new java.util.ArrayList<>();
        for (int i = 0; i < corpus.size(); i += 4) {
            examples.add(new ModelTrainer.Example(corpus.get(i).text(), Label.fromId(corpus.get(i).label())));
        }
        app.detect.train(Actor.system("test"), examples, "test-model-1", "every 4th record of synthetic-train");

        assertThat(app.detect.models.currentVersion()).contains("test-model-1");
        assertThat(app.detect.models.list()).singleElement().satisfies(m -> {
            assertThat(m.examples()).isEqualTo(examples.size());
            assertThat(m.current()).isTrue();
        });
        String now = app.detect.detector.current().scorer().modelVersion();
        assertThat(now).startsWith("test-model-1+ref-");
        assertThat(app.detect.detector.current().scorer()
                .score(DetectAcceptanceTest.PROPAGANDA_EN).label()).isEqualTo(Label.PROPAGANDA);
        long audited = app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM audit_events WHERE action = 'detect.model.trained' AND subject_id = 'test-model-1'")
                .mapTo(Long.class).one());
        assertThat(audited).isEqualTo(1);

        assertThatThrownBy(() -> app.detect.train(Actor.system("test"), examples, "test-model-1", "again"))
                .isInstanceOf(ApiException.class).hasMessageContaining("test-model-1 exists already");
    }

    @Test
    void aBadCorpusLineIsNamedByFileAndLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"id\":\"1\",\"text\":\"a\",\"lang\":\"en\",\"label\":\"journalism\"}\n\n"
                + "{\"id\":\"2\",\"text\":\"b\",\"lang\":\"en\",\"label\":\"news\"}\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Corpus.read(bad)).isInstanceOf(ApiException.class)
                .hasMessage(bad + " line 3: \"label\" must be one of propaganda, journalism, counter_speech, research, "
                        + "unrelated, not news");
        Path broken = dir.resolve("broken.jsonl");
        Files.writeString(broken, "{\"id\":", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Corpus.read(broken)).hasMessageStartingWith(broken + " line 1: not a corpus record");
    }
}
