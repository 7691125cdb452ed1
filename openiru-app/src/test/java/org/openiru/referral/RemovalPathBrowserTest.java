package org.openiru.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openiru.app.OpenIruConfig;
import org.openiru.auth.User;
import org.openiru.testing.Chromium;
import org.openiru.testing.StaticSite;
import org.openiru.testing.TestApp;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole path of issue 7 in headless Chromium, with real parts: an approved case is referred from the "Ready to
 * refer" page, the delivery workers e-mail it to an in-process SMTP server, the platform's user answers "removed"
 * in the portal (seeing only their platform), the checker finds the URL gone on a local site, and the statistics
 * show the removal and its time.
 */
class RemovalPathBrowserTest {
    private static GreenMail smtp;
    private static StaticSite site;
    private static TestApp app;
    private static Chromium browser;
    private static WebDriver driver;

    @BeforeAll
    static void start(@TempDir Path profile) {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        site = new StaticSite();
        app = TestApp.start(TestApp.config()
                .withMail(new OpenIruConfig.Mail("127.0.0.1", smtp.getSmtp().getPort(), "", "", "off",
                        "iru@unit.example"))
                .withOutboundAllowed(List.of("127.0.0.0/8")));
        app.app.startWorkers();
        browser = Chromium.start(profile);
        driver = browser.driver;
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.close();
        }
        site.close();
        smtp.stop();
    }

    @Test
    void approvedCaseIsReferredEmailedAnsweredSeenGoneAndCounted() throws Exception {
        String path = "/channel/post/7";
        site.serve(path, "text/html; charset=utf-8",
                "<html><body>[synthetic] outlet post, still online</body></html>".getBytes(StandardCharsets.UTF_8));
        ReferralFixture unit = new ReferralFixture(app.app, "test-unit");
        long platform = ReferralFixture.platform(app.app, "path-platform", "abuse@path-platform.example", "",
                List.of("en"));
        long other = ReferralFixture.platform(app.app, "other-platform", "", "", List.of("en"));
        unit.approvedCase(ReferralFixture.itemsAt(app.app, platform, "path", List.of(site.baseUrl() + path)));
        unit.approvedCase(ReferralFixture.items(app.app, other, "other", 1));

        // A supervisor refers the approved cases from the "Ready to refer" page, confirming the counts.
        browser.login(app, unit.approver().username());
        driver.get(app.url("/referrals/ready"));
        browser.submit(driver.findElement(By.cssSelector("[data-testid=refer-all]")));
        assertThat(text("refer-confirm")).contains("2");
        browser.submit(driver.findElement(By.cssSelector("[data-testid=refer-run]")));
        assertThat(text("refer-done")).isNotBlank();
        long referral = app.app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM referrals WHERE platform_id = :p").bind("p", platform).mapTo(Long.class).one());
        String reference = app.app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT reference FROM referrals WHERE id = :r").bind("r", referral).mapTo(String.class).one());

        // The delivery workers e-mail it: the SMTP server holds the message with the URL in its CSV.
        assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("abuse@path-platform.example");
        assertThat(mail.getSubject()).contains(reference);
        assertThat(GreenMailUtil.getWholeMessage(mail)).contains(reference + ".csv");
        waitFor(() -> app.app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT received_via FROM referrals WHERE id = :r").bind("r", referral).mapTo(String.class)
                .findOne().orElse(null)), "email");

        // The platform's user sees only their platform's referral, and answers "removed".
        driver.manage().deleteAllCookies();
        User staff = app.platformUser("path-platform-staff", platform);
        browser.login(app, staff.username());
        driver.get(app.url("/portal"));
        assertThat(driver.findElements(By.cssSelector("tr[data-referral]"))).hasSize(1);
        driver.findElement(By.cssSelector("tr[data-referral='" + referral + "'] a")).click();
        browser.wait.until(d -> d.getCurrentUrl().endsWith("/portal/referrals/" + referral));
        long item = app.app.referral.queries.detail(referral, null, null).orElseThrow().items().get(0).id();
        new Select(driver.findElement(By.cssSelector("[data-testid=answer-" + item + "]"))).selectByValue("removed");
        browser.submit(driver.findElement(By.cssSelector("[data-testid=answer-submit-" + item + "]")));
        assertThat(text("answers-" + item)).contains("Removed");

        // The content comes down on the site; five minutes later the first check sees it gone.
        site.remove(path);
        app.clock.advance(Duration.ofMinutes(6));
        // (The workers' own minute tick may get there first; either way there is one check, and it saw "gone".)
        app.app.verify.checks.scheduleNew();
        app.app.verify.checks.runDue(10, Duration.ofMinutes(1), Duration.ofSeconds(30));
        waitFor(() -> app.app.db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT string_agg(c.outcome, ',') FROM verify_checks c
                        JOIN referral_items ri ON ri.id = c.referral_item_id
                        WHERE ri.referral_id = :r""").bind("r", referral).mapTo(String.class).one()), "gone");

        // The statistics show one removal and its time.
        driver.manage().deleteAllCookies();
        browser.login(app, unit.approver().username());
        driver.get(app.url("/statistics"));
        WebElement row = driver.findElement(By.cssSelector("[data-testid=stats-totals] tr[data-platform='"
                + platform + "']"));
        List<WebElement> cells = row.findElements(By.tagName("td"));
        assertThat(cells.get(1).getText()).as("referrals").isEqualTo("1");
        assertThat(cells.get(3).getText()).as("removed").isEqualTo("1");
        assertThat(cells.get(5).getText()).as("median time to removal").isNotBlank();
        browser.screenshot("removal-path-statistics.png");
    }

    private static String text(String testid) {
        return driver.findElement(By.cssSelector("[data-testid=" + testid + "]")).getText();
    }

    private static void waitFor(java.util.function.Supplier<String> value, String expected) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!expected.equals(value.get()) && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(value.get()).isEqualTo(expected);
    }
}
