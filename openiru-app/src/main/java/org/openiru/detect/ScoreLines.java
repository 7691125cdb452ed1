package org.openiru.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.openiru.app.Json;
import org.openiru.text.score.TextScorer;
import org.openiru.web.ApiException;

/**
 * {@code openiru score}: reads JSON lines, writes one result per line (JSON or plain text). A bad line is
 * reported with its number and the rest go on.
 */
public final class ScoreLines {
    private final ScoreRequests requests;
    private final TextScorer scorer;
    private final boolean json;

    public ScoreLines(ScoreRequests requests, TextScorer scorer, boolean json) {
        this.requests = requests;
        this.scorer = scorer;
        this.json = json;
    }

    /** Scores every line of {@code in} ({@code name} in error messages); returns the number of bad lines. */
    public int run(InputStream in, String name, PrintWriter out, PrintWriter err) throws IOException {
        int bad = 0;
        int lineNo = 0;
        for (ScoreRequests.Line line = ScoreRequests.readLine(in); line != null; line = ScoreRequests.readLine(in)) {
            lineNo++;
            String where = name + " line " + lineNo;
            try {
                if (line.tooLong()) {
                    throw ApiException.badRequest(null, where + ": longer than " + ScoreRequests.MAX_LINE_BYTES + " bytes");
                }
                if (new String(line.bytes(), StandardCharsets.ISO_8859_1).isBlank()) {
                    continue;
                }
                Map<String, Object> result = requests.score(scorer, ScoreRequests.parse(line.bytes(), where));
                out.println(json ? Json.write(result) : plain(result));
            } catch (ApiException e) {
                bad++;
                if (json) {
                    Map<String, Object> error = new java.util.LinkedHashMap<>();
                    error.put("line", lineNo);
                    error.put("error", e.getMessage());
                    out.println(Json.write(error));
                } else {
                    err.println("openiru: " + e.getMessage());
                }
            }
            out.flush();
        }
        return bad;
    }

    @SuppressWarnings("unchecked")
    private static String plain(Map<String, Object> r) {
        StringBuilder b = new StringBuilder();
        b.append(r.get("id")).append('\t').append(r.get("priority")).append('\t').append(r.get("band")).append('\t')
                .append(r.get("label"));
        for (Map<String, Object> reason : (List<Map<String, Object>>) r.get("reasons")) {
            b.append("\n  ").append(ReasonText.weight((Double) reason.get("weight"))).append("  ").append(reason.get("en"));
        }
        return b.toString();
    }
}
