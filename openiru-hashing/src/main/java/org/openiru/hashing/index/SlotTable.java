package org.openiru.hashing.index;

/**
 * For one slot: the numbers of the entries below {@link #cover} that were live when the table was
 * built, bucketed by the low {@link #keyBits} bits of their value in the slot, in compressed sparse
 * row form: bucket {@code k} is {@code entries[offsets[k] .. offsets[k+1])}, entry numbers ascending.
 * Two int arrays and no per-bucket objects: at 10M entries a 24-bit slot takes 64 MB of offsets
 * and 40 MB of entries. Immutable; an index replaces a table to change it.
 *
 * <p>The key is the whole slot value once the index is large enough to fill it; smaller indexes use
 * fewer key bits (about twice as many buckets as entries), so an empty or small index does not
 * allocate 2^24 offsets per slot. A bucket may then hold entries whose slot value differs from the
 * probed one in the dropped bits, which the index checks.
 */
final class SlotTable {

    private static final int MIN_KEY_BITS = 4;

    final int cover;
    final int keyBits;
    final int[] offsets;
    final int[] entries;

    private SlotTable(int cover, int keyBits, int[] offsets, int[] entries) {
        this.cover = cover;
        this.keyBits = keyBits;
        this.offsets = offsets;
        this.entries = entries;
    }

    /**
     * Buckets the entries below {@code cover} whose bit is set in {@code live} (a copy, so that the
     * counting and the filling pass agree while writers remove). Reads only entries below
     * {@code cover} through {@code wordPages} ({@link EntryStore#wordPages}), so it may run outside
     * the index's lock.
     */
    static SlotTable build(long[][] wordPages, int slot, int cover, long[] live) {
        int n = 0;
        for (long word : live) {
            n += Long.bitCount(word);
        }
        int keyBits = Math.max(MIN_KEY_BITS, Math.min(Slots.bits(slot), 33 - Integer.numberOfLeadingZeros(n)));
        int mask = (1 << keyBits) - 1;
        int[] offsets = new int[mask + 2];
        for (int e = 0; e < cover; e++) {
            if (isSet(live, e)) {
                offsets[(EntryStore.slotValue(wordPages, e, slot) & mask) + 1]++;
            }
        }
        for (int k = 1; k < offsets.length; k++) {
            offsets[k] += offsets[k - 1];
        }
        // offsets[k] is now the start of bucket k; use it as the fill cursor, which leaves it at the
        // end of bucket k, then shift everything up one place to get the starts back.
        int[] entries = new int[n];
        for (int e = 0; e < cover; e++) {
            if (isSet(live, e)) {
                entries[offsets[EntryStore.slotValue(wordPages, e, slot) & mask]++] = e;
            }
        }
        System.arraycopy(offsets, 0, offsets, 1, offsets.length - 1);
        offsets[0] = 0;
        return new SlotTable(cover, keyBits, offsets, entries);
    }

    private static boolean isSet(long[] bits, int e) {
        return (bits[e >>> 6] & (1L << e)) != 0;
    }
}
