package org.openiru.report;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openiru.auth.Authenticator;
import org.openiru.auth.Role;
import org.openiru.auth.User;
import org.openiru.campaign.ActionDay;
import org.openiru.campaign.Campaign;
import org.openiru.unit.Unit;
import org.openiru.unit.Units;
import org.openiru.web.ApiException;
import org.openiru.web.Downloads;
import org.openiru.web.Pages;
import org.openiru.web.Params;
import org.openiru.web.Routes;

/**
 * The transparency reports page (a period form, the downloads, the TCO manual entries) and the downloads. A
 * supervisor reports on their own unit; administrators and auditors may name another unit ({@code unit=ID}).
 */
final class ReportRoutes {
    static final Role[] READERS = {Role.ADMIN, Role.SUPERVISOR, Role.AUDITOR};
    static final Role[] EDITORS = {Role.ADMIN, Role.SUPERVISOR};
    /** A report period spans at most this many days. */
    static final int MAX_DAYS = 3 * 366;

    private final Reports reports;
    private final Campaign campaign;
    private final Units units;
    private final Pages pages;
    private final Authenticator auth;
    private final Clock clock;

    ReportRoutes(Reports reports, Campaign campaign, Units units, Pages pages, Authenticator auth, Clock clock) {
        this.reports = reports;
        this.campaign = campaign;
        this.units = units;
        this.pages = pages;
        this.auth = auth;
        this.clock = clock;
    }

    void register(Routes r) {
        r.tag("reports")
                .get("/action-days/{id}/report.pdf", "The action day's final report as PDF (interim until it closes)",
                        ctx -> {
                            ActionDay d = actionDay(ctx);
                            pdf(ctx, "action-day-" + d.id(), reports.actionDay.pdf(campaign.figures.figures(d),
                                    locale(ctx)));
                        }, Role.UNIT_STAFF)
                .get("/action-days/{id}/report.csv", "The action day's final report as CSV (interim until it closes)",
                        ctx -> {
                            ActionDay d = actionDay(ctx);
                            csv(ctx, "action-day-" + d.id(), reports.actionDay.csv(campaign.figures.figures(d),
                                    locale(ctx)));
                        }, Role.UNIT_STAFF)
                .get("/reports", "Transparency reports: the period form, downloads and the TCO manual entries",
                        ctx -> page(ctx, null), READERS)
                .get("/reports/tco-art8.pdf", "TCO Regulation Art. 8 transparency report of a period (from, to), PDF",
                        ctx -> {
                            TransparencyFigures.Period p = period(ctx);
                            pdf(ctx, "tco-art8-" + p.from() + "-" + p.to(), reports.transparency.tcoPdf(p,
                                    reports.figures.tco(p), reports.manual.of(p), locale(ctx)));
                        }, READERS)
                .get("/reports/tco-art8.csv", "TCO Regulation Art. 8 transparency report of a period (from, to), CSV",
                        ctx -> {
                            TransparencyFigures.Period p = period(ctx);
                            csv(ctx, "tco-art8-" + p.from() + "-" + p.to(), reports.transparency.tcoCsv(p,
                                    reports.figures.tco(p), reports.manual.of(p)));
                        }, READERS)
                .get("/reports/yearly.pdf", "Yearly report of the unit's referral work (year), PDF", ctx -> {
                    TransparencyFigures.Period p = year(ctx);
                    pdf(ctx, "yearly-" + p.from().getYear(), reports.transparency.yearlyPdf(p,
                            reports.figures.yearly(p), locale(ctx)));
                }, READERS)
                .get("/reports/yearly.csv", "Yearly report of the unit's referral work (year), CSV", ctx -> {
                    TransparencyFigures.Period p = year(ctx);
                    csv(ctx, "yearly-" + p.from().getYear(), reports.transparency.yearlyCsv(p,
                            reports.figures.yearly(p)));
                }, READERS)
                .post("/reports/tco-art8/manual", "Save the TCO report figures entered by hand for a period",
                        this::save, EDITORS);
    }

    private void page(Context ctx, ApiException error) {
        TransparencyFigures.Period p = period(ctx);
        Map<String, Object> m = new HashMap<>();
        m.put("period", p);
        m.put("year", p.to().getYear());
        m.put("unitParam", unitParam(ctx));
        m.put("tco", reports.figures.tco(p));
        m.put("manual", reports.manual.of(p));
        m.put("error", error);
        m.put("saved", "1".equals(ctx.queryParam("saved")));
        pages.render(ctx, "report/reports.jte", m);
    }

    private void save(Context ctx) {
        TransparencyFigures.Period p = period(ctx);
        Map<String, String> form = new LinkedHashMap<>();
        ctx.formParamMap().forEach((k, v) -> form.put(k, v.isEmpty() ? "" : v.get(0)));
        try {
            reports.manual.save(auth.actor(ctx), p, form);
        } catch (ApiException e) {
            ctx.status(e.status());
            page(ctx, e);
            return;
        }
        ctx.redirect("/reports?from=" + p.from() + "&to=" + p.to() + unitParam(ctx) + "&saved=1");
    }

    /** The period of the request (from and to, whole UTC days; the year so far when not given) and its unit. */
    private TransparencyFigures.Period period(Context ctx) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate to = date(ctx, "to", today);
        LocalDate from = date(ctx, "from", to.withDayOfYear(1));
        if (from.isAfter(to)) {
            throw ApiException.badRequest("from", "from must not be after to");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ApiException.badRequest("from", "a report period spans at most " + MAX_DAYS + " days");
        }
        Unit unit = unit(ctx);
        return new TransparencyFigures.Period(unit.id(), unit.name(), from, to);
    }

    private TransparencyFigures.Period year(Context ctx) {
        int year = Params.intQuery(ctx, "year", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).getYear(),
                2000, 2100);
        Unit unit = unit(ctx);
        return new TransparencyFigures.Period(unit.id(), unit.name(), LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
    }

    /** The user's unit, or for administrators and auditors the one asked for. */
    private Unit unit(Context ctx) {
        User u = auth.require(ctx).user();
        Long wanted = Params.longQuery(ctx, "unit");
        if (wanted == null || wanted == u.unitId()) {
            return units.get(u.unitId());
        }
        if (!u.has(Role.ADMIN) && !u.has(Role.AUDITOR)) {
            throw ApiException.forbidden("Only administrators and auditors see other units' reports");
        }
        return units.find(wanted).orElseThrow(() -> ApiException.notFound("unit " + wanted));
    }

    private static String unitParam(Context ctx) {
        Long unit = Params.longQuery(ctx, "unit");
        return unit == null ? "" : "&unit=" + unit;
    }

    private static LocalDate date(Context ctx, String name, LocalDate dflt) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, name + " must be a date as YYYY-MM-DD");
        }
    }

    /** The action day, if the caller may see it (its units' staff and auditors); 404 otherwise. */
    private ActionDay actionDay(Context ctx) {
        return campaign.days.visible(auth.require(ctx).user(), Params.id(ctx));
    }

    private Locale locale(Context ctx) {
        return Locale.forLanguageTag(pages.context(ctx).lang());
    }

    private static void pdf(Context ctx, String name, byte[] pdf) {
        Downloads.attachment(ctx, "application/pdf", "openiru-" + name + ".pdf");
        ctx.result(pdf);
    }

    /** With a byte order mark: spreadsheets then read the Arabic right. */
    private static void csv(Context ctx, String name, String csv) {
        Downloads.attachment(ctx, "text/csv; charset=utf-8", "openiru-" + name + ".csv");
        ctx.result("\uFEFF" + csv);
    }
}
