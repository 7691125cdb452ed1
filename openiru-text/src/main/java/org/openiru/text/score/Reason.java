package org.openiru.text.score;

import java.util.List;

/**
 * One named contribution to a score. {@code messageKey} selects a MessageFormat template in
 * {@code reasons_en.properties} / {@code reasons_ar.properties}; {@code args} fill it.
 */
public record Reason(String code, double weight, String messageKey, List<String> args) {
    public Reason {
        args = List.copyOf(args);
    }

    static Reason of(ReasonCode code, double weight, String... args) {
        return new Reason(code.code(), weight, code.messageKey(), List.of(args));
    }
}
