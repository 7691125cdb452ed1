package org.openiru.text.score;

/** Review urgency bands over the 0–100 priority. */
public enum Priority {
    HIGH, MEDIUM, LOW;

    static final int HIGH_FROM = 60;
    static final int MEDIUM_FROM = 30;

    public static Priority of(int priority) {
        return priority >= HIGH_FROM ? HIGH : priority >= MEDIUM_FROM ? MEDIUM : LOW;
    }
}
