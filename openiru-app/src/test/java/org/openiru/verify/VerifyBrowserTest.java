package org.openiru.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.auth.Users;
import org.openiru.testing.ChromiumAppTest;
import org.openiru.testing.TestApp;
import org.openiru.web.Messages;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * In headless Chromium, in Arabic: a reappeared case shows the link to the removed case (loaded into the case page
 * by htmx), and a supervisor places a legal hold on the removed item from its page.
 */
class VerifyBrowserTest extends ChromiumAppTest {

    @Test
    void theReappearedCaseLinksTheRemovedCaseAndASupervisorHoldsTheRemovedItemInArabic() throws Exception {
        RemovalFixture f = new RemovalFixture(app.app, "browser");
        String picture = f.picture(21, 0);
        long removedItem = f.item(f.actor("b-1", "browser_source"), "[synthetic] removed", picture, null);
        long removedCase = f.removedCase(List.of(removedItem), Duration.ofHours(1));
        app.app.reappear.step.sync();
        long copy = f.item(f.actor("b-2", "browser_copy"), "[synthetic] copy", picture, null);
        app.app.reappear.check.check(List.of(copy));
        long reappeared = app.app.reappear.reappearances.ofCase(removedCase).get(0).caseId();
        User sup = app.app.users.create(RemovalFixture.SYSTEM, new Users.NewUser(app.unit.id(), "browser-keeper",
                "browser-keeper", "", EnumSet.of(Role.SUPERVISOR), null, "ar", TestApp.PASSWORD));
        Messages ar = Messages.loadAll(java.time.ZoneId.systemDefault()).get("ar");

        browser.login(app, sup.username());
        driver.get(app.url("/review/cases/" + reappeared));
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
        String link = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "[data-testid=reappeared-from]"))).getText();
        assertThat(link).contains(ar.t("reappear.case.from", String.valueOf(removedCase), ar.t("reappear.how.blob")));

        driver.get(app.url("/items/" + removedItem));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=place-legal-hold]")));
        driver.findElement(By.cssSelector("[data-testid=preservation] summary")).click();
        driver.findElement(By.name("reason")).sendKeys("[synthetic] طعن أمام المحكمة الإدارية");
        browser.submit(driver.findElement(By.cssSelector("[data-testid=place-legal-hold]")));
        String state = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "[data-testid=preservation-state]"))).getText();
        assertThat(state).contains(ar.t("preserve.held"));
        assertThat(driver.findElement(By.cssSelector("[data-testid=legal-hold]")).getText())
                .contains("طعن أمام المحكمة الإدارية");
        browser.screenshot("legal-hold-ar.png");
    }
}
