package org.openiru.hashing.video;

/**
 * The result of comparing two videos' vPDQ hashes.
 *
 * @param queryMatchPercent share of the query's unique good frames that have a close target frame
 * @param targetMatchPercent share of the target's unique good frames that have a close query frame
 * @param matched both shares reach the matcher's thresholds
 */
public record VpdqMatch(double queryMatchPercent, double targetMatchPercent, boolean matched) {}
