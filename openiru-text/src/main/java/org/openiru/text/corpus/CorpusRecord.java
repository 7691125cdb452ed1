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

/** One JSONL line of a labelled corpus; {@code family} names the template family of synthetic items. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CorpusRecord(String id, String text, String lang, String label, Boolean synthetic, String family) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public static List<CorpusRecord> read(Path jsonl) throws IOException {
        List<CorpusRecord> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(JSON.readValue(line, CorpusRecord.class));
                }
            }
        }
        return out;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
