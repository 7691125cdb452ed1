package org.openiru.detect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.openiru.text.corpus.CorpusRecord;
import org.openiru.web.ApiException;

/** A labelled JSONL corpus for evaluation and training; a bad line is a request error naming the file and line. */
public final class Corpus {
    private Corpus() {
    }

    public static List<CorpusRecord> read(Path file) throws IOException {
        try {
            return CorpusRecord.read(file);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(null, e.getMessage());
        }
    }
}
