package org.openiru.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.auth.Users;
import org.openiru.testing.ChromiumAppTest;
import org.openiru.testing.TestApp;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The statistics page in Chromium: charts drawn from the page's data (no inline script), the same numbers in
 * the tables, in English and in Arabic (right to left); a supervisor changes a gone marker on its page.
 */
class StatisticsBrowserTest extends ChromiumAppTest {
    @Test
    void theStatisticsPageDrawsChartsWithTablesInBothLanguages() throws Exception {
        long platform = VerifyFixture.platform(app.app, "chart-platform", "Chart <b>platform</b>");
        Instant created = Instant.parse("2026-11-02T10:00:00Z");
        long item = VerifyFixture.referral(app.app, app.unit.id(), platform, "referral", created, created,
                "https://chart.example/1", "https://chart.example/2").get(0);
        VerifyFixture.answer(app.app, item, "removed", "", created.plus(Duration.ofHours(3)));
        User sup = app.user("stats-browser", Role.SUPERVISOR);

        browser.login(app, sup.username());
        driver.get(app.url("/statistics?from=2026-11-01&to=2026-11-30"));
        wait.until(d -> !d.findElements(By.cssSelector("figure.chart canvas")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("figure.chart canvas"))).hasSize(2);
        String totals = driver.findElement(By.cssSelector("[data-testid=stats-totals]")).getText();
        assertThat(totals).contains("Chart <b>platform</b>").contains("50").contains("3");
        assertThat(driver.findElements(By.cssSelector("[data-testid=stats-totals] b"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector("[data-testid=stats-rows]")).getText()).contains("2026-11-02");
        new Select(driver.findElement(By.name("group"))).selectByValue("month");
        browser.submit(driver.findElement(By.cssSelector("[data-testid=stats-filter] button[type=submit]")));
        assertThat(driver.findElement(By.cssSelector("[data-testid=stats-rows]")).getText()).contains("2026-11-01");
        browser.screenshot("statistics.png");
        browser.submit(driver.findElement(By.cssSelector("[data-testid=logout]")));

        User arabic = app.app.users.create(VerifyFixture.SYSTEM, new Users.NewUser(app.unit.id(), "stats-ar",
                "stats-ar", "", EnumSet.of(Role.ANALYST), null, "ar", TestApp.PASSWORD));
        browser.login(app, arabic.username());
        driver.get(app.url("/statistics?from=2026-11-01&to=2026-11-30"));
        wait.until(d -> !d.findElements(By.cssSelector("figure.chart canvas")).isEmpty());
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("الإحصاءات");
        assertThat(driver.findElement(By.cssSelector("[data-testid=stats-totals]")).getText()).contains("نسبة الإزالة");
        browser.screenshot("statistics-ar.png");
        browser.submit(driver.findElement(By.cssSelector("[data-testid=logout]")));
    }

    @Test
    void aSupervisorChangesAMarkerAndTheChangeIsAudited() {
        User sup = app.user("marker-sup", Role.SUPERVISOR);
        browser.login(app, sup.username());
        driver.get(app.url("/verify/markers"));
        browser.submit(driver.findElement(By.cssSelector("[data-testid=new-marker]")));
        driver.findElement(By.name("label")).sendKeys("[synthetic] Forum: thread removed");
        driver.findElement(By.name("hostPattern")).clear();
        driver.findElement(By.name("hostPattern")).sendKeys("forum.example");
        new Select(driver.findElement(By.name("kind"))).selectByValue("status");
        driver.findElement(By.name("pattern")).sendKeys("gone");
        browser.submit(driver.findElement(By.cssSelector("[data-testid=save]")));
        assertThat(driver.findElement(By.cssSelector("[data-testid=form-error]")).getText())
                .contains("404,410");
        driver.findElement(By.name("pattern")).clear();
        driver.findElement(By.name("pattern")).sendKeys("451");
        browser.submit(driver.findElement(By.cssSelector("[data-testid=save]")));
        assertThat(driver.findElement(By.cssSelector("[data-testid=markers]")).getText())
                .contains("[synthetic] Forum: thread removed").contains("451");
        long audited = app.app.db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM audit_events WHERE "
                + "action = 'verify.marker.created' AND actor_name = 'marker-sup'").mapTo(Long.class).one());
        assertThat(audited).isEqualTo(1);
        browser.submit(driver.findElement(By.cssSelector("[data-testid=logout]")));
    }
}
