package org.openiru.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Base of the browser tests: one headless Chromium and one whole application per test class. */
public abstract class ChromiumAppTest {
    protected static TestApp app;
    protected static Chromium browser;
    protected static WebDriver driver;
    protected static WebDriverWait wait;

    @BeforeAll
    static void startBrowserAndApp(@TempDir Path profile) {
        browser = Chromium.start(profile);
        driver = browser.driver;
        wait = browser.wait;
        app = TestApp.start();
    }

    @AfterAll
    static void stopBrowserAndApp() {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.close();
        }
    }
}
