package org.openiru.text.classify;

/**
 * Sparse features: bucket indexes and their values. N-gram indexes are sorted and distinct; a lexicon
 * feature may repeat an index an n-gram already has (see {@link FeatureExtractor}).
 */
public record FeatureVector(int[] indexes, float[] values) {
}
