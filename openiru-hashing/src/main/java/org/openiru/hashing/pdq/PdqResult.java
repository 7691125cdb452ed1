package org.openiru.hashing.pdq;

import java.util.Objects;
import org.openiru.hashing.Hash256;

/**
 * A PDQ hash and its quality, 0..100. Quality measures how much gradient (detail) the image has;
 * below 50 hashes of flat or near-blank images match too easily and are usually ignored.
 */
public record PdqResult(Hash256 hash, int quality) {

    public PdqResult {
        Objects.requireNonNull(hash, "hash");
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality " + quality + " is outside 0..100");
        }
    }
}
