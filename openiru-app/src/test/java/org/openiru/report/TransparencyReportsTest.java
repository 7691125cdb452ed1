package org.openiru.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openiru.app.OpenIru;
import org.openiru.audit.Actor;
import org.openiru.referral.order.OrderFixture;
import org.openiru.testing.FreshDatabase;
import org.openiru.web.ApiException;

/**
 * The transparency reports over orders and referrals made through the real services: a unit whose removal order was
 * executed, another whose cross-border orders were answered "cannot execute" (Annex III).
 */
@ExtendWith(FreshDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransparencyReportsTest {
    private OpenIru app;
    private OrderFixture domestic;
    private OrderFixture crossBorder;
    private TransparencyFigures.Period domesticYear;
    private TransparencyFigures.Period crossBorderYear;

    @BeforeAll
    void orders(OpenIru app) {
        this.app = app;
        domestic = new OrderFixture(app, "tr-d", "NL", "");
        long executed = domestic.issue(domestic.approvedItems("tr-d", 2), "[synthetic] emergency");
        domestic.answer(executed, "removed", "", "", Instant.now());
        crossBorder = new OrderFixture(app, "tr-x", "IE", "");
        long refused = crossBorder.issue(crossBorder.approvedItems("tr-x1", 3), "[synthetic] emergency");
        crossBorder.answer(refused, "cannot_execute", "force_majeure", "[synthetic] outage", Instant.now());
        long unspecified = crossBorder.issue(crossBorder.approvedItems("tr-x2", 1), "[synthetic] emergency");
        crossBorder.answer(unspecified, "cannot_execute", "", "[synthetic] no reason", Instant.now());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        domesticYear = new TransparencyFigures.Period(domestic.unit.id(), domestic.unit.name(), today.withDayOfYear(1),
                today.withDayOfYear(today.lengthOfYear()));
        crossBorderYear = new TransparencyFigures.Period(crossBorder.unit.id(), crossBorder.unit.name(),
                domesticYear.from(), domesticYear.to());
    }

    @Test
    void tcoCountsOrdersCrossBorderExecutedAndAnnexIiiReasons() {
        TransparencyFigures.Tco d = app.reports.figures.tco(domesticYear);
        assertThat(d).isEqualTo(new TransparencyFigures.Tco(1, 0, 1, 2, 2, 0, reasons(0, 0)));
        TransparencyFigures.Tco x = app.reports.figures.tco(crossBorderYear);
        assertThat(x).isEqualTo(new TransparencyFigures.Tco(2, 2, 0, 4, 0, 4, reasons(3, 1)));
        TransparencyFigures.Period lastYear = new TransparencyFigures.Period(domestic.unit.id(), "",
                domesticYear.from().minusYears(1), domesticYear.to().minusYears(1));
        assertThat(app.reports.figures.tco(lastYear).orders()).isZero();
    }

    @Test
    void tcoPdfAndCsvCarryTheSameNumbersAndTheManualEntries() throws IOException {
        app.reports.manual.save(new Actor(crossBorder.supervisor.id(), crossBorder.supervisor.username(), crossBorder.unit.id(), "test"), crossBorderYear, Map.of(
                "scrutinised", "5", "scrutiny_outcome", "=[synthetic] no infringement found",
                "penalties", "0", "reviews", ""));
        TransparencyFigures.Tco x = app.reports.figures.tco(crossBorderYear);
        TcoManual.Entry manual = app.reports.manual.of(crossBorderYear);
        assertThat(manual.number("scrutinised")).isEqualTo(5);
        assertThat(manual.number("reviews")).isNull();
        String csv = app.reports.transparency.tcoCsv(crossBorderYear, x, manual);
        String pdf = ReportChecks.squeeze(PdfText.of(app.reports.transparency.tcoPdf(crossBorderYear, x, manual,
                Locale.ENGLISH)));
        List<CSVRecord> rows = ReportChecks.block(csv, "figure");
        assertThat(value(rows, "removal_orders_issued")).isEqualTo("2");
        assertThat(value(rows, "not_executed_force_majeure")).isEqualTo("3");
        assertThat(value(rows, "scrutinised")).isEqualTo("5");
        assertThat(value(rows, "reviews")).isEmpty();
        assertThat(rows.stream().filter(r -> r.get("figure").equals("scrutinised")).findFirst().orElseThrow()
                .get("text")).isEqualTo("'=[synthetic] no infringement found");
        assertThat(pdf).contains(ReportChecks.squeeze("Removal orders issued (Article 3) 2"))
                .contains(ReportChecks.squeeze("subject to Article 4(1): provider established in another "
                        + "Member State 2"))
                .contains(ReportChecks.squeeze("Items not removed, with an Annex III answer 4"))
                .contains(ReportChecks.squeeze("force majeure 3"))
                .contains(ReportChecks.squeeze("(as host Member State) 5=[synthetic] no infringement found"))
                .contains(ReportChecks.squeeze("(Article 9) not entered"));
        Long audited = app.db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM audit_events WHERE action = "
                + "'report.tco_manual.saved' AND subject_id = ?").bind(0, String.valueOf(crossBorder.unit.id()))
                .mapTo(Long.class).one());
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void aManualNumberMustBeWholeAndNotNegative() {
        Actor who = new Actor(domestic.supervisor.id(), domestic.supervisor.username(), domestic.unit.id(), "test");
        assertThatThrownBy(() -> app.reports.manual.save(who, domesticYear, Map.of("penalties", "-1")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("penalties"));
        assertThatThrownBy(() -> app.reports.manual.save(who, domesticYear, Map.of("reviews", "two")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("reviews"));
        assertThat(app.reports.manual.of(domesticYear)).isEqualTo(TcoManual.Entry.NONE);
    }

    @Test
    void yearlyCountsAssessedReferredRemovedPerMonthAndBreakdowns() throws IOException {
        TransparencyFigures.Yearly y = app.reports.figures.yearly(domesticYear);
        assertThat(y.months()).hasSize(12);
        TransparencyFigures.Month now = y.months().get(LocalDate.now(ZoneOffset.UTC).getMonthValue() - 1);
        assertThat(now).isEqualTo(new TransparencyFigures.Month(now.month(), 2, 0, 1, 2, 2, 1));
        assertThat(y.itemsAssessed()).isEqualTo(2);
        assertThat(y.platforms()).containsExactly(new TransparencyFigures.Line("Platform tr-d", 2, 2L));
        assertThat(y.entities()).containsExactly(new TransparencyFigures.Line("Synthetic Group", 2, null));
        assertThat(y.languages().stream().mapToLong(TransparencyFigures.Line::items).sum()).isEqualTo(2);

        String csv = app.reports.transparency.yearlyCsv(domesticYear, y);
        CSVRecord total = ReportChecks.block(csv, "month").stream().filter(r -> r.get("month").equals("total"))
                .findFirst().orElseThrow();
        assertThat(total.get("items_removed")).isEqualTo("2");
        String pdf = ReportChecks.squeeze(PdfText.of(app.reports.transparency.yearlyPdf(domesticYear, y,
                Locale.ENGLISH)));
        assertThat(pdf).contains(ReportChecks.squeeze(now.month().toString().substring(0, 7)
                + " 2 0 1 2 2 100.0 1"));
        assertThat(PdfText.of(app.reports.transparency.yearlyPdf(domesticYear, y, Locale.forLanguageTag("ar"))))
                .contains(ReportPdfTest.visualShaped("الجهة"));
    }

    private static Map<String, Long> reasons(long forceMajeure, long unspecified) {
        return Map.of("force_majeure", forceMajeure, "de_facto_impossibility", 0L, "manifest_error", 0L,
                "insufficient_information", 0L, "unspecified", unspecified);
    }

    private static String value(List<CSVRecord> rows, String figure) {
        return rows.stream().filter(r -> r.get("figure").equals(figure)).findFirst().orElseThrow().get("count");
    }
}
