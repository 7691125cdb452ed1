package org.openiru.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openiru.app.OpenIru;
import org.openiru.audit.Actor;
import org.openiru.auth.Role;
import org.openiru.ingest.ActorRef;
import org.openiru.ingest.IncomingItem;
import org.openiru.ingest.IngestRun;
import org.openiru.ingest.RawRecords;
import org.openiru.ingest.url.Outlink;
import org.openiru.review.Assessment;
import org.openiru.store.queue.Job;
import org.openiru.review.Cases;
import org.openiru.review.ReviewFixture;
import org.openiru.review.Reviewer;
import org.openiru.testing.FreshDatabase;
import org.openiru.unit.Unit;
import org.openiru.web.ApiException;

/**
 * Scores learn from the review desk: assessments made through the real services become actor-history,
 * forwarded-from and outlink reasons, each on its own; the sweep rescores the items they affect; and
 * {@code openiru model train} learns from them. Texts are synthetic.
 */
@ExtendWith(FreshDatabase.class)
class DetectAssessmentsTest {
    private static final Actor SYSTEM = Actor.system("detect-test");
    private static final ActorRef SOURCE = new ActorRef(null, "src-1", "source_channel", "Source", "channel");
    private static final ActorRef OTHER = new ActorRef(null, "other-1", "other_channel", "Other", "channel");
    private static final ActorRef THIRD = new ActorRef(null, "third-1", "third_channel", "Third", "channel");

    private static long ingest(OpenIru app, String url, ActorRef actor, ActorRef forwardedFrom, String text,
                               List<Outlink> links) {
        try (IngestRun run = app.ingest.begin(SYSTEM, "api", "detect test", "")) {
            run.add(new IncomingItem(url, null, actor, url, actor, forwardedFrom, null, Instant.now(), null, text,
                    RawRecords.json(JsonNodeFactory.instance.objectNode()), () -> links, List.of()));
            run.finish(null);
        }
        long id = app.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM items WHERE canonical_url = ?")
                .bind(0, url).mapTo(Long.class).one());
        app.detect.scores.score(List.of(id));
        return id;
    }

    private static List<String> codes(OpenIru app, long item) {
        return app.detect.scores.find(item).orElseThrow().reasons().stream().map(ItemScores.StoredReason::code).toList();
    }

    private static void decide(OpenIru app, Unit unit, Reviewer analyst, Reviewer supervisor, long item, Assessment a) {
        long c = app.review.cases.openFor(SYSTEM, unit.id(), new Cases.NewCase(List.of(item), null, null,
                "[synthetic] case", false));
        app.review.cases.assess(analyst, c, a);
        if (a.outcome().equals(Assessment.TERRORIST)) {
            app.review.cases.approve(supervisor, c, "agreed");
        }
    }

    @Test
    void assessmentsBecomeReasonsRescoringAndTrainingData(OpenIru app) throws Exception {
        Unit unit = ReviewFixture.unit(app, "det");
        Reviewer analyst = new Reviewer(ReviewFixture.user(app, unit, "det-analyst", Role.ANALYST), "r1");
        Reviewer supervisor = new Reviewer(ReviewFixture.user(app, unit, "det-super", Role.SUPERVISOR), "r2");
        long assessed = ingest(app, "https://example.test/src/1", SOURCE, null,
                "[synthetic] a post to be assessed", List.of());
        long sameAuthor = ingest(app, "https://example.test/src/2", SOURCE, null, "[synthetic] another post", List.of());
        long forwarded = ingest(app, "https://example.test/other/1", OTHER, SOURCE, "[synthetic] forwarded", List.of());
        long linking = ingest(app, "https://example.test/third/1", THIRD, null, "[synthetic] see this",
                List.of(new Outlink("https://example.test/src/1", "example.test")));
        for (long item : List.of(sameAuthor, forwarded, linking)) {
            assertThat(codes(app, item)).noneMatch(c -> c.startsWith("signal."));
        }

        Instant before = Instant.now().minusSeconds(1);
        decide(app, unit, analyst, supervisor, assessed, new Assessment("terrorist", List.of("a"), "Synthetic Group",
                3, "text", null, null, null));

        // the sweep finds the items the decision affects, and not the unrelated ones
        List<Long> affected = app.detect.scores.affectedSince(before, false);
        assertThat(affected).contains(sameAuthor, forwarded, linking);
        app.detect.scores.score(affected);
        assertThat(codes(app, sameAuthor)).contains("signal.actor_history").doesNotContain("signal.forwarded_from",
                "signal.outlink_url");
        assertThat(codes(app, forwarded)).contains("signal.forwarded_from").doesNotContain("signal.actor_history");
        assertThat(codes(app, linking)).contains("signal.outlink_url").doesNotContain("signal.actor_history");
        // the item never counts towards its own history
        app.detect.scores.score(List.of(assessed));
        assertThat(codes(app, assessed)).doesNotContain("signal.actor_history");
        assertThat(app.detect.scores.find(sameAuthor).orElseThrow().reasons().stream()
                .filter(r -> r.code().equals("signal.actor_history")).findFirst().orElseThrow().args())
                .containsExactly("source_channel", "1");

        // training: one label is not enough; two are, and later scores name the new model
        assertThatThrownBy(() -> app.detect.train(SYSTEM, app.detect.assessedExamples(), "too-few", "assessments"))
                .isInstanceOf(ApiException.class).hasMessageContaining("two labels");
        decide(app, unit, analyst, supervisor, linking, new Assessment("not_actionable", List.of(), "", null, "",
                "journalism", null, null));
        assertThat(app.detect.assessedExamples()).extracting(e -> e.label().id())
                .containsExactlyInAnyOrder("propaganda", "journalism");
        // the nightly retrain: only with enough new decisions, then stored, current, and named by later scores
        assertThat(new Retrain(app.db.jdbi(), app.detect, app.jobs, Clock.systemUTC(), 3).runIfDue()).isEmpty();
        String version = new Retrain(app.db.jdbi(), app.detect, app.jobs, Clock.systemUTC(), 2).runIfDue().orElseThrow();
        assertThat(app.detect.models.currentVersion()).contains(version);
        assertThat(new Retrain(app.db.jdbi(), app.detect, app.jobs, Clock.systemUTC(), 1).newAssessments()).isZero();
        assertThat(app.detect.scores.affectedSince(Instant.now(), true)).contains(assessed, sameAuthor, forwarded, linking);
        app.detect.scores.score(List.of(sameAuthor));
        assertThat(app.detect.scores.find(sameAuthor).orElseThrow().model()).startsWith(version + "+ref-");
        assertThat(app.detect.scores.find(forwarded).orElseThrow().model()).startsWith("synthetic-2+ref-");
    }

    /** Runs the queued scoring jobs; returns the items they scored. */
    private static List<Long> runScoreJobs(OpenIru app) throws Exception {
        List<Long> scored = new java.util.ArrayList<>();
        for (Job job : app.jobs.claim(ScoreStep.QUEUE, 100, Duration.ofMinutes(1), "test")) {
            app.detect.step.handle(job);
            app.jobs.complete(job);
            scored.addAll(org.openiru.store.queue.ItemJobs.items(job));
        }
        return scored;
    }

    @Test
    void aSupervisorsEditOfTheReferenceDataRescoresThroughTheSweep(OpenIru app) throws Exception {
        long item = ingest(app, "https://example.test/sweep/1", SOURCE, null, "[synthetic] a quiet post", List.of());
        String before = app.detect.scores.find(item).orElseThrow().model();
        runScoreJobs(app); // the import's own job
        app.detect.step.scheduleSweep();
        List<Job> sweeps = app.jobs.claim(ScoreStep.SWEEP, 10, Duration.ofMinutes(1), "test");
        assertThat(sweeps).hasSize(1);
        // the first round after a start finds every score of another version: none here
        app.detect.step.handleSweep(sweeps.get(0));
        assertThat(runScoreJobs(app)).doesNotContain(item);

        String version = app.detect.reference.addTerm(SYSTEM, "counter_speech", "sweep test phrase");
        // the next round (due in a minute; run now) sees the version change
        app.detect.step.handleSweep(new Job(-1, ScoreStep.SWEEP, "test", org.openiru.app.Json.write(java.util.Map.of(
                "since", Instant.now().toString(), "model", before)), 1, 3, null));
        assertThat(runScoreJobs(app)).contains(item);

        String after = app.detect.scores.find(item).orElseThrow().model();
        assertThat(after).isNotEqualTo(before).endsWith("+ref-" + version);
        // the next round is queued, one minute on
        assertThat(app.jobs.claim(ScoreStep.SWEEP, 10, Duration.ofMinutes(1), "test")).isEmpty();
        int later = app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM jobs WHERE queue = ? AND run_at > now()").bind(0, ScoreStep.SWEEP)
                .mapTo(Integer.class).one());
        assertThat(later).isEqualTo(1);
    }
}
