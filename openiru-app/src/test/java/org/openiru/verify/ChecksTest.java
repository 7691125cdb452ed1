package org.openiru.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openiru.app.OpenIru;
import org.openiru.testing.FreshDatabase;
import org.openiru.testing.TestClock;
import org.openiru.unit.Units;

/**
 * Checks against a local site: 404, a Telegram-style "blocked" page, redirects to a removed page and to a
 * suspended-account address, a network failure (error, never gone); the schedule backs off; claims never hand
 * the same item to two workers; time to removal takes the first gone check or platform confirmation.
 */
@ExtendWith(FreshDatabase.class)
class ChecksTest {
    private static Site site;
    private static long unit;
    private static long telegram;

    @BeforeAll
    static void start(OpenIru app) {
        site = new Site();
        unit = app.units.create(VerifyFixture.SYSTEM, new Units.Input("verify-unit", "Verify unit", "NL", "")).id();
        telegram = VerifyFixture.platform(app, "telegram", "Telegram");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    /** Checks whose guard allows loopback and resolves every name to it: nothing leaves the machine. */
    private static Checks checks(OpenIru app, TestClock clock, int perHost) {
        HostResolver local = host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        GuardedHttp http = new GuardedHttp(new OutboundGuard(List.of("127.0.0.0/8"), local), "OpenIRU-test");
        GoneMarkers markers = new GoneMarkers(app.db.jdbi(), app.audit);
        return new Checks(app.db.jdbi(), clock, new Checker(http, new GuardedHttp.Limits(Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(10), 256 * 1024, 5)), markers, perHost);
    }

    private static CheckResult checkOnce(OpenIru app, String url) {
        GoneMarkers markers = new GoneMarkers(app.db.jdbi(), app.audit);
        HostResolver local = host -> host.equals("t.me") || host.equals("x.com")
                ? new InetAddress[] {InetAddress.getByName("127.0.0.1")} : HostResolver.SYSTEM.resolve(host);
        Checker checker = new Checker(new GuardedHttp(new OutboundGuard(List.of("127.0.0.0/8"), local), "t"),
                GuardedHttp.Limits.CHECKS);
        return checker.check(url, telegram, markers.enabled());
    }

    @Test
    void aCheckTellsUpFromGoneAndNeverCallsAFailureGone(OpenIru app) throws Exception {
        site.page("/up", "<p>[synthetic] still here</p>");
        site.page("/blocked", "<div class=\"tgme_page\">[synthetic] This channel can\u2019t be displayed because it "
                + "was used to spread terrorist propaganda.</div>");
        site.redirect("/moved", 301, "/removed-page");
        site.redirect("/someone", 302, "/account/suspended");
        site.status("/busy", 503);

        CheckResult up = checkOnce(app, site.url("127.0.0.1", "/up"));
        assertThat(up.outcome()).isEqualTo("up");
        assertThat(up.httpStatus()).isEqualTo(200);

        CheckResult notFound = checkOnce(app, site.url("127.0.0.1", "/nothing-here"));
        assertThat(notFound.outcome()).isEqualTo("gone");
        assertThat(notFound.httpStatus()).isEqualTo(404);
        assertThat(notFound.marker().label()).isEqualTo("Not found or gone (HTTP 404, 410)");

        CheckResult blocked = checkOnce(app, site.url("t.me", "/blocked"));
        assertThat(blocked.outcome()).isEqualTo("gone");
        assertThat(blocked.httpStatus()).isEqualTo(200);
        assertThat(blocked.marker().label()).isEqualTo("Telegram: channel blocked");
        // the same page at another host is not Telegram's, unless a redirect ends at Telegram
        assertThat(checkOnce(app, site.url("127.0.0.1", "/blocked")).outcome()).isEqualTo("up");
        site.redirect("/short", 302, site.url("t.me", "/blocked"));
        CheckResult viaShortLink = checkOnce(app, site.url("127.0.0.1", "/short"));
        assertThat(viaShortLink.outcome()).isEqualTo("gone");
        assertThat(viaShortLink.marker().label()).isEqualTo("Telegram: channel blocked");

        CheckResult moved = checkOnce(app, site.url("127.0.0.1", "/moved"));
        assertThat(moved.outcome()).isEqualTo("gone");
        assertThat(moved.httpStatus()).isEqualTo(404);
        assertThat(moved.finalUrl()).endsWith("/removed-page");
        assertThat(moved.redirects()).extracting(GuardedHttp.Hop::status).containsExactly(301);

        site.requests.clear();
        CheckResult suspended = checkOnce(app, site.url("x.com", "/someone"));
        assertThat(suspended.outcome()).isEqualTo("gone");
        assertThat(suspended.marker().label()).isEqualTo("X/Twitter: account suspended");
        assertThat(site.requests).containsExactly("/someone");

        CheckResult busy = checkOnce(app, site.url("127.0.0.1", "/busy"));
        assertThat(busy.outcome()).isEqualTo("error");
        assertThat(busy.error()).contains("HTTP 503");

        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        CheckResult down = checkOnce(app, "http://127.0.0.1:" + closedPort + "/gone-or-not");
        assertThat(down.outcome()).isEqualTo("error");
        assertThat(down.httpStatus()).isNull();
        assertThat(down.error()).contains("Connect");

        CheckResult refused = checkOnce(app, "http://10.0.0.1/x");
        assertThat(refused.outcome()).isEqualTo("error");
        assertThat(refused.error()).isEqualTo("refused: 10.0.0.1 is a private address");
    }

    @Test
    void theScheduleStartsAfterFiveMinutesAndBacksOff(OpenIru app, TestClock clock) {
        Checks checks = checks(app, clock, 2);
        Instant created = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        site.page("/sched", "<p>[synthetic] up</p>");
        long item = VerifyFixture.referral(app, unit, telegram, "referral", created, null,
                site.url("127.0.0.1", "/sched")).get(0);
        assertThat(checks.scheduleNew()).isPositive();
        assertThat(checks.scheduleNew()).isZero();
        checks.runDue(4, Duration.ofMinutes(5), Duration.ofSeconds(30));
        assertThat(checksOf(app, item)).isZero();

        List<Instant> checkedAt = new ArrayList<>();
        for (Duration step : List.of(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(40),
                Duration.ofHours(5), Duration.ofHours(18), Duration.ofDays(1))) {
            clock.advance(step);
            checks.runDue(4, Duration.ofMinutes(5), Duration.ofSeconds(30));
            checks.runDue(4, Duration.ofMinutes(5), Duration.ofSeconds(30));
            assertThat(checksOf(app, item)).isEqualTo(checkedAt.size() + 1);
            checkedAt.add(lastCheck(app, item));
        }
        // 5 min, 20 min, 1 h, 6 h, 1 day, 2 days after the referral was made
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < checkedAt.size(); i++) {
            gaps.add(Duration.between(checkedAt.get(i - 1), checkedAt.get(i)).truncatedTo(ChronoUnit.MINUTES));
        }
        assertThat(gaps).containsExactly(Duration.ofMinutes(15), Duration.ofMinutes(40), Duration.ofHours(5),
                Duration.ofHours(18), Duration.ofDays(1));
        assertThat(nextCheck(app, item)).isEqualTo(created.plus(Duration.ofDays(3)));

        // Down for a week: one check, then the next day still ahead, not a burst of the missed ones.
        clock.advance(Duration.ofDays(7));
        checks.runDue(4, Duration.ofMinutes(5), Duration.ofSeconds(30));
        assertThat(checksOf(app, item)).isEqualTo(7);
        assertThat(nextCheck(app, item)).isEqualTo(created.plus(Duration.ofDays(10)));
        // After day 30 the schedule ends.
        clock.advance(Duration.ofDays(25));
        checks.runDue(4, Duration.ofMinutes(5), Duration.ofSeconds(30));
        assertThat(checksOf(app, item)).isEqualTo(8);
        assertThat(nextCheck(app, item)).isNull();
        assertThat(CheckSchedule.OFFSETS).hasSize(34);
        assertThat(CheckSchedule.OFFSETS.get(33)).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void nothingIsCheckedTwiceAtOnceAndAHostGetsAtMostItsShare(OpenIru app, TestClock clock) throws Exception {
        Checks checks = checks(app, clock, 2);
        Instant created = clock.instant();
        String[] urls = new String[12];
        for (int i = 0; i < urls.length; i++) {
            // six on one host, six on another
            urls[i] = (i % 2 == 0 ? "https://one.example/" : "https://two.example/") + i;
        }
        List<Long> items = VerifyFixture.referral(app, unit, telegram, "referral", created, null, urls);
        checks.scheduleNew();
        clock.advance(Duration.ofMinutes(6));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<List<Checks.Due>>> claims = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            claims.add(() -> checks.claim(10, Duration.ofMinutes(5)));
        }
        List<Checks.Due> claimed = new ArrayList<>();
        for (Future<List<Checks.Due>> f : pool.invokeAll(claims)) {
            claimed.addAll(f.get());
        }
        pool.shutdown();
        // two per host at once, each item to one claim only
        assertThat(claimed).hasSize(4);
        assertThat(claimed.stream().map(Checks.Due::referralItemId).distinct()).hasSize(4);
        assertThat(checks.claim(10, Duration.ofMinutes(5))).isEmpty();
        assertThat(items).containsAll(claimed.stream().map(Checks.Due::referralItemId).toList());

        // A finished check frees its host's place.
        Checks.Due first = claimed.get(0);
        CheckResult r = new CheckResult("up", 200, first.url(), List.of(), null, "", 1);
        assertThat(checks.record(first, r, clock.instant())).isTrue();
        assertThat(checks.record(first, r, clock.instant())).as("the lease is used up").isFalse();
        List<Checks.Due> next = checks.claim(10, Duration.ofMinutes(5));
        assertThat(next).hasSize(1);
        assertThat(Checker.hostOf(next.get(0).url())).isEqualTo(Checker.hostOf(first.url()));

        // A worker that stalls past its lease loses the item: the result of its late run is not recorded.
        Checks.Due stalled = claimed.get(1);
        clock.advance(Duration.ofMinutes(6));
        List<Checks.Due> retaken = checks.claim(20, Duration.ofMinutes(5));
        assertThat(retaken).extracting(Checks.Due::referralItemId).contains(stalled.referralItemId());
        assertThat(checks.record(stalled, r, clock.instant())).isFalse();
        Set<Long> distinct = Set.copyOf(retaken.stream().map(Checks.Due::referralItemId).toList());
        assertThat(distinct).hasSize(retaken.size());
    }

    @Test
    void timeToRemovalIsTheFirstGoneCheckOrPlatformConfirmationWhicheverCameFirst(OpenIru app, TestClock clock) {
        Instant created = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant received = created.plus(Duration.ofMinutes(10));
        List<Long> items = VerifyFixture.referral(app, unit, telegram, "referral", created, received,
                "https://t.me/synthetic_a/1", "https://t.me/synthetic_a/2", "https://t.me/synthetic_a/3");
        VerifyFixture.check(app, items.get(0), "up", received.plus(Duration.ofMinutes(5)));
        VerifyFixture.check(app, items.get(0), "error", received.plus(Duration.ofMinutes(20)));
        VerifyFixture.check(app, items.get(0), "gone", received.plus(Duration.ofMinutes(50)));
        VerifyFixture.answer(app, items.get(0), "removed", "", received.plus(Duration.ofHours(2)));
        VerifyFixture.check(app, items.get(1), "gone", received.plus(Duration.ofHours(3)));
        VerifyFixture.answer(app, items.get(1), "access_disabled", "", received.plus(Duration.ofMinutes(30)));
        VerifyFixture.answer(app, items.get(2), "rejected", "", received.plus(Duration.ofMinutes(30)));
        VerifyFixture.check(app, items.get(2), "error", received.plus(Duration.ofMinutes(40)));

        Map<Long, String> removals = new java.util.HashMap<>();
        app.db.jdbi().useHandle(h -> h.createQuery("SELECT referral_item_id, removed_at, how FROM referral_item_removals "
                + "WHERE referral_item_id = ANY(?)").bind(0, items.toArray(new Long[0]))
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant() + " "
                        + rs.getString(3)))
                .forEach(e -> removals.put(e.getKey(), e.getValue())));
        assertThat(removals).containsOnly(Map.entry(items.get(0), received.plus(Duration.ofMinutes(50)) + " check"),
                Map.entry(items.get(1), received.plus(Duration.ofMinutes(30)) + " platform"));

        Timelines.Timeline t = new Timelines(app.db.jdbi()).of(items.get(0)).orElseThrow();
        assertThat(t.item().secondsToRemoval()).isEqualTo(50 * 60);
        assertThat(t.item().removedHow()).isEqualTo("check");
        assertThat(t.entries()).extracting(Timelines.Entry::what).containsExactly("up", "error", "gone", "removed");
        assertThat(t.entries()).extracting(Timelines.Entry::source).containsExactly("check", "check", "check",
                "answer");
    }

    private static int checksOf(OpenIru app, long item) {
        return app.db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM verify_checks WHERE "
                + "referral_item_id = ?").bind(0, item).mapTo(Integer.class).one());
    }

    private static Instant lastCheck(OpenIru app, long item) {
        return app.db.jdbi().withHandle(h -> h.createQuery("SELECT max(checked_at) FROM verify_checks WHERE "
                + "referral_item_id = ?").bind(0, item).mapTo(OffsetDateTime.class).one().toInstant());
    }

    private static Instant nextCheck(OpenIru app, long item) {
        OffsetDateTime t = app.db.jdbi().withHandle(h -> h.createQuery("SELECT next_check_at FROM verify_schedule "
                + "WHERE referral_item_id = ?").bind(0, item).mapTo(OffsetDateTime.class).one());
        return t == null ? null : t.toInstant();
    }
}
