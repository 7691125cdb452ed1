package org.openiru.platform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.openiru.web.ApiException;

/**
 * What a person or API client sends to create or change a platform, before it is checked. {@link #check()}
 * returns the cleaned values or throws an error naming the field.
 */
public record PlatformInput(String slug, String name, String kind, List<String> domains, String referralEmail,
                            String webhookUrl, String tcoContact, List<String> acceptedLanguages,
                            String legalRepresentative, String mainEstablishment) {

    /** The member states of the European Union, for the main establishment under Regulation 2021/784. */
    public static final Set<String> EU_MEMBER_STATES = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI",
            "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");
    private static final Pattern HOST = Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}$");
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");

    public PlatformInput check() {
        String n = text(name, "name", 200);
        if (n.isEmpty()) {
            throw ApiException.badRequest("name", "A platform needs a name");
        }
        String s = text(slug, "slug", 63);
        if (s.isEmpty()) {
            s = Slugs.of(n);
        }
        if (!SLUG.matcher(s).matches()) {
            throw ApiException.badRequest("slug", "Short name must be lower-case letters, digits and hyphens");
        }
        String k = text(kind, "kind", 40);
        if (!Platform.KINDS.contains(k)) {
            throw ApiException.badRequest("kind", "Kind must be one of " + String.join(", ", Platform.KINDS));
        }
        List<String> hosts = new ArrayList<>();
        for (String d : listOf(domains)) {
            String h = d.toLowerCase(Locale.ROOT);
            if (!HOST.matcher(h).matches()) {
                throw ApiException.badRequest("domains", "Not a host name: " + d);
            }
            hosts.add(h);
        }
        String email = text(referralEmail, "referralEmail", 254);
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            throw ApiException.badRequest("referralEmail", "Not an e-mail address: " + email);
        }
        String hook = text(webhookUrl, "webhookUrl", 2000);
        if (!hook.isEmpty() && !(hook.startsWith("https://") || hook.startsWith("http://"))) {
            throw ApiException.badRequest("webhookUrl", "The webhook must be an http:// or https:// URL");
        }
        List<String> langs = new ArrayList<>();
        for (String l : listOf(acceptedLanguages)) {
            String code = l.toLowerCase(Locale.ROOT);
            if (!LANGUAGE.matcher(code).matches()) {
                throw ApiException.badRequest("acceptedLanguages", "Not a two-letter language code: " + l);
            }
            langs.add(code);
        }
        if (langs.isEmpty()) {
            langs.add("en");
        }
        String state = text(mainEstablishment, "mainEstablishment", 2).toUpperCase(Locale.ROOT);
        if (!state.isEmpty() && !EU_MEMBER_STATES.contains(state)) {
            throw ApiException.badRequest("mainEstablishment",
                    "Main establishment must be an EU member state code (e.g. IE, NL, DE) or empty");
        }
        return new PlatformInput(s, n, k, List.copyOf(new LinkedHashSet<>(hosts)), email, hook,
                text(tcoContact, "tcoContact", 500), List.copyOf(new LinkedHashSet<>(langs)),
                text(legalRepresentative, "legalRepresentative", 500), state);
    }

    /** Splits what a form field holds ("a.com, b.com" or one per line) into a list. */
    public static List<String> split(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return List.of(s.strip().split("[\\s,;]+"));
    }

    private static List<String> listOf(List<String> l) {
        return l == null ? List.of() : l.stream().filter(x -> x != null && !x.isBlank()).map(String::strip).toList();
    }

    private static String text(String s, String field, int max) {
        String v = s == null ? "" : s.strip();
        if (v.length() > max) {
            throw ApiException.badRequest(field, field + " is longer than " + max + " characters");
        }
        if (v.chars().anyMatch(c -> c < 0x20)) {
            throw ApiException.badRequest(field, field + " contains control characters");
        }
        return v;
    }
}
