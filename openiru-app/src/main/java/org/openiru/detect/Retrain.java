package org.openiru.detect;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.Actor;
import org.openiru.store.queue.Job;
import org.openiru.store.queue.JobQueue;
import org.openiru.store.queue.Periodic;
import org.openiru.text.classify.ModelTrainer;

/**
 * The nightly retrain ({@value #QUEUE}, at {@value #HOUR_UTC}:00 UTC): a new model from the unit's own
 * assessments when at least {@code minNewAssessments} items were decided since the current model was trained
 * ({@code OPENIRU_RETRAIN_MIN_ASSESSMENTS}; 0 turns it off). Not enough new decisions, or decisions of only one
 * label, and the current model stays. The new model is stored and made current like {@code openiru model train}
 * (audited as the system); the score sweep then rescores every item with it.
 */
public final class Retrain {
    public static final String QUEUE = "detect.retrain";
    static final int HOUR_UTC = 2;
    private static final Logger LOG = Logger.getLogger(Retrain.class.getName());

    private final Jdbi jdbi;
    private final Detect detect;
    private final Periodic nightly;
    private final Clock clock;
    private final int minNewAssessments;

    Retrain(Jdbi jdbi, Detect detect, JobQueue jobs, Clock clock, int minNewAssessments) {
        this.jdbi = jdbi;
        this.detect = detect;
        this.nightly = new Periodic(jobs, QUEUE, Duration.ofDays(1), Duration.ofHours(HOUR_UTC));
        this.clock = clock;
        this.minNewAssessments = minNewAssessments;
    }

    /** Makes sure the next nightly run is queued (called at every start); nothing when turned off. */
    public void schedule() {
        if (minNewAssessments == 0) {
            return;
        }
        nightly.scheduleNext();
    }

    public void handle(Job job) {
        runIfDue();
        schedule();
    }

    /** Items decided since the current model was trained (all decided items while the shipped model is used). */
    public int newAssessments() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT count(DISTINCT item_id) FROM detect_assessed_items
                WHERE created_at > COALESCE((SELECT trained_at FROM detect_models WHERE current), '-infinity')""")
                .mapTo(Integer.class).one());
    }

    /** Trains and returns the new model's version when enough new decisions of two labels or more exist. */
    public Optional<String> runIfDue() {
        int fresh = newAssessments();
        if (minNewAssessments == 0 || fresh < minNewAssessments) {
            return Optional.empty();
        }
        List<ModelTrainer.Example> examples = detect.assessedExamples();
        if (examples.stream().map(ModelTrainer.Example::label).distinct().count() < 2) {
            LOG.info("nightly retrain skipped: " + fresh + " new decisions, but the assessments hold one label only");
            return Optional.empty();
        }
        String version = "assessments-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + clock.instant().getEpochSecond() % 86_400;
        detect.train(Actor.system("detect retrain"), examples, version, "assessments (nightly, " + fresh + " new)");
        return Optional.of(version);
    }
}
