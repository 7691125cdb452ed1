package org.openiru.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openiru.audit.AuditEvent;
import org.openiru.audit.AuditLog;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.platform.Platform;
import org.openiru.testing.ChromiumAppTest;
import org.openiru.testing.TestApp;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web interface in a real headless Chromium against a real server and database: log in, switch to Arabic,
 * add a platform with a hostile name through the form, log out.
 */
class BrowserTest extends ChromiumAppTest {
    private static final String HOSTILE_NAME = "<script>alert(1)</script> قناة";

    @Test
    void adminAddsPlatformInArabicAndLogsOut() throws IOException {
        User admin = app.user("browser-admin", Role.ADMIN);
        Messages ar = Messages.loadAll(ZoneId.systemDefault()).get("ar");

        driver.get(app.url("/login"));
        driver.findElement(By.name("username")).sendKeys(admin.username());
        driver.findElement(By.name("password")).sendKeys(TestApp.PASSWORD);
        browser.submit(driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")));
        assertEquals("en", html().getDomAttribute("lang"));

        browser.submit(driver.findElement(By.cssSelector("[data-testid=switch-language]")));
        assertEquals("ar", html().getDomAttribute("lang"));
        assertEquals("rtl", html().getDomAttribute("dir"));
        assertEquals(ar.t("home.welcome", admin.shownName()), driver.findElement(By.tagName("h1")).getText());

        driver.findElement(By.cssSelector("a[href='/platforms']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=platforms]")));
        driver.findElement(By.cssSelector("[data-testid=new-platform]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=save]")));
        driver.findElement(By.name("name")).sendKeys(HOSTILE_NAME);
        driver.findElement(By.name("domains")).sendKeys("example-synthetic.test");
        new Select(driver.findElement(By.name("kind"))).selectByValue("video_sharing");
        driver.findElement(By.name("referralEmail")).sendKeys("not-an-e-mail");

        // The browser's own type=email check would stop the form; switch it off to reach the server's check.
        ((JavascriptExecutor) driver).executeScript("document.querySelector('form.stack').noValidate = true");
        browser.submit(driver.findElement(By.cssSelector("[data-testid=save]")));
        assertTrue(driver.findElement(By.cssSelector("[data-testid=form-error]")).getText().contains("not-an-e-mail"));
        assertTrue(driver.findElement(By.cssSelector("form.stack")).getText().contains(ar.t("platform.referral_email")),
                "labels stay Arabic");
        assertEquals(HOSTILE_NAME, driver.findElement(By.name("name")).getDomProperty("value"), "input kept");
        assertEquals("true", driver.findElement(By.name("referralEmail")).getDomAttribute("aria-invalid"));
        assertNull(driver.findElement(By.name("name")).getDomAttribute("aria-invalid"));
        assertTrue(app.app.platforms.list().stream().noneMatch(p -> p.name().equals(HOSTILE_NAME)));
        browser.screenshot("platform-form-error-ar.png");

        WebElement email = driver.findElement(By.name("referralEmail"));
        email.clear();
        email.sendKeys("referrals@example-synthetic.test");
        browser.submit(driver.findElement(By.cssSelector("[data-testid=save]")));

        WebElement table = driver.findElement(By.cssSelector("[data-testid=platforms]"));
        assertTrue(table.findElements(By.tagName("bdi")).stream().anyMatch(b -> b.getText().equals(HOSTILE_NAME)),
                "the name is shown as text");
        assertTrue(table.findElements(By.tagName("script")).isEmpty(), "no element was injected");
        assertTrue(driver.getPageSource().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertNull(ExpectedConditions.alertIsPresent().apply(driver), "no script ran");
        browser.screenshot("platforms-ar.png");

        Platform created = app.app.platforms.list().stream().filter(p -> p.name().equals(HOSTILE_NAME))
                .findFirst().orElseThrow();
        assertEquals(List.of("example-synthetic.test"), created.domains());
        assertEquals("video_sharing", created.kind());
        List<AuditEvent> audit = app.app.audit.search(new AuditLog.Filter("platform.created", "platform",
                String.valueOf(created.id()), null, null, null), null, 10);
        assertEquals(1, audit.size());
        assertEquals(admin.username(), audit.get(0).actorName());

        browser.submit(driver.findElement(By.cssSelector("[data-testid=logout]")));
        assertFalse(driver.findElements(By.cssSelector("form[action='/login'] input[name=username]")).isEmpty(),
                "login page after logout");
        driver.get(app.url("/platforms"));
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    private static WebElement html() {
        return driver.findElement(By.tagName("html"));
    }
}
