package org.openiru.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openiru.app.OpenIru;
import org.openiru.store.queue.Job;
import org.openiru.testing.FreshDatabase;
import org.openiru.testing.TestClock;
import org.openiru.unit.Units;

/** Through the durable queue: a tick schedules many items in one go and starts a few check jobs, which check. */
@ExtendWith(FreshDatabase.class)
class CheckJobsTest {
    @Test
    void aTickStartsAFewCheckJobsForManyItemsAndTheyCheck(OpenIru app, TestClock clock) throws Exception {
        try (Site site = new Site()) {
            site.page("/up", "<p>[synthetic] up</p>");
            long unit = app.units.create(VerifyFixture.SYSTEM, new Units.Input("jobs-unit", "Jobs", "NL", "")).id();
            long platform = VerifyFixture.platform(app, "jobs-platform", "Jobs platform");
            String[] urls = new String[40];
            for (int i = 0; i < urls.length; i++) {
                urls[i] = site.url("127.0.0.1", i % 4 == 0 ? "/gone-" + i : "/up");
            }
            VerifyFixture.referral(app, unit, platform, "referral", clock.instant(), null, urls);
            Verify verify = new Verify(app.db.jdbi(), app.audit, clock, app.jobs, List.of("127.0.0.0/8"), "test", 4);

            verify.jobs.tick(new Job(1, CheckJobs.TICK, "minute:test", "{}", 1, 8, UUID.randomUUID()));
            assertThat(count(app, "SELECT count(*) FROM verify_schedule")).isEqualTo(40);
            assertThat(count(app, "SELECT count(*) FROM jobs WHERE queue = 'verify.check'")).isZero();

            clock.advance(Duration.ofMinutes(5));
            verify.jobs.tick(new Job(2, CheckJobs.TICK, "minute:test2", "{}", 1, 8, UUID.randomUUID()));
            // 40 due checks, 4 worker threads: two check jobs (half the threads), not 40
            List<Job> runs = app.jobs.claim(CheckJobs.RUN, 10, CheckJobs.JOB_LEASE, "test");
            assertThat(runs).hasSize(2);
            assertThat(count(app, "SELECT count(*) FROM jobs WHERE queue = 'verify.tick'")).isPositive();
            for (Job run : runs) {
                verify.jobs.run(run);
                app.jobs.complete(run);
            }
            assertThat(count(app, "SELECT count(*) FROM verify_checks")).isEqualTo(40);
            assertThat(count(app, "SELECT count(*) FROM verify_checks WHERE outcome = 'gone'")).isEqualTo(10);
            assertThat(count(app, "SELECT count(*) FROM verify_schedule WHERE checks_done = 1 AND lease_token IS NULL"))
                    .isEqualTo(40);
        }
    }

    private static long count(OpenIru app, String sql) {
        return app.db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
