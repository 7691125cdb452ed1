package org.openiru.hashing.pdq;

import java.util.List;
import org.openiru.hashing.Hash256;

/** The PDQ hashes of an image in all eight orientations, and the (shared) quality. */
public final class DihedralHashes {

    private final Hash256[] hashes;
    private final int quality;

    DihedralHashes(Hash256[] hashes, int quality) {
        this.hashes = hashes.clone();
        this.quality = quality;
    }

    public Hash256 get(Dihedral orientation) {
        return hashes[orientation.ordinal()];
    }

    public int quality() {
        return quality;
    }

    /** The hashes in {@link Dihedral} order. */
    public List<Hash256> all() {
        return List.of(hashes);
    }

    public PdqResult original() {
        return new PdqResult(get(Dihedral.ORIGINAL), quality);
    }

    @Override
    public String toString() {
        return all() + " quality " + quality;
    }
}
