package org.openiru.store.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openiru.audit.AuditLog;
import org.openiru.auth.Role;
import org.openiru.testing.Html;
import org.openiru.testing.TestApp;

class QueueAdminTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static TestApp t;
    /** Gives up after one attempt, so that a test can make a dead job at once. */
    private static PgJobQueue oneShot;

    @BeforeAll
    static void start() {
        t = TestApp.start();
        t.user("queue-admin", Role.ADMIN);
        t.user("queue-analyst", Role.ANALYST);
        oneShot = new PgJobQueue(t.app.db.jdbi(), Backoff.DEFAULT, 1);
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void theAdminSeesQueuesAndDeadJobsWithTheErrorEscaped() throws Exception {
        long id = deadJob("page", "<script>alert(1)</script>");
        HttpClient admin = TestApp.browserlessClient();
        t.login(admin, "queue-admin");

        HttpResponse<String> page = t.get(admin, "/admin/queues");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"retry-" + id + "\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");

        HttpResponse<String> api = t.get(admin, "/api/v1/admin/queues");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"queue\":\"page\"").contains("\"dead\":1");
    }

    @Test
    void anAnalystIsRefused() throws Exception {
        HttpClient analyst = TestApp.browserlessClient();
        t.login(analyst, "queue-analyst");
        assertThat(t.get(analyst, "/admin/queues").statusCode()).isEqualTo(403);
        assertThat(t.get(analyst, "/api/v1/admin/queues").statusCode()).isEqualTo(403);
    }

    @Test
    void retryAndDiscardChangeTheJobAndAreAudited() throws Exception {
        HttpClient admin = TestApp.browserlessClient();
        String csrf = t.login(admin, "queue-admin");

        long retried = deadJob("admin-retry", "timeout");
        assertThat(post(admin, "/admin/queues/jobs/" + retried + "/retry", csrf).statusCode()).isEqualTo(302);
        assertThat(QueueDb.state(t.app.db.jdbi(), retried)).isEqualTo("ready");
        assertThat(QueueDb.attempts(t.app.db.jdbi(), retried)).isZero();
        assertThat(post(admin, "/admin/queues/jobs/" + retried + "/retry", csrf).statusCode()).isEqualTo(409);

        long discarded = deadJob("admin-discard", "gone");
        assertThat(post(admin, "/admin/queues/jobs/" + discarded + "/discard", csrf).statusCode()).isEqualTo(302);
        assertThat(QueueDb.state(t.app.db.jdbi(), discarded)).isEqualTo("discarded");

        assertThat(audited("queue.job.retried", retried)).isTrue();
        assertThat(audited("queue.job.discarded", discarded)).isTrue();
    }

    private HttpResponse<String> post(HttpClient client, String path, String csrf) throws Exception {
        return t.send(client, "POST", path, Html.form("_csrf", csrf), FORM);
    }

    private static long deadJob(String queue, String error) throws Exception {
        oneShot.enqueue(queue, "k", "{}");
        Job job = QueueDb.claimOne(oneShot, queue, Duration.ofMinutes(5), "test");
        oneShot.fail(job, new IllegalStateException(error));
        return job.id();
    }

    private static boolean audited(String action, long id) {
        return !t.app.audit.search(new AuditLog.Filter(action, "job", String.valueOf(id), null, null, null), null, 1)
                .isEmpty();
    }
}
