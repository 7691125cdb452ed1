package org.openiru.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openiru.app.Json;
import org.openiru.text.classify.Label;
import org.openiru.text.corpus.CorpusRecord;
import org.openiru.web.ApiException;

/** Reads a labelled JSONL corpus for evaluation and training, with errors that name the file and line. */
public final class Corpus {
    private Corpus() {
    }

    public static List<CorpusRecord> read(Path file) throws IOException {
        List<CorpusRecord> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String where = file + " line " + lineNo;
                CorpusRecord rec;
                try {
                    rec = Json.MAPPER.copy().configure(
                            com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                            .readValue(line, CorpusRecord.class);
                } catch (IOException e) {
                    throw ApiException.badRequest(null, where + ": not a corpus record (" + e.getMessage().lines()
                            .findFirst().orElse("") + ")");
                }
                if (rec.text() == null) {
                    throw ApiException.badRequest("text", where + ": \"text\" is missing");
                }
                try {
                    Label.fromId(rec.label() == null ? "" : rec.label());
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("label", where + ": \"label\" must be one of propaganda, journalism, "
                            + "counter_speech, research, unrelated, not " + rec.label());
                }
                out.add(rec);
            }
        }
        if (out.isEmpty()) {
            throw ApiException.badRequest(null, file + ": no records");
        }
        return out;
    }
}
