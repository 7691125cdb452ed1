package org.openiru.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.testing.ChromiumAppTest;
import org.openiru.testing.TestApp;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The desk in headless Chromium: an analyst starts the queue, sees blurred media, assesses with the keyboard and
 * takes the next case with {@code n}; their own approval is refused on the page and in the API; a second person
 * approves.
 */
class ReviewBrowserTest extends ChromiumAppTest {
    @Test
    void analystAssessesWithTheKeyboardAndASecondPersonApproves() throws Exception {
        User first = app.user("desk-first", Role.SUPERVISOR, Role.ANALYST);
        User second = app.user("desk-second", Role.SUPERVISOR);
        long imageCase = app.app.review.cases.openFor(ReviewFixture.SYSTEM, app.unit.id(), new Cases.NewCase(
                List.of(ReviewFixture.itemWithImage(app.app, "browser")), null, 90, "[synthetic] image", true));
        long nextCase = app.app.review.cases.openFor(ReviewFixture.SYSTEM, app.unit.id(), new Cases.NewCase(
                ReviewFixture.items(app.app, "browser-next", 1), null, 10, "[synthetic] text", false));

        browser.login(app, first.username());
        driver.get(app.url("/review"));
        browser.submit(driver.findElement(By.cssSelector("[data-testid=start-general]")));
        assertThat(driver.getCurrentUrl()).endsWith("/review/cases/" + imageCase);
        WebElement media = driver.findElement(By.cssSelector("img[data-testid=case-media]"));
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return arguments[0].complete", media));
        assertThat(media.getCssValue("filter")).contains("blur").contains("grayscale");
        media.click();
        // the filter changes with a short transition
        wait.until(d -> media.getCssValue("filter").equals("none"));
        media.click();
        wait.until(d -> media.getCssValue("filter").startsWith("blur(18px)"));
        assertThat(driver.findElement(By.cssSelector("[data-testid=case-text]")).getDomAttribute("dir"))
                .isEqualTo("auto");

        browser.screenshot("review-case.png");
        Actions keys = new Actions(driver);
        keys.sendKeys("?").perform();
        assertThat(driver.findElement(By.cssSelector("[data-testid=keys]")).isDisplayed()).isTrue();
        keys.sendKeys("t").sendKeys("1").sendKeys("4").perform();
        assertThat(driver.findElement(By.cssSelector("input[name=outcome][value=terrorist]")).isSelected()).isTrue();
        assertThat(driver.findElement(By.cssSelector("input[name=categories][value=d]")).isSelected()).isTrue();
        driver.findElement(By.name("entity")).sendKeys("Synthetic Group", Keys.ESCAPE);
        new Select(driver.findElement(By.name("severity"))).selectByValue("3");
        new Select(driver.findElement(By.name("contentType"))).selectByValue("image");
        WebElement page = driver.findElement(By.tagName("html"));
        keys.sendKeys(Keys.ESCAPE).sendKeys("n").perform();
        wait.until(ExpectedConditions.stalenessOf(page));
        wait.until(ExpectedConditions.urlContains("/review/cases/" + nextCase));
        assertThat(app.app.review.queries.row(imageCase).orElseThrow().state()).isEqualTo("assessed");
        assertThat(app.app.review.queries.row(nextCase).orElseThrow().claimedBy()).isEqualTo(first.username());

        driver.get(app.url("/review/cases/" + imageCase));
        assertThat(driver.findElement(By.cssSelector("[data-testid=own-assessment]")).isDisplayed()).isTrue();
        browser.submit(driver.findElement(By.cssSelector("[data-testid=approve]")));
        assertThat(driver.findElement(By.cssSelector("[data-testid=case-error]")).getText()).contains("four eyes");
        HttpResponse<String> api = app.send(TestApp.browserlessClient(), "POST", "/api/v1/cases/" + imageCase
                + "/approval", "{}", "application/json", "Authorization", "Bearer " + app.token(first));
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).contains("four_eyes");
        assertThat(app.app.review.queries.row(imageCase).orElseThrow().state()).isEqualTo("assessed");
        browser.submit(driver.findElement(By.cssSelector("[data-testid=logout]")));

        browser.login(app, second.username());
        driver.get(app.url("/review/approvals"));
        driver.findElement(By.cssSelector("tr[data-case='" + imageCase + "'] a")).click();
        wait.until(ExpectedConditions.urlContains("/review/cases/" + imageCase));
        browser.submit(driver.findElement(By.cssSelector("[data-testid=approve]")));
        assertThat(driver.findElement(By.cssSelector("[data-testid=case-state]")).getText())
                .isEqualTo("Approved for referral");
        assertThat(driver.findElement(By.cssSelector("[data-testid=timeline]")).getText())
                .contains("desk-second").contains("approved");
        driver.get(app.url("/review"));
        browser.screenshot("review-desk.png");

        driver.get(app.url("/review/cases/" + imageCase));
        browser.submit(driver.findElement(By.cssSelector("[data-testid=switch-language]")));
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
        assertThat(driver.findElement(By.cssSelector("[data-testid=case-state]")).getText())
                .isEqualTo(org.openiru.web.Messages.loadAll(java.time.ZoneId.systemDefault()).get("ar")
                        .t("review.state.approved"));
        browser.screenshot("review-case-ar.png");
    }
}
