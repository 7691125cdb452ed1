package org.openiru.referral.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.openiru.review.Assessment;
import org.openiru.web.ApiException;

/**
 * What the supervisor fills in to issue a removal order: the Annex I fields that do not come from the unit or
 * the platform (section A comes from them, the date and reference from issuing). {@link #validated()} names
 * every missing or wrong field, so the form can be corrected in one go.
 *
 * @param items             section B: the items ordered, each with its categories (a–e) and reasons
 * @param nonDisclosureDays section C, Art. 11(3): 0 when the platform may inform the content provider, else
 *                          for how many days it must not (at most 42, six weeks)
 * @param hostAuthority     section D, for a cross-border order: the host member state's competent authority
 * @param copySentAt        section D: when the copy was sent, if sent otherwise than by e-mail from here
 * @param emergencyReason   Art. 3(2): why the order cannot wait for the 12 hours after the information notice
 */
public record OrderForm(long platformId, List<Line> items, Integer nonDisclosureDays, String nonDisclosureReason,
                        String hostAuthority, String hostAuthorityContact, Instant copySentAt, String authorityName,
                        String authorityAddress, String authorityContact, String followupContact, String redressBody,
                        String redressTimeLimit, String redressProcedure, String emergencyReason) {
    public static final int MAX_ITEMS = 1000;
    private static final int MAX_TEXT = 4000;

    /** One URL of section B: the item, its Art. 2(7) categories and the reasons given to the platform. */
    public record Line(long itemId, List<String> categories, String reason) {
    }

    /** The form with text trimmed, or a 400 naming every missing or wrong field (the first as {@code field}). */
    OrderForm validated(boolean crossBorder, List<String[]> sectionA) {
        List<String[]> problems = new ArrayList<>(sectionA);
        List<Line> lines = new ArrayList<>();
        if (items == null || items.isEmpty()) {
            problems.add(new String[] {"items", "section B: choose at least one item"});
        } else if (items.size() > MAX_ITEMS) {
            problems.add(new String[] {"items", "section B: at most " + MAX_ITEMS + " items in one order"});
        } else {
            for (Line l : items) {
                List<String> cats = l.categories() == null ? List.of()
                        : List.copyOf(new TreeSet<>(l.categories().stream().map(OrderForm::text).toList()));
                if (cats.isEmpty() || !Assessment.CATEGORIES.containsAll(cats)) {
                    problems.add(new String[] {"categories_" + l.itemId(), "section B: item " + l.itemId()
                            + " needs one or more categories among a, b, c, d, e"});
                }
                String reason = text(l.reason());
                if (reason.isEmpty()) {
                    problems.add(new String[] {"reason_" + l.itemId(), "section B: item " + l.itemId()
                            + " needs the reasons why it is terrorist content"});
                }
                lines.add(new Line(l.itemId(), cats, reason));
            }
        }
        int days = nonDisclosureDays == null ? -1 : nonDisclosureDays;
        if (days < 0 || days > 42) {
            problems.add(new String[] {"nonDisclosureDays", "section C: say for how many days (0 to 42) the platform "
                    + "must not inform the content provider (0: it may)"});
        }
        if (days > 0 && text(nonDisclosureReason).isEmpty()) {
            problems.add(new String[] {"nonDisclosureReason", "section C: give the reason for non-disclosure "
                    + "(Art. 11(3): prevention, detection, investigation or prosecution of terrorist offences)"});
        }
        if (crossBorder) {
            required(problems, "hostAuthority", hostAuthority, "section D: name the competent authority of the host "
                    + "member state (the order is cross-border)");
            required(problems, "hostAuthorityContact", hostAuthorityContact, "section D: give that authority's "
                    + "contact (an e-mail address sends the copy from here)");
        }
        required(problems, "authorityName", authorityName, "section E: the issuing authority's name");
        required(problems, "authorityAddress", authorityAddress, "section E: the issuing authority's address");
        required(problems, "authorityContact", authorityContact, "section E: the issuing authority's contact");
        required(problems, "followupContact", followupContact, "section F: the contact point for follow-up");
        required(problems, "redressBody", redressBody, "section G: the court or body that hears a challenge");
        required(problems, "redressTimeLimit", redressTimeLimit, "section G: the time limit for a challenge");
        required(problems, "redressProcedure", redressProcedure, "section G: the procedure for a challenge");
        for (String[] f : new String[][] {{"nonDisclosureReason", nonDisclosureReason}, {"hostAuthority", hostAuthority},
                {"hostAuthorityContact", hostAuthorityContact}, {"authorityName", authorityName},
                {"authorityAddress", authorityAddress}, {"authorityContact", authorityContact},
                {"followupContact", followupContact}, {"redressBody", redressBody},
                {"redressTimeLimit", redressTimeLimit}, {"redressProcedure", redressProcedure},
                {"emergencyReason", emergencyReason}}) {
            if (text(f[1]).length() > MAX_TEXT) {
                problems.add(new String[] {f[0], f[0] + " is longer than " + MAX_TEXT + " characters"});
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(problems.get(0)[0], "The order is incomplete: " + String.join("; ",
                    problems.stream().map(p -> p[0] + " (" + p[1] + ")").toList()));
        }
        return new OrderForm(platformId, List.copyOf(lines), days, text(nonDisclosureReason),
                crossBorder ? text(hostAuthority) : "", crossBorder ? text(hostAuthorityContact) : "",
                crossBorder ? copySentAt : null, text(authorityName), text(authorityAddress), text(authorityContact),
                text(followupContact), text(redressBody), text(redressTimeLimit), text(redressProcedure),
                text(emergencyReason));
    }

    private static void required(List<String[]> problems, String field, String value, String what) {
        if (text(value).isEmpty()) {
            problems.add(new String[] {field, what});
        }
    }

    static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
