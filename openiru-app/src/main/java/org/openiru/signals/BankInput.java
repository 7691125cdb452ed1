package org.openiru.signals;

import java.util.List;
import java.util.regex.Pattern;
import org.openiru.web.ApiException;

/** What a caller may set on a bank; {@link #check()} fills defaults and names the first bad field. */
public record BankInput(String name, String description, String kind, Integer pdqThreshold, Boolean enabled,
                        String provenance, String source) {
    public static final int DEFAULT_PDQ_THRESHOLD = 31;
    /** HMA's rule, so that HMA-compatible tools can address every bank. */
    private static final Pattern NAME = Pattern.compile("[A-Z_][A-Z0-9_]{0,99}");
    private static final List<String> KINDS = List.of(Bank.KNOWN, Bank.NEGATIVE);
    private static final List<String> PROVENANCES = List.of("local", "imported", "unit");

    public BankInput check() {
        String n = name == null ? "" : name.strip();
        if (!NAME.matcher(n).matches()) {
            throw ApiException.badRequest("name", "Bank names are UPPER_WITH_UNDERSCORES (A-Z, 0-9, _; up to 100),"
                    + " not '" + n + "'");
        }
        String k = kind == null || kind.isBlank() ? Bank.KNOWN : kind.strip();
        if (!KINDS.contains(k)) {
            throw ApiException.badRequest("kind", "kind must be known or negative, not " + k);
        }
        int threshold = pdqThreshold == null ? DEFAULT_PDQ_THRESHOLD : pdqThreshold;
        if (threshold < 0 || threshold > 63) {
            throw ApiException.badRequest("pdqThreshold", "pdqThreshold must be from 0 to 63");
        }
        String prov = provenance == null || provenance.isBlank() ? "local" : provenance.strip();
        if (!PROVENANCES.contains(prov)) {
            throw ApiException.badRequest("provenance", "provenance must be local, imported or unit");
        }
        return new BankInput(n, description == null ? "" : description.strip(), k, threshold,
                enabled == null || enabled, prov, source == null ? "" : source.strip());
    }

    /** This input with the fields it leaves out taken from {@code b}: partial updates (HMA's PUT). */
    public BankInput over(Bank b) {
        return new BankInput(name == null ? b.name() : name, description == null ? b.description() : description,
                kind == null ? b.kind() : kind, pdqThreshold == null ? b.pdqThreshold() : pdqThreshold,
                enabled == null ? b.enabled() : enabled, provenance == null ? b.provenance() : provenance,
                source == null ? b.source() : source);
    }
}
