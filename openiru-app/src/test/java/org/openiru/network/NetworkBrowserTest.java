package org.openiru.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.openiru.audit.Actor;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.auth.Users;
import org.openiru.ingest.IngestRun;
import org.openiru.testing.ChromiumAppTest;
import org.openiru.testing.TestApp;
import org.openqa.selenium.By;

/**
 * The network page in Chromium: Cytoscape draws the graph from the JSON route (no inline script), the ranking
 * lists the planted hubs first, a row opens the actor's neighbourhood; the page in Arabic is right to left.
 */
class NetworkBrowserTest extends ChromiumAppTest {
    @Test
    void theGraphIsDrawnAndTheRankingOpensAnActorInBothLanguages() throws Exception {
        long telegram = TestApp.telegramPlatform(app.app);
        try (IngestRun run = app.app.ingest.begin(Actor.system("test"), "api", "browser [synthetic]", "")) {
            new SyntheticNetwork(30, 2, 11).ingest(run, telegram, 3, Instant.parse("2026-11-01T00:00:00Z"));
            run.finish(null);
        }
        app.app.network.rebuild(Actor.system("test"));
        User analyst = app.user("network-browser", Role.ANALYST);

        browser.login(app, analyst.username());
        driver.get(app.url("/network"));
        wait.until(d -> !d.findElements(By.cssSelector("#network-graph.drawn canvas")).isEmpty());
        assertThat(Integer.parseInt(driver.findElement(By.id("network-graph")).getDomAttribute("data-nodes")))
                .isPositive();
        String ranking = driver.findElement(By.cssSelector("[data-testid=network-ranks] tbody tr")).getText();
        assertThat(ranking).contains("Hub");
        browser.screenshot("network.png");
        driver.findElement(By.cssSelector("[data-testid=network-ranks] tbody tr a")).click();
        wait.until(d -> !d.findElements(By.cssSelector("[data-testid=actor-ranks]")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("[data-testid=edges-in]")).getText()).contains("Channel");
        browser.submit(driver.findElement(By.cssSelector("[data-testid=logout]")));

        User arabic = app.app.users.create(Actor.system("test"), new Users.NewUser(app.unit.id(), "network-ar",
                "network-ar", "", EnumSet.of(Role.ANALYST), null, "ar", TestApp.PASSWORD));
        browser.login(app, arabic.username());
        driver.get(app.url("/network"));
        wait.until(d -> !d.findElements(By.cssSelector("#network-graph.drawn canvas")).isEmpty());
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("شبكة الموزعين");
        browser.screenshot("network-ar.png");
    }
}
