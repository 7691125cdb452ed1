package org.openiru.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openiru.referral.order.OrderFixture;
import org.openiru.testing.ChromiumAppTest;
import org.openiru.web.Messages;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A supervisor logs in and lands on the unit dashboard: the figures of the unit, the two trend charts drawn by
 * uPlot, and the unit's open removal order with its one-hour clock counting down in the browser; in Arabic the
 * page turns right to left with the charts still drawn.
 */
class DashboardBrowserTest extends ChromiumAppTest {

    @Test
    void supervisorSeesDashboardWithChartsAndACountingOrderClock() throws Exception {
        OrderFixture f = new OrderFixture(app.app, "dash", "NL", "");
        long order = f.issue(f.approvedItems("dash", 2), "[synthetic] emergency for the dashboard test");
        f.received(order, app.clock.instant());

        browser.login(app, f.supervisor.username());
        assertThat(driver.getCurrentUrl()).isEqualTo(app.url("/"));
        assertThat(text("dashboard-scope")).contains("Unit dash");
        assertThat(text("referrals-30")).isEqualTo("1");
        assertThat(text("referred-items-30")).isEqualTo("2");
        assertThat(text("approvals-waiting")).isEqualTo("0");
        assertThat(driver.findElement(By.cssSelector("[data-testid=open-orders] a[href='/orders/" + order + "']"))
                .getText()).isNotBlank();
        chartsDrawn("Items referred");

        WebElement countdown = driver.findElement(By.cssSelector("[data-testid=open-order] time[data-testid=countdown]"));
        wait.until(d -> countdown.getText().matches("\\d\\d:\\d\\d:\\d\\d"));
        String first = countdown.getText();
        assertThat(first).isBetween("00:58:00", "01:00:00");
        wait.until(d -> !countdown.getText().equals(first));
        assertThat(countdown.getText()).matches("\\d\\d:\\d\\d:\\d\\d").isLessThan(first);
        browser.screenshot("dashboard-en.png");

        browser.submit(driver.findElement(By.cssSelector("[data-testid=switch-language]")));
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
        Messages ar = Messages.loadAll(ZoneId.systemDefault()).get("ar");
        assertThat(driver.findElement(By.id("dash-trends")).getText()).isEqualTo(ar.t("dashboard.trends"));
        chartsDrawn(ar.t("dashboard.trend.referred"));
        browser.screenshot("dashboard-ar.png");
    }

    private static String text(String testId) {
        return driver.findElement(By.cssSelector("[data-testid=" + testId + "]")).getText();
    }

    /** uPlot draws each chart as a canvas inside its figure, with a legend naming the series. */
    private static void chartsDrawn(String referredLabel) {
        for (String chart : new String[] {"chart-collected", "chart-work"}) {
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-testid=" + chart + "] canvas")));
        }
        assertThat(driver.findElement(By.cssSelector("[data-testid=chart-work] .u-legend")).getText())
                .contains(referredLabel);
    }
}
