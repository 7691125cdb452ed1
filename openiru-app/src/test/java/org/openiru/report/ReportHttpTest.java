package org.openiru.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openiru.auth.Role;
import org.openiru.testing.Html;
import org.openiru.testing.TestApp;

/** The transparency reports over real HTTP: who may read and enter, CSRF, escaping, the downloads. */
class ReportHttpTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static TestApp t;

    @BeforeAll
    static void start() {
        t = TestApp.start();
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void aSupervisorEntersFiguresWithCsrfAndTheyAreEscapedAndPrinted() throws Exception {
        t.user("rep-sup", Role.SUPERVISOR);
        HttpClient browser = TestApp.browserlessClient();
        String csrf = t.login(browser, "rep-sup");
        String period = "from=2026-01-01&to=2026-12-31";
        HttpResponse<String> page = t.get(browser, "/reports?" + period);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"tco-manual\"").contains("Nothing entered for this period yet.");

        HttpResponse<String> noToken = t.send(browser, "POST", "/reports/tco-art8/manual?" + period,
                Html.form("penalties", "1"), FORM);
        assertThat(noToken.statusCode()).isEqualTo(403);
        HttpResponse<String> bad = t.send(browser, "POST", "/reports/tco-art8/manual?" + period,
                Html.form("_csrf", csrf, "penalties", "-3"), FORM);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("data-testid=\"report-error\"").contains("penalties must be");

        HttpResponse<String> saved = t.send(browser, "POST", "/reports/tco-art8/manual?" + period,
                Html.form("_csrf", csrf, "penalties", "2", "penalties_text", "<script>alert(1)</script> [synthetic]"),
                FORM);
        assertThat(saved.statusCode()).isEqualTo(302);
        HttpResponse<String> after = t.get(browser, "/reports?" + period + "&saved=1");
        assertThat(after.body()).contains("data-testid=\"report-saved\"").doesNotContain("<script>alert(1)")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");

        HttpResponse<String> csv = t.get(browser, "/reports/tco-art8.csv?" + period);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFfigure,count,text").contains("penalties,2,<script>");
        HttpResponse<byte[]> pdf = browser.send(HttpRequest.newBuilder(URI.create(t.url("/reports/tco-art8.pdf?"
                + period))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(PdfText.of(pdf.body())).contains("<script>alert(1)</script> [synthetic]");
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        assertThat(t.get(browser, "/reports/yearly.csv?year=" + year).body()).contains("month,items_assessed");
        assertThat(t.get(browser, "/reports/yearly.csv?year=1999").statusCode()).isEqualTo(400);
        assertThat(t.get(browser, "/reports/tco-art8.csv?from=2026-13-01").body()).contains("from must be a date");
    }

    @Test
    void analystsMayNotReadAndAuditorsMayNotEnter() throws Exception {
        t.user("rep-analyst", Role.ANALYST);
        HttpClient analyst = TestApp.browserlessClient();
        t.login(analyst, "rep-analyst");
        assertThat(t.get(analyst, "/reports").statusCode()).isEqualTo(403);
        assertThat(t.get(analyst, "/reports/yearly.csv").statusCode()).isEqualTo(403);

        t.user("rep-auditor", Role.AUDITOR);
        HttpClient auditor = TestApp.browserlessClient();
        String csrf = t.login(auditor, "rep-auditor");
        HttpResponse<String> page = t.get(auditor, "/reports");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"tco-manual-read\"").doesNotContain("data-testid=\"tco-manual\"");
        assertThat(t.send(auditor, "POST", "/reports/tco-art8/manual", Html.form("_csrf", csrf, "penalties", "1"),
                FORM).statusCode()).isEqualTo(403);
    }
}
