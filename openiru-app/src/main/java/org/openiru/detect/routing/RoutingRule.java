package org.openiru.detect.routing;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.openiru.web.ApiException;

/**
 * One routing rule: conditions (null: not checked) and the queue of the cases it matches. A rule with
 * {@code sampleEvery} n above 1 takes one in n of the cases it matches; the others go on to the next rules.
 */
public record RoutingRule(long id, int position, String name, boolean enabled, long queueId, String queue,
                          String reason, Integer minPriority, Integer maxPriority, String label, Long platformId,
                          String platform, String language, String mediaType, String sourceKind, int sampleEvery,
                          String updatedBy, Instant updatedAt) {
    /** The reason code of a bank hit (openiru-text's {@code ReasonCode.SIGNAL_HASH_MATCH}). */
    public static final String HASH_MATCH = "signal.hash_match";
    public static final List<String> LABELS = List.of("propaganda", "journalism", "counter_speech", "research",
            "unrelated");
    public static final List<String> SOURCE_KINDS = List.of("telegram_export", "tme", "warc", "urls", "jsonl", "api");
    /** The condition fields, in the order they are checked and shown. */
    public static final List<String> FIELDS = List.of("reason", "min_priority", "max_priority", "label", "platform",
            "language", "media_type", "source_kind");

    /** A rule as a supervisor writes it: empty texts are "not checked". */
    public record Input(String name, String queue, String reason, Integer minPriority, Integer maxPriority,
                        String label, Long platformId, String language, String mediaType, String sourceKind,
                        Integer sampleEvery, Boolean enabled) {
        private static final Pattern REASON = Pattern.compile("[a-z_]+(\\.[a-z_]*)*");
        private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
        private static final Pattern MEDIA = Pattern.compile("[a-z0-9.+-]+/[a-z0-9.+-]*");

        /** Checked and normalised (trimmed, lower case, empty → null); errors name the field. */
        public Input validated() {
            String n = name == null ? "" : name.strip();
            if (n.isEmpty() || n.length() > 200) {
                throw ApiException.badRequest("name", "Give the rule a name of 1 to 200 characters");
            }
            if (queue == null || queue.isBlank()) {
                throw ApiException.badRequest("queue", "Choose the queue the rule routes to");
            }
            String r = blankToNull(reason);
            if (r != null && !REASON.matcher(r).matches()) {
                throw ApiException.badRequest("reason", "reason must be a reason code such as signal.hash_match, or a "
                        + "prefix ending in a dot such as lexicon.");
            }
            checkPriority("minPriority", minPriority);
            checkPriority("maxPriority", maxPriority);
            if (minPriority != null && maxPriority != null && minPriority > maxPriority) {
                throw ApiException.badRequest("maxPriority", "maxPriority must not be below minPriority");
            }
            String l = blankToNull(label);
            if (l != null && !LABELS.contains(l)) {
                throw ApiException.badRequest("label", "label must be one of " + String.join(", ", LABELS));
            }
            String lang = blankToNull(language);
            if (lang != null && !LANGUAGE.matcher(lang).matches()) {
                throw ApiException.badRequest("language", "language must be a language code such as ar or en");
            }
            String media = blankToNull(mediaType);
            if (media != null && !MEDIA.matcher(media).matches()) {
                throw ApiException.badRequest("mediaType", "mediaType must be a media type or its start, such as "
                        + "video/ or image/png");
            }
            String kind = blankToNull(sourceKind);
            if (kind != null && !SOURCE_KINDS.contains(kind)) {
                throw ApiException.badRequest("sourceKind", "sourceKind must be one of " + String.join(", ",
                        SOURCE_KINDS));
            }
            int every = sampleEvery == null ? 1 : sampleEvery;
            if (every < 1 || every > 1_000_000) {
                throw ApiException.badRequest("sampleEvery", "sampleEvery must be from 1 (every case) to 1000000");
            }
            return new Input(n, queue.strip(), r, minPriority, maxPriority, l, platformId, lang, media, kind, every,
                    enabled == null || enabled);
        }

        private static void checkPriority(String field, Integer p) {
            if (p != null && (p < 0 || p > 100)) {
                throw ApiException.badRequest(field, field + " must be from 0 to 100");
            }
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
        }
    }
}
