package org.openiru.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.openiru.app.Json;
import org.openiru.app.OpenIru;
import org.openiru.app.OpenIruConfig;
import org.openiru.hashing.banks.SignalType;
import org.openiru.signals.BankMatch;
import org.openiru.web.ApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Matches a hash or an image file against the banks of the configured database. */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = "Match a hash (64 hex digits: PDQ unless --type; 32: MD5) or an image file against the banks; "
                + "one JSON object per match; exit code 1 when nothing matched.")
class MatchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "HASH|FILE")
    String what;

    @Option(names = "--bank", description = "Only this bank.")
    String bank;

    @Option(names = "--type", description = "The type of a 64-digit hash: pdq (default) or sha256.")
    String type;

    @Override
    public Integer call() throws Exception {
        try (OpenIru app = OpenIru.open(OpenIruConfig.load())) {
            Map<SignalType, String> signals = what.matches("[0-9a-fA-F]{32}|[0-9a-fA-F]{64}") ? Map.of(hashType(),
                    what.toLowerCase(java.util.Locale.ROOT)) : app.signals.hasher.hash(Path.of(what)).signals();
            List<BankMatch> matches = app.signals.matcher.match(signals, bank == null ? null : Set.of(bank));
            matches.forEach(m -> System.out.println(Json.write(m)));
            return matches.isEmpty() ? 1 : 0;
        }
    }

    private SignalType hashType() {
        if (what.length() == 32) {
            return SignalType.MD5;
        }
        if (type == null || type.equals("pdq")) {
            return SignalType.PDQ;
        }
        if (type.equals("sha256")) {
            return SignalType.SHA256;
        }
        throw ApiException.badRequest("type", "--type must be pdq or sha256");
    }
}
