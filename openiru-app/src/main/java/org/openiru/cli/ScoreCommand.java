package org.openiru.cli;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openiru.app.Json;
import org.openiru.app.OpenIru;
import org.openiru.app.OpenIruConfig;
import org.openiru.detect.ScoreRequests;
import org.openiru.text.score.TextScorer;
import org.openiru.web.ApiException;
import org.openiru.web.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Scores JSON lines with the database's current reference data and model. A bad line is reported; the rest go on. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score texts given as JSON lines {\"id\",\"text\",\"lang\"?}: one result per input (with --json "
                + "{\"id\",\"score\",\"priority\",\"band\",\"label\",\"language\",\"reasons\",\"model\"}); a bad line is "
                + "reported with its number ({\"line\",\"error\"}), the rest go on, and the exit code is 1.")
class ScoreCommand implements Callable<Integer> {
    @Option(names = "--json", description = "JSON lines out; without it, plain lines: id, priority, band, label and "
            + "the reasons in English.")
    boolean json;

    @Parameters(arity = "0..1", paramLabel = "FILE|-", description = "JSON-lines file; - or nothing for standard input.")
    String file;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScoreRequests requests = new ScoreRequests(Messages.loadAll(ZoneId.systemDefault()));
        int bad = 0;
        try (OpenIru app = OpenIru.open(OpenIruConfig.load()); InputStream in = open()) {
            TextScorer scorer = app.detect.detector.current().scorer();
            int lineNo = 0;
            for (ScoreRequests.Line line = ScoreRequests.readLine(in); line != null; line = ScoreRequests.readLine(in)) {
                lineNo++;
                String where = name() + " line " + lineNo;
                try {
                    if (line.tooLong()) {
                        throw ApiException.badRequest(null, where + ": longer than " + ScoreRequests.MAX_LINE_BYTES + " bytes");
                    }
                    if (new String(line.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1).isBlank()) {
                        continue;
                    }
                    Map<String, Object> result = requests.score(scorer, ScoreRequests.parse(line.bytes(), where));
                    out.println(json ? Json.write(result) : plain(result));
                } catch (ApiException e) {
                    bad++;
                    if (json) {
                        out.println(Json.write(Map.of("line", lineNo, "error", e.getMessage())));
                    } else {
                        err.println("openiru: " + e.getMessage());
                    }
                }
                out.flush();
            }
        }
        if (bad > 0) {
            err.println("openiru: " + bad + " line(s) could not be scored");
        }
        return bad == 0 ? 0 : 1;
    }

    private InputStream open() throws java.io.IOException {
        return file == null || file.equals("-") ? new BufferedInputStream(System.in)
                : new BufferedInputStream(Files.newInputStream(Path.of(file)));
    }

    private String name() {
        return file == null || file.equals("-") ? "stdin" : file;
    }

    @SuppressWarnings("unchecked")
    private static String plain(Map<String, Object> r) {
        StringBuilder b = new StringBuilder();
        b.append(r.get("id")).append('\t').append(r.get("priority")).append('\t').append(r.get("band")).append('\t')
                .append(r.get("label"));
        for (Map<String, Object> reason : (java.util.List<Map<String, Object>>) r.get("reasons")) {
            b.append("\n  ").append(reason.get("weight")).append("  ").append(reason.get("en"));
        }
        return b.toString();
    }
}
