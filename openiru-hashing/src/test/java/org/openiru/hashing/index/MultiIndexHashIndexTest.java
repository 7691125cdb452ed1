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
    void sameAsBruteForceAfterRandomAddsAndRemoves() {
        RandomHashes random = new RandomHashes(2);
        List<Hash256> hashes = random.mixed(10_000);
        BruteForceIndex brute = new BruteForceIndex();
        MultiIndexHashIndex index = buildBoth(hashes, brute);
        List<Long> ids = new ArrayList<>();
        for (long i = 0; i < hashes.size(); i++) {
            ids.add(i);
        }
        List<Hash256> live = new ArrayList<>(hashes);
        for (int step = 0; step < 6_000; step++) {
            if (random.nextInt(2) == 0 && !live.isEmpty()) {
                int k = random.nextInt(live.size());
                assertThat(index.remove(live.get(k), ids.get(k))).isTrue();
                assertThat(brute.remove(live.get(k), ids.get(k))).isTrue();
                live.remove(k);
                ids.remove(k);
            } else {
                Hash256 h = random.nextInt(2) == 0 || live.isEmpty()
                        ? random.next() : random.near(live.get(random.nextInt(live.size())), random.nextInt(41));
                long id = 100_000 + step;
                index.add(h, id);
                brute.add(h, id);
                live.add(h);
                ids.add(id);
            }
        }
        assertThat(index.size()).isEqualTo(brute.size()).isEqualTo(live.size());
        assertSameAnswers(index, brute, queries(random, live, 30));
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
        MultiIndexHashIndex.Builder builder = MultiIndexHashIndex.builder();
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
        int[] distances = {0, 1, 2, 7, 15, 16, 17, 24, 31, 32, 40, 47, 48, 55, 63, 64, 70, 96};
        for (Hash256 q : queries) {
            for (int d : distances) {
                assertThat(index.query(q, d)).as("query %s at distance %d", q, d).isEqualTo(brute.query(q, d));
            }
        }
        assertThat(index.queryAll(queries, 31)).isEqualTo(brute.queryAll(queries, 31));
    }
}
