package org.openiru.referral;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openiru.auth.User;
import org.openiru.testing.ChromiumAppTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The portal in headless Chromium: a platform user opens their referral, answers "removed" and sees the answer. */
class PortalBrowserTest extends ChromiumAppTest {
    @Test
    void aPlatformUserAnswersRemovedAndSeesTheAnswer() throws Exception {
        ReferralFixture unit = new ReferralFixture(app.app, "test-unit");
        long platform = app.platform("browser-portal", "Browser Portal");
        unit.approvedCase(ReferralFixture.items(app.app, platform, "browser-portal", 2));
        Referrals.Made made = app.app.referral.referrals.referApproved(unit.actor(), unit.unit().id(), null)
                .referrals().get(0);
        long item = app.app.referral.queries.detail(made.id(), null, null).orElseThrow().items().get(0).id();
        User staff = app.platformUser("browser-portal-staff", platform);

        browser.login(app, staff.username());
        driver.get(app.url("/portal"));
        driver.findElement(By.cssSelector("tr[data-referral='" + made.id() + "'] a")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/portal/referrals/" + made.id()));
        assertThat(driver.findElement(By.cssSelector("[data-testid=reference]")).getText()).isEqualTo(made.reference());
        assertThat(driver.findElement(By.cssSelector("[data-testid=received]")).getText()).isNotBlank();

        new Select(driver.findElement(By.cssSelector("[data-testid=answer-" + item + "]"))).selectByValue("removed");
        browser.submit(driver.findElement(By.cssSelector("[data-testid=answer-submit-" + item + "]")));
        assertThat(driver.findElement(By.cssSelector("[data-testid=answer-saved]")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector("[data-testid=answers-" + item + "]")).getText())
                .contains("Removed").contains("browser-portal-staff");
        browser.screenshot("portal-referral.png");

        browser.submit(driver.findElement(By.cssSelector("[data-testid=switch-language]")));
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
        assertThat(driver.findElement(By.cssSelector("[data-testid=answers-" + item + "]")).getText())
                .contains("أُزيل");
        browser.screenshot("portal-referral-ar.png");
    }
}
