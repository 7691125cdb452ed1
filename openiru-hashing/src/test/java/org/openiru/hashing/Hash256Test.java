package org.openiru.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hash arithmetic against the reference's test inputs ({@code reg-test-input/*.dat}): random and
 * nearly equal 256-bit hashes and a word-order case, checked against {@link BigInteger} as an
 * independent oracle of the hex ordering (the hex is the big-endian 256-bit number, bit k of the
 * hash is bit k of that number).
 */
class Hash256Test {

    @Test
    void hexRoundTripsAndBitsAgreeWithTheBigEndianNumber() {
        for (String file : List.of("short256.dat", "long256.dat", "order256.dat")) {
            for (String hex : ReferenceData.lines("reg-test-input/" + file)) {
                Hash256 hash = Hash256.fromHex(hex);
                assertThat(hash.toHex()).isEqualTo(hex);
                BigInteger number = new BigInteger(hex, 16);
                for (int k = 0; k < Hash256.BITS; k++) {
                    assertThat(hash.bit(k)).as("%s bit %d", hex, k).isEqualTo(number.testBit(k));
                }
                assertThat(hash.bitCount()).isEqualTo(number.bitCount());
            }
        }
    }

    @Test
    void distanceAndOrderAgreeWithBigIntegerForAllPairs() {
        List<String> hexes = new ArrayList<>();
        for (String file : List.of("short256.dat", "long256.dat", "order256.dat")) {
            hexes.addAll(ReferenceData.lines("reg-test-input/" + file));
        }
        for (String a : hexes) {
            for (String b : hexes) {
                BigInteger x = new BigInteger(a, 16);
                BigInteger y = new BigInteger(b, 16);
                Hash256 ha = Hash256.fromHex(a);
                Hash256 hb = Hash256.fromHex(b);
                assertThat(ha.distance(hb)).isEqualTo(x.xor(y).bitCount());
                assertThat(Integer.signum(ha.compareTo(hb))).isEqualTo(x.compareTo(y));
                assertThat(ha.equals(hb)).isEqualTo(a.equals(b));
            }
        }
    }

    /** short256.dat holds pairs of near-identical hashes. */
    @Test
    void nearlyEqualPairs() {
        List<String> lines = ReferenceData.lines("reg-test-input/short256.dat");
        assertThat(Hash256.fromHex(lines.get(0)).distance(Hash256.fromHex(lines.get(1)))).isEqualTo(4);
        assertThat(Hash256.fromHex(lines.get(2)).distance(Hash256.fromHex(lines.get(3)))).isEqualTo(3);
    }

    /** The 64-bit inputs fill one word each: the word order of {@link Hash256#ofWords} is the hex order. */
    @Test
    void wordsFromTheSixtyFourBitInputs() {
        List<String> words = new ArrayList<>(ReferenceData.lines("reg-test-input/long64.dat"));
        words.addAll(ReferenceData.lines("reg-test-input/short64.dat"));
        for (int i = 0; i + 4 <= words.size(); i += 4) {
            long[] w = new long[4];
            for (int j = 0; j < 4; j++) {
                w[j] = Long.parseUnsignedLong(words.get(i + j), 16);
            }
            Hash256 hash = Hash256.ofWords(w[0], w[1], w[2], w[3]);
            assertThat(hash.toHex()).isEqualTo(words.get(i + 3) + words.get(i + 2) + words.get(i + 1) + words.get(i));
            assertThat(hash.word(2)).isEqualTo(w[2]);
        }
    }

    @Test
    void flippingBits() {
        Hash256 zero = Hash256.ofWords(0, 0, 0, 0);
        assertThat(zero.withBitFlipped(0).toHex()).endsWith("01");
        assertThat(zero.withBitFlipped(255).toHex()).startsWith("8");
        assertThat(zero.withBitFlipped(70).distance(zero)).isEqualTo(1);
        assertThat(zero.withBitFlipped(70).withBitFlipped(70)).isEqualTo(zero).hasSameHashCodeAs(zero);
    }

    @Test
    void rejectsMalformedHex() {
        assertThatThrownBy(() -> Hash256.fromHex("abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 64 hex digits, got 3 characters");
        assertThatThrownBy(() -> Hash256.fromHex("g".repeat(64)))
                .hasMessage("not a hex digit at position 1: 'g'");
        assertThatThrownBy(() -> Hash256.fromHex("+" + "0".repeat(63)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Hash256.fromHex("AB".repeat(32)).toHex()).isEqualTo("ab".repeat(32));
    }
}
