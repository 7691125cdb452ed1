package org.openiru.cli;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.openiru.app.OpenIru;
import org.openiru.app.OpenIruConfig;
import org.openiru.detect.ScoreLines;
import org.openiru.detect.ScoreRequests;
import org.openiru.web.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Scores JSON lines with the database's current reference data and model. */
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
        boolean stdin = file == null || file.equals("-");
        int bad;
        try (OpenIru app = OpenIru.open(OpenIruConfig.load());
             InputStream in = new BufferedInputStream(stdin ? System.in : Files.newInputStream(Path.of(file)))) {
            ScoreLines lines = new ScoreLines(new ScoreRequests(Messages.loadAll(ZoneId.systemDefault())),
                    app.detect.detector.current().scorer(), json);
            bad = lines.run(in, stdin ? "stdin" : file, out, err);
        }
        if (bad > 0) {
            err.println("openiru: " + bad + " line(s) could not be scored");
        }
        return bad == 0 ? 0 : 1;
    }
}
