package org.openiru.text.classify;

import java.util.Locale;

/** The likely nature of a text. */
public enum Label {
    PROPAGANDA, JOURNALISM, COUNTER_SPEECH, RESEARCH, UNRELATED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Label fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
