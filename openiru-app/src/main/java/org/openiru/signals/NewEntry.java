package org.openiru.signals;

import java.time.Instant;
import java.util.List;
import org.openiru.hashing.banks.SignalType;

/**
 * A signal to add to a bank. {@code contentId} groups the signals of one piece of content (HMA's bank
 * content); null gives the entry a content of its own.
 */
public record NewEntry(SignalType type, String value, String entity, List<String> tags, String note,
                       Instant enabledUntil, Long contentId) {
    public NewEntry {
        if (type == SignalType.URL) {
            throw new IllegalArgumentException("url signals cannot be banked yet; only pdq, md5, sha256, video_md5");
        }
        value = type.normalise(value.strip());
        entity = entity == null ? "" : entity.strip();
        tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        note = note == null ? "" : note.strip();
    }

    public static NewEntry of(SignalType type, String value) {
        return new NewEntry(type, value, "", List.of(), "", null, null);
    }

    public NewEntry inContent(long content) {
        return new NewEntry(type, value, entity, tags, note, enabledUntil, content);
    }
}
