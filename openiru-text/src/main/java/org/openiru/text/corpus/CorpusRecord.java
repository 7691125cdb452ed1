package org.openiru.text.corpus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openiru.text.classify.Label;

/** One JSONL line of a labelled corpus; {@code family} names the template family of synthetic items. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CorpusRecord(String id, String text, String lang, String label, Boolean synthetic, String family) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * Reads a labelled JSONL corpus. A line that is not a record, lacks its text or has an unknown label is an
     * {@link IllegalArgumentException} naming the file and line; an empty corpus is one too.
     */
    public static List<CorpusRecord> read(Path jsonl) throws IOException {
        List<CorpusRecord> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                if (!line.isBlank()) {
                    out.add(parse(line, jsonl + " line " + lineNo));
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(jsonl + ": no records");
        }
        return out;
    }

    private static CorpusRecord parse(String line, String where) {
        CorpusRecord rec;
        try {
            rec = JSON.readValue(line, CorpusRecord.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": not a corpus record ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (rec.text() == null) {
            throw new IllegalArgumentException(where + ": \"text\" is missing");
        }
        try {
            Label.fromId(rec.label() == null ? "" : rec.label());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": \"label\" must be one of propaganda, journalism, "
                    + "counter_speech, research, unrelated, not " + rec.label());
        }
        return rec;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
