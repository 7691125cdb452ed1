package org.openiru.text.analysis;

/** The languages the detector tells apart; everything else is {@link #OTHER}. */
public enum Language {
    AR, EN, OTHER;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Language fromCode(String code) {
        if (code == null) {
            return OTHER;
        }
        return switch (code.toLowerCase(java.util.Locale.ROOT)) {
            case "ar" -> AR;
            case "en" -> EN;
            default -> OTHER;
        };
    }
}
