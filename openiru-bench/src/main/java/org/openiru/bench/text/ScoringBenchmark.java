package org.openiru.bench.text;

import java.util.concurrent.TimeUnit;
import org.openiru.text.score.TextScore;
import org.openiru.text.score.TextScorer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scoring throughput of {@link TextScorer} with the shipped model on texts of about 300 characters
 * ({@link ScoringTexts}). Run with {@code java -jar openiru-bench/target/openiru-bench.jar ScoringBenchmark -t 2}.
 * On a shared machine use {@link ScoringLoadTool}, which counts CPU time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(2)
public class ScoringBenchmark {

    private TextScorer scorer;
    private String[] texts;
    private double averageChars;

    @Setup
    public void setUp() {
        scorer = TextScorer.loadDefault();
        texts = ScoringTexts.load();
        averageChars = ScoringTexts.averageChars(texts);
        System.out.printf("%n%d texts, average %.0f chars%n", texts.length, averageChars);
    }

    /** Per-thread cursor so that both threads walk the texts without sharing a counter. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    public TextScore score(Cursor cursor) {
        String text = texts[cursor.next];
        cursor.next = (cursor.next + 1) % texts.length;
        return scorer.score(text);
    }
}
