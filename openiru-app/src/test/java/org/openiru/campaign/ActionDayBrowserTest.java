package org.openiru.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.openiru.report.PdfText;
import org.openiru.report.ReportChecks;
import org.openiru.testing.ChromiumAppTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An action day in headless Chromium: a supervisor saves a search on the items page, plans the day through the form
 * (a hostile name, a field error first), sees its plan, starts it; a referral is made and the platform answers it
 * while the live board is open, and the board shows the removal without being reloaded; the day is closed and its
 * final report downloaded: the PDF's text carries the CSV's totals.
 */
class ActionDayBrowserTest extends ChromiumAppTest {
    private static final String HOSTILE = "<script>alert(1)</script> يوم العمل [synthetic]";

    @Test
    void planStartAndWatchTheBoardUpdateWithoutReload() throws Exception {
        CampaignFixture f = new CampaignFixture(app.app, "test-unit");
        long platform = CampaignFixture.platform(app.app, "board-p");
        List<Long> items = f.items(platform, "boardactor", 2);
        long approved = f.approvedCase(items, "Board Group [synthetic]");

        browser.login(app, f.supervisor.username());
        driver.get(app.url("/items?q=boardactor"));
        WebElement save = driver.findElement(By.cssSelector("[data-testid=save-search]"));
        save.findElement(By.name("name")).sendKeys("Board actor posts [synthetic]");
        browser.submit(save.findElement(By.cssSelector("button[type=submit]")));
        assertThat(driver.findElement(By.cssSelector("[data-testid=saved-searches]")).getText())
                .contains("Board actor posts [synthetic]").contains("q=boardactor");

        driver.get(app.url("/action-days"));
        driver.findElement(By.cssSelector("[data-testid=new-action-day]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=action-day-form]")));
        driver.findElement(By.name("name")).sendKeys(HOSTILE);
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        setValue("startsAt", start.atOffset(ZoneOffset.UTC).toLocalDateTime().toString());
        setValue("endsAt", start.minus(1, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC).toLocalDateTime().toString());
        driver.findElement(By.cssSelector("[data-testid=choose-platforms] input[value='" + platform + "']")).click();
        driver.findElement(By.cssSelector("[data-testid=choose-entities] input[value='Board Group [synthetic]']"))
                .click();
        driver.findElement(By.cssSelector("[data-testid=choose-savedSearches] input")).click();
        browser.submit(driver.findElement(By.cssSelector("[data-testid=save]")));
        assertThat(driver.findElement(By.cssSelector("[data-testid=form-error]")).getDomAttribute("data-field"))
                .isEqualTo("endsAt");
        assertThat(driver.findElement(By.name("name")).getDomProperty("value")).isEqualTo(HOSTILE);
        setValue("endsAt", start.plus(8, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC).toLocalDateTime().toString());
        browser.submit(driver.findElement(By.cssSelector("[data-testid=save]")));

        // The plan: both items ready to refer on the platform; the name shown as text
        WebElement plan = driver.findElement(By.cssSelector("[data-testid=plan-platforms] tr[data-platform='"
                + platform + "']"));
        assertThat(plan.findElements(By.tagName("td")).get(1).getText()).isEqualTo("2");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains(HOSTILE);
        assertThat(driver.findElements(By.cssSelector("main script"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector("[data-testid=report-pdf]")).getDomAttribute("href"))
                .endsWith("/report.pdf");

        browser.submit(driver.findElement(By.cssSelector("[data-testid=start-day]")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=board]")));
        assertThat(text("day-status")).isEqualTo("Running");
        f.refer(List.of(approved));
        long referralItem = app.app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM referral_items WHERE item_id = ?").bind(0, items.get(0)).mapTo(Long.class).one());
        wait.until(d -> text("total-referred").equals("2"));
        assertThat(text("total-removed")).isEqualTo("0");

        // The platform answers while the board is open: the board shows it without a reload (the mark survives)
        ((JavascriptExecutor) driver).executeScript("window.boardMark = 'same page'");
        f.answer(platform, referralItem, "removed");
        wait.withTimeout(Duration.ofSeconds(20)).until(d -> text("total-removed").equals("1"));
        assertThat(((JavascriptExecutor) driver).executeScript("return window.boardMark")).isEqualTo("same page");
        assertThat(text("total-rate")).isEqualTo("50 %");
        assertThat(text("total-pending")).isEqualTo("1");
        assertThat(driver.findElements(By.cssSelector("[data-testid=board] svg rect.bar-removed"))).hasSize(1);
        wait.until(d -> !d.findElements(By.cssSelector("[data-testid=board] .uplot")).isEmpty());
        browser.screenshot("action-day-board.png");

        browser.submit(driver.findElement(By.cssSelector("[data-testid=close-day]")));
        assertThat(text("day-status")).isEqualTo("Closed");
        assertThat(driver.findElement(By.cssSelector("[data-testid=board]")).getDomAttribute("hx-trigger")).isNull();

        // The final report, downloaded with the browser's session from the board's links: the PDF's text carries
        // the CSV's totals and every breakdown row.
        byte[] pdf = download(driver.findElement(By.cssSelector("[data-testid=report-pdf]")).getDomProperty("href"));
        String csv = new String(download(driver.findElement(By.cssSelector("[data-testid=report-csv]"))
                .getDomProperty("href")), StandardCharsets.UTF_8);
        String pdfText = PdfText.of(pdf);
        List<CSVRecord> counts = ReportChecks.block(csv.replace("\uFEFF", ""), "section");
        CSVRecord total = counts.get(0);
        assertThat(total.get("section")).isEqualTo("total");
        assertThat(List.of(total.get("referred"), total.get("removed"), total.get("pending"), total.get("rejected"),
                total.get("removal_rate_percent"))).containsExactly("2", "1", "1", "0", "50.0");
        ReportChecks.assertPdfHasEveryCountRow(pdfText, counts);
        assertThat(pdfText).contains(HOSTILE.substring(0, 25)).doesNotContain("INTERIM");
        assertThat(csv).contains("interim,false");
    }

    /** A GET with the browser's cookies (Chromium's own downloads go to disk without telling the test when). */
    private static byte[] download(String url) throws Exception {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r.body();
    }

    /** datetime-local inputs take typed text in the browser's locale; the value is set as the form sends it. */
    private static void setValue(String name, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]",
                driver.findElement(By.name(name)), value);
    }

    private static String text(String testid) {
        return driver.findElement(By.cssSelector("[data-testid=" + testid + "]")).getText();
    }
}
