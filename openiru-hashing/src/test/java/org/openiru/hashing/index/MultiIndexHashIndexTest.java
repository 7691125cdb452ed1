package org.openiru.hashing.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openiru.hashing.Hash256;
import org.openiru.hashing.ReferenceData;

/** Property tests: the index answers exactly what a linear scan answers. */
class MultiIndexHashIndexTest {

    @Test
    void sameAsBruteForceOnRandomAndClusteredDataForEveryDistance() {
        RandomHashes random = new RandomHashes(1);
        List<Hash256> hashes = random.mixed(20_000);
        BruteForceIndex brute = new BruteForceIndex();
        MultiIndexHashIndex index = buildBoth(hashes, brute);
        assertThat(index.size()).isEqualTo(hashes.size());
        assertSameAnswers(index, brute, queries(random, hashes, 40));
    }

    @Test
    void sameAsBruteForceAfterRandomAddsAndRemovesWithBackgroundMerges() {
        RandomHashes random = new RandomHashes(2);
        List<Hash256> hashes = random.mixed(10_000);
        BruteForceIndex brute = new BruteForceIndex();
        // A small delta limit: merges start every few hundred changes and run while the test goes on.
        MultiIndexHashIndex index = buildBoth(hashes, brute, 300);
        Changes changes = new Changes(hashes);
        for (int round = 0; round < 4; round++) {
            changes.apply(random, 1_500, index, brute);
            assertThat(index.size()).isEqualTo(brute.size()).isEqualTo(changes.live.size());
            assertSameAnswers(index, brute, queries(random, changes.live, 8));
        }
    }

    @Test
    void sameAsBruteForceWhileAMergeHasReplacedOnlySomeTables() {
        RandomHashes random = new RandomHashes(6);
        List<Hash256> hashes = random.mixed(8_000);
        BruteForceIndex brute = new BruteForceIndex();
        MultiIndexHashIndex index = buildBoth(hashes, brute, Integer.MAX_VALUE);
        Changes changes = new Changes(hashes);
        // Each table gets a different cover, and entries removed before some rebuilds but not others.
        for (int slot = 0; slot < Slots.COUNT; slot++) {
            changes.apply(random, 300, index, brute);
            index.rebuild(slot);
            if (slot % 3 == 0) {
                assertSameAnswers(index, brute, queries(random, changes.live, 5));
            }
        }
        changes.apply(random, 300, index, brute);
        assertSameAnswers(index, brute, queries(random, changes.live, 10));
        index.merge();
        assertSameAnswers(index, brute, queries(random, changes.live, 10));
    }

    @Test
    void anEmptyIndexFillsThroughItsDeltaAndMerges() {
        RandomHashes random = new RandomHashes(7);
        MultiIndexHashIndex index = new MultiIndexHashIndex(100);
        BruteForceIndex brute = new BruteForceIndex();
        Changes changes = new Changes(List.of());
        changes.apply(random, 3_000, index, brute);
        index.merge();
        changes.apply(random, 50, index, brute);
        assertSameAnswers(index, brute, queries(random, changes.live, 20));
    }

    /** Random adds (fresh or near-duplicates of live entries) and removes, applied to two indexes. */
    private static final class Changes {

        final List<Hash256> live;
        final List<Long> ids = new ArrayList<>();
        private long nextId = 100_000;

        Changes(List<Hash256> initial) {
            live = new ArrayList<>(initial);
            for (long i = 0; i < initial.size(); i++) {
                ids.add(i);
            }
        }

        void apply(RandomHashes random, int steps, HashIndex index, HashIndex brute) {
            for (int step = 0; step < steps; step++) {
                if (random.nextInt(3) == 0 && !live.isEmpty()) {
                    int k = random.nextInt(live.size());
                    assertThat(index.remove(live.get(k), ids.get(k))).isTrue();
                    assertThat(brute.remove(live.get(k), ids.get(k))).isTrue();
                    live.remove(k);
                    ids.remove(k);
                } else {
                    Hash256 h = random.nextInt(2) == 0 || live.isEmpty()
                            ? random.next() : random.near(live.get(random.nextInt(live.size())), random.nextInt(41));
                    long id = nextId++;
                    index.add(h, id);
                    brute.add(h, id);
                    live.add(h);
                    ids.add(id);
                }
            }
        }
    }

    @Test
    void sameAsBruteForceOnTheReferenceHaystackAndNeedles() {
        MultiIndexHashIndex index = new MultiIndexHashIndex();
        BruteForceIndex brute = new BruteForceIndex();
        List<String> haystack = ReferenceData.lines("reg-test-input/haystack.txt");
        for (int i = 0; i < haystack.size(); i++) {
            index.add(Hash256.fromHex(haystack.get(i)), i);
            brute.add(Hash256.fromHex(haystack.get(i)), i);
        }
        List<Hash256> needles = new ArrayList<>();
        ReferenceData.lines("reg-test-input/needles.txt").forEach(n -> needles.add(Hash256.fromHex(n)));
        assertSameAnswers(index, brute, needles);
        assertThat(index.query(needles.get(0), 31)).isNotEmpty();
    }

    @Test
    void duplicatesAreSeparateEntriesAndRemovedOneAtATime() {
        MultiIndexHashIndex index = new MultiIndexHashIndex();
        Hash256 h = new RandomHashes(3).next();
        index.add(h, 7);
        index.add(h, 7);
        index.add(h, 8);
        assertThat(index.query(h, 0)).containsExactly(new Match(7, 0), new Match(7, 0), new Match(8, 0));
        assertThat(index.remove(h, 7)).isTrue();
        assertThat(index.query(h, 0)).containsExactly(new Match(7, 0), new Match(8, 0));
        assertThat(index.remove(h.withBitFlipped(3), 8)).isFalse();
        assertThat(index.remove(h, 9)).isFalse();
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void resultsAreSortedByDistanceThenId() {
        MultiIndexHashIndex index = new MultiIndexHashIndex();
        Hash256 h = new RandomHashes(4).next();
        index.add(h.withBitFlipped(1).withBitFlipped(2), 5);
        index.add(h.withBitFlipped(9), 9);
        index.add(h.withBitFlipped(200), 3);
        index.add(h, 4);
        assertThat(index.query(h, 31)).containsExactly(
                new Match(4, 0), new Match(3, 1), new Match(9, 1), new Match(5, 2));
    }

    @Test
    void rejectsDistancesOutsideTheHash() {
        MultiIndexHashIndex index = new MultiIndexHashIndex();
        Hash256 h = new RandomHashes(5).next();
        assertThatThrownBy(() -> index.query(h, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.query(h, 257)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Bulk-builds the multi-index and fills the brute-force one with the same entries, ids 0.. */
    private static MultiIndexHashIndex buildBoth(List<Hash256> hashes, BruteForceIndex brute) {
        return buildBoth(hashes, brute, MultiIndexHashIndex.DEFAULT_DELTA_LIMIT);
    }

    private static MultiIndexHashIndex buildBoth(List<Hash256> hashes, BruteForceIndex brute, int deltaLimit) {
        MultiIndexHashIndex.Builder builder = MultiIndexHashIndex.builder().deltaLimit(deltaLimit);
        for (int i = 0; i < hashes.size(); i++) {
            builder.add(hashes.get(i), i);
            brute.add(hashes.get(i), i);
        }
        return builder.build();
    }

    /** Members of the data, members with bits flipped, and unrelated hashes. */
    private static List<Hash256> queries(RandomHashes random, List<Hash256> data, int count) {
        List<Hash256> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Hash256 member = data.get(random.nextInt(data.size()));
            queries.add(member);
            queries.add(random.near(member, 1 + random.nextInt(40)));
            queries.add(random.next());
        }
        return queries;
    }

    private static void assertSameAnswers(HashIndex index, HashIndex brute, List<Hash256> queries) {
        int[] distances = {0, 1, 2, 7, 10, 11, 15, 16, 17, 21, 22, 24, 31, 32, 40, 43, 44, 47, 55, 63, 64, 70, 96};
        for (Hash256 q : queries) {
            for (int d : distances) {
                assertThat(index.query(q, d)).as("query %s at distance %d", q, d).isEqualTo(brute.query(q, d));
            }
        }
        assertThat(index.queryAll(queries, 31)).isEqualTo(brute.queryAll(queries, 31));
    }
}
