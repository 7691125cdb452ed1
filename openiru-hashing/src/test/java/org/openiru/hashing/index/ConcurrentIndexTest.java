package org.openiru.hashing.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openiru.hashing.Hash256;

/**
 * Readers query while a writer adds and removes. Entries that are never touched (ids below
 * {@link #CHURN_IDS}) must always be found exactly as before; nothing may throw.
 */
class ConcurrentIndexTest {

    private static final long CHURN_IDS = 1_000_000;
    private static final int DISTANCE = 31;

    @Test
    void readersSeeStableEntriesUnchangedWhileAWriterChurns() throws Exception {
        RandomHashes random = new RandomHashes(11);
        List<Hash256> stable = random.mixed(5_000);
        // A small delta limit, so that background merges swap tables while the readers run.
        MultiIndexHashIndex.Builder builder = MultiIndexHashIndex.builder().deltaLimit(500);
        for (int i = 0; i < stable.size(); i++) {
            builder.add(stable.get(i), i);
        }
        MultiIndexHashIndex index = builder.build();
        List<Hash256> queries = stable.subList(0, 100);
        List<List<Match>> expected = index.queryAll(queries, DISTANCE);

        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<Integer> writer = pool.submit(() -> churn(index, stable, stop));
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    for (int round = 0; round < 3; round++) {
                        for (int q = 0; q < queries.size(); q++) {
                            assertThat(stableOnly(index.query(queries.get(q), DISTANCE))).isEqualTo(expected.get(q));
                        }
                    }
                    return queries.size();
                }));
            }
            for (Future<Integer> reader : readers) {
                reader.get(60, TimeUnit.SECONDS);
            }
            stop.set(true);
            assertThat(writer.get(60, TimeUnit.SECONDS)).isPositive();
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        assertThat(index.size()).isEqualTo(stable.size());
    }

    /** Adds near-duplicates of stable entries under churn ids, and removes them again. */
    private static int churn(MultiIndexHashIndex index, List<Hash256> stable, AtomicBoolean stop) {
        RandomHashes random = new RandomHashes(12);
        List<Hash256> added = new ArrayList<>();
        int operations = 0;
        while (!stop.get()) {
            for (int i = 0; i < 50; i++) {
                Hash256 h = random.near(stable.get(random.nextInt(200)), random.nextInt(20));
                index.add(h, CHURN_IDS + added.size());
                added.add(h);
            }
            for (int i = 0; i < added.size(); i++) {
                assertThat(index.remove(added.get(i), CHURN_IDS + i)).isTrue();
            }
            added.clear();
            operations += 100;
        }
        return operations;
    }

    private static List<Match> stableOnly(List<Match> matches) {
        return matches.stream().filter(m -> m.id() < CHURN_IDS).collect(Collectors.toList());
    }
}
