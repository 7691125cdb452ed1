package org.openiru.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openiru.platform.Platform;

/** The two languages stay complete and in step, and every key the code asks for exists. */
class MessagesTest {
    /** {@code p.t("key")} in templates, {@code x.t("key")} in Java; a trailing {@code +} marks a key prefix. */
    private static final Pattern KEY_USE = Pattern.compile("\\.t\\(\"([^\"]+)\"\\s*(\\+)?");
    private static final Pattern ARABIC = Pattern.compile("\\p{IsArabic}");
    /** Keys built at run time from a prefix, with every value the suffix can take. */
    private static final Map<String, List<String>> DYNAMIC = Map.ofEntries(
            Map.entry("platform.kind.", Platform.KINDS),
            Map.entry("campaign.status.", List.of("planned", "running", "closed")),
            Map.entry("campaign.scope.", List.of("entity", "queue", "search", "target")),
            Map.entry("campaign.", org.openiru.campaign.BoardCharts.STATUSES),
            Map.entry("network.kind.", org.openiru.network.EdgeKinds.ALL),
            Map.entry("network.day.", List.of("planned", "running")),
            Map.entry("delivery.status.", org.openiru.delivery.Deliveries.STATUSES),
            Map.entry("delivery.channel.", org.openiru.delivery.Deliveries.CHANNELS),
            Map.entry("role.", java.util.Arrays.stream(org.openiru.auth.Role.values()).map(org.openiru.auth.Role::id)
                    .toList()),
            Map.entry("sources.kind.", List.of("telegram_export", "tme", "warc", "urls", "jsonl", "api")),
            Map.entry("sources.status.", List.of("running", "finished", "failed")),
            Map.entry("sources.job.", List.of("ready", "running", "dead")),
            Map.entry("actor.kind.", List.of("channel", "group", "user", "site", "unknown")),
            Map.entry("detect.band.", List.of("high", "medium", "low")),
            Map.entry("routing.cond.", java.util.stream.Stream.concat(
                    org.openiru.detect.routing.RoutingRule.FIELDS.stream(), java.util.stream.Stream.of("sample"))
                    .toList()),
            Map.entry("routing.because.", List.of("band", "hash_match", "sample", "copy_of_decided")),
            Map.entry("routing.outcome.", List.of("opened", "joined", "in_case", "copy_of_decided", "not_opened")),
            Map.entry("routing.how.", org.openiru.detect.cases.ContentIndex.WAYS),
            Map.entry("detect.label.", java.util.Arrays.stream(org.openiru.text.classify.Label.values())
                    .map(org.openiru.text.classify.Label::id).toList()),
            Map.entry("detect.class.", java.util.Arrays.stream(org.openiru.text.lexicon.TermClass.values())
                    .map(org.openiru.text.lexicon.TermClass::id)
                    .filter(c -> !c.equals("entity_name") && !c.equals("outlet")).toList()),
            Map.entry("review.state.", java.util.Arrays.stream(org.openiru.review.CaseState.values())
                    .map(org.openiru.review.CaseState::id).toList()),
            Map.entry("review.event.", List.of("created", "item_added", "routed", "claimed", "released",
                    "claim_expired", "assessed", "escalated", "approved", "approval_rejected", "held", "hold_lifted",
                    "hold_expired", "referred", "closed", "reopened", "commented", "order_issued", "order_breached")),
            Map.entry("review.outcome.", org.openiru.review.Assessment.OUTCOMES),
            Map.entry("review.reason.", org.openiru.review.Assessment.REASONS),
            Map.entry("review.category.", org.openiru.review.Assessment.CATEGORIES),
            Map.entry("review.severity.", List.of("1", "2", "3", "4")),
            Map.entry("review.content_type.", org.openiru.review.Assessment.CONTENT_TYPES),
            Map.entry("review.blur.", org.openiru.review.ReviewSettings.BLURS),
            Map.entry("review.bulk.", org.openiru.review.Cases.BULK_ACTIONS),
            Map.entry("review.decision.", List.of("approved", "rejected")),
            Map.entry("referral.tco.", org.openiru.review.Assessment.CATEGORIES),
            Map.entry("report.day.section.", List.of("entity", "content_type", "unit", "kind")),
            Map.entry("report.day.col.", List.of("entity", "content_type", "unit", "kind")),
            Map.entry("report.day.status.", List.of("planned", "running", "closed")),
            Map.entry("report.col.", List.of("referred", "removed", "pending", "rejected", "removal_rate", "median",
                    "p90")),
            Map.entry("report.tco.manual.", org.openiru.report.TcoManual.FIELDS),
            Map.entry("report.tco.reason.", org.openiru.report.TransparencyFigures.ANNEX_III),
            Map.entry("report.yearly.per_", List.of("language", "entity")),
            Map.entry("report.yearly.", List.of("language", "entity")),
            Map.entry("referral.kind.", org.openiru.referral.ReferralQueries.KINDS),
            Map.entry("referral.status.", org.openiru.referral.ReferralQueries.STATUSES),
            Map.entry("referral.via.", List.of("email", "webhook", "portal", "api", "unit")),
            Map.entry("referral.channel.", List.of("email", "webhook")),
            Map.entry("referral.delivery.", List.of("pending", "sent", "dead")),
            Map.entry("referral.answer.", List.of("removed", "access_disabled", "geo_blocked", "rejected",
                    "need_information", "cannot_execute")),
            Map.entry("referral.reason_code.", org.openiru.referral.Answers.REASON_CODES),
            Map.entry("referral.language.", org.openiru.referral.ReasonTemplates.LANGUAGES),
            Map.entry("verify.kind.", List.of("referral", "removal_order")),
            Map.entry("verify.how.", List.of("check", "platform")),
            Map.entry("verify.source.", List.of("check", "answer")),
            Map.entry("verify.what.", List.of("up", "gone", "error", "removed", "access_disabled", "geo_blocked",
                    "rejected", "need_information", "cannot_execute")),
            Map.entry("verify.via.", List.of("portal", "api", "unit")),
            Map.entry("verify.reason_code.", List.of("force_majeure", "de_facto_impossibility", "manifest_error",
                    "insufficient_information")),
            Map.entry("verify.markers.kind.", org.openiru.verify.GoneMarker.KINDS),
            Map.entry("verify.stats.rejection.", org.openiru.verify.Statistics.REJECTION_KEYS),
            Map.entry("reappear.how.", List.of("blob", "pdq", "text", "actor")),
            Map.entry("reappear.by.", List.of("platform", "entity", "week")),
            Map.entry("reappear.col.", List.of("platform", "entity", "week")),
            Map.entry("order.state.", java.util.Arrays.stream(org.openiru.referral.order.OrderClock.State.values())
                    .map(org.openiru.referral.order.OrderClock.State::id).toList()),
            Map.entry("order.pause.", java.util.Arrays.stream(org.openiru.referral.order.OrderClock.Pause.values())
                    .map(org.openiru.referral.order.OrderClock.Pause::id).toList()),
            Map.entry("order.answer.", List.of("removed", "access_disabled", "geo_blocked", "rejected",
                    "need_information", "cannot_execute")),
            Map.entry("order.reason_code.", List.of("force_majeure", "de_facto_impossibility", "manifest_error",
                    "insufficient_information")),
            Map.entry("order.event.", List.of("clarification", "reasons_ceased", "breached")),
            Map.entry("dashboard.trend.", List.of("items", "hits", "assessments", "referred", "removed")),
            Map.entry("order.category.", org.openiru.review.Assessment.CATEGORIES));

    @Test
    void everyBundleHasTheSameKeysInEveryLanguage() {
        List<String> problems = new ArrayList<>();
        for (String bundle : Messages.BUNDLES) {
            Set<String> english = Messages.read("/i18n/" + bundle + "_en.properties").keySet();
            for (String lang : Messages.LANGUAGES) {
                Set<String> keys = Messages.read("/i18n/" + bundle + "_" + lang + ".properties").keySet();
                Set<String> missing = new TreeSet<>(english);
                missing.removeAll(keys);
                Set<String> extra = new TreeSet<>(keys);
                extra.removeAll(english);
                if (!missing.isEmpty() || !extra.isEmpty()) {
                    problems.add(bundle + "_" + lang + ": missing " + missing + ", not in English " + extra);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void valuesAreNonEmptyValidPatternsAndArabicIsArabic() {
        List<String> problems = new ArrayList<>();
        for (Messages m : Messages.loadAll(ZoneId.of("UTC")).values()) {
            for (String key : new TreeSet<>(m.keys())) {
                String value = m.t(key);
                if (value.isBlank()) {
                    problems.add(m.lang() + " " + key + " is empty");
                    continue;
                }
                try {
                    new MessageFormat(value);
                } catch (IllegalArgumentException e) {
                    problems.add(m.lang() + " " + key + " is not a valid pattern: " + e.getMessage());
                }
                if (m.rtl() && !ARABIC.matcher(value).find()) {
                    problems.add("ar " + key + " has no Arabic text: " + value);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
        Set<String> known = Messages.loadAll(ZoneId.of("UTC")).get("en").keys();
        Set<String> missing = new TreeSet<>();
        for (Path file : sources()) {
            Matcher use = KEY_USE.matcher(Files.readString(file));
            while (use.find()) {
                List<String> keys = use.group(2) == null ? List.of(use.group(1))
                        : DYNAMIC.getOrDefault(use.group(1), List.of()).stream().map(use.group(1)::concat).toList();
                if (keys.isEmpty()) {
                    missing.add(file.getFileName() + ": unknown key prefix " + use.group(1) + " (add it to DYNAMIC)");
                }
                keys.stream().filter(k -> !known.contains(k)).forEach(k -> missing.add(file.getFileName() + ": " + k));
            }
        }
        assertEquals(Set.of(), missing);
    }

    private static List<Path> sources() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("src/main/jte", "src/main/java")) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(f -> f.toString().endsWith(".jte") || f.toString().endsWith(".java")).forEach(files::add);
            }
        }
        assertTrue(files.stream().anyMatch(f -> f.toString().endsWith("layout.jte")), "templates found");
        return files;
    }
}
