package org.openiru.referral.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openiru.testing.ChromiumAppTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A supervisor issues a cross-border first order in the browser: the information notice, the form's errors
 * naming the fields, the 12-hour rule, then the order page with its live countdown once received, in Arabic
 * (right to left), and the clarification that restarts the hour after an Annex III answer.
 */
class OrderBrowserTest extends ChromiumAppTest {

    private static String text(String testId) {
        return driver.findElement(By.cssSelector("[data-testid=" + testId + "]")).getText();
    }

    private static void fill(String name, String value) {
        WebElement e = driver.findElement(By.name(name));
        e.clear();
        e.sendKeys(value);
    }

    @Test
    void supervisorIssuesAnOrderAndWatchesItsClock() {
        OrderFixture f = new OrderFixture(app.app, "br", "IE", "");
        List<Long> items = f.approvedItems("br", 2);
        browser.login(app, f.supervisor.username());
        driver.get(app.url("/orders/new"));
        new Select(driver.findElement(By.cssSelector("[data-testid=choose-platform]")))
                .selectByValue(String.valueOf(f.platformId));
        browser.submit(driver.findElement(By.cssSelector("form[action='/orders/new'] button")));
        assertThat(driver.findElements(By.cssSelector("[data-testid=candidate]"))).hasSize(2);
        browser.submit(driver.findElement(By.cssSelector("[data-testid=send-information]")));
        assertThat(text("information-sent")).isNotBlank();

        browser.submit(driver.findElement(By.cssSelector("[data-testid=issue]")));
        assertThat(text("form-error")).contains("authorityAddress").contains("hostAuthority")
                .contains("redressBody");
        fill("hostAuthority", "Coimisiún na Meán (test)");
        fill("hostAuthorityContact", "tco@host-authority.example");
        fill("authorityAddress", "1 Test Street, The Hague");
        fill("redressBody", "District Court (test)");
        fill("redressTimeLimit", "six weeks");
        fill("redressProcedure", "appeal (synthetic)");
        browser.submit(driver.findElement(By.cssSelector("[data-testid=issue]")));
        assertThat(text("form-error")).contains("12 hours");

        app.clock.advance(Duration.ofHours(12).plusMinutes(1));
        browser.submit(driver.findElement(By.cssSelector("[data-testid=issue]")));
        assertThat(driver.getCurrentUrl()).contains("/orders/");
        long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/orders/", ""));
        assertThat(text("order-reference")).isEqualTo("BR-ORD-" + f.order(id).annex().issuedAt().toString()
                .substring(0, 4) + "-000001");
        assertThat(text("order-state")).isEqualTo("Not yet received");
        assertThat(text("section-d")).contains("IE").contains("tco@host-authority.example");
        assertThat(text("order-signature")).isEqualTo(f.order(id).annex().signature());
        assertThat(driver.findElements(By.cssSelector("[data-testid=order-item]"))).hasSize(2);

        f.received(id, app.clock.instant());
        driver.navigate().refresh();
        assertThat(text("order-state")).isEqualTo("Running");
        WebElement countdown = driver.findElement(By.cssSelector("[data-testid=countdown]"));
        wait.until(d -> countdown.getText().matches("00:5\\d:\\d\\d"));
        String first = countdown.getText();
        wait.withTimeout(Duration.ofSeconds(5)).until(d -> !countdown.getText().equals(first));

        browser.submit(driver.findElement(By.cssSelector("[data-testid=switch-language]")));
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
        assertThat(text("order-state")).isEqualTo("جارية");
        browser.submit(driver.findElement(By.cssSelector("[data-testid=switch-language]")));

        f.answer(id, "cannot_execute", "manifest_error", "[synthetic] The URL list has a typo", app.clock.instant());
        driver.navigate().refresh();
        assertThat(text("order-state")).isEqualTo("Paused");
        driver.findElement(By.cssSelector("[data-testid=clarification-text]")).sendKeys("[synthetic] Read item 2.");
        browser.submit(driver.findElement(By.cssSelector("[data-testid=send-clarification]")));
        assertThat(text("order-state")).isEqualTo("Running");
        assertThat(text("order-event-clarification")).contains("Read item 2.");
        assertThat(items).hasSize(2);
    }
}
