package org.openiru.cli;

import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.openiru.app.OpenIru;
import org.openiru.app.OpenIruConfig;
import org.openiru.audit.Actor;
import org.openiru.hashing.banks.ParseMode;
import org.openiru.hashing.banks.SignalType;
import org.openiru.signals.Bank;
import org.openiru.signals.BankFileFormat;
import org.openiru.signals.BankImports;
import org.openiru.signals.BankInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Hash banks: create, import, export, list. */
@Command(name = "bank", mixinStandardHelpOptions = true, description = "Hash banks: create, import, export, list.",
        subcommands = {BankCommand.Create.class, BankCommand.Import.class, BankCommand.Export.class,
                BankCommand.ListBanks.class})
class BankCommand {
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a bank.")
    static class Create implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "UPPER_WITH_UNDERSCORES, as HMA names banks.")
        String name;

        @Option(names = "--kind", description = "known (default) or negative (its matches cancel the others).")
        String kind;

        @Option(names = "--threshold", description = "Largest PDQ distance that matches (default 31).")
        Integer threshold;

        @Option(names = "--description")
        String description;

        @Override
        public Integer call() {
            try (OpenIru app = OpenIru.open(OpenIruConfig.load())) {
                Bank b = app.signals.banks.create(Actor.cli("bank create"),
                        new BankInput(name, description, kind, threshold, true, "local", null));
                System.out.println("Created bank " + b.name() + " (id " + b.id() + ")");
            }
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a bank file; bad lines are reported by number and skipped unless --strict.")
    static class Import implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "BANK")
        String bank;

        @Parameters(index = "1", paramLabel = "FILE")
        Path file;

        @Option(names = "--format", description = "hma (default: '<type> <hash>' lines), csv (python-threatexchange) "
                + "or hex (one hash per line).")
        String format;

        @Option(names = "--type", description = "Type of a hex list's hashes: pdq, md5, sha256, video_md5.")
        String type;

        @Option(names = "--strict", description = "Stop at the first bad line and import nothing.")
        boolean strict;

        @Option(names = "--entity", description = "Entity label for every entry of the file.")
        String entity;

        @Override
        public Integer call() throws Exception {
            try (OpenIru app = OpenIru.open(OpenIruConfig.load()); Reader in = Files.newBufferedReader(file)) {
                Bank b = app.signals.banks.byName(bank);
                BankImports.Report r = app.signals.imports.importFile(Actor.cli("bank import"), b.id(), in,
                        file.getFileName().toString(), new BankImports.Options(BankFileFormat.parse(format),
                                type == null ? null : SignalType.fromWireName(type),
                                strict ? ParseMode.STRICT : ParseMode.COLLECT_ERRORS, entity, List.of()));
                r.errors().forEach(e -> System.err.println("openiru: " + e));
                System.out.println("Read " + r.read() + " lines: " + r.added() + " added, " + r.duplicates()
                        + " already in " + b.name() + ", " + r.errors().size() + " bad"
                        + (r.retrohunt() == null ? "" : "; retro-hunt " + r.retrohunt() + " queued"));
                return r.errors().isEmpty() ? 0 : 1;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write a bank as a file.")
    static class Export implements Callable<Integer> {
        @Parameters(paramLabel = "BANK")
        String bank;

        @Option(names = "--format", description = "hma (default), csv or hex.")
        String format;

        @Option(names = "--type", description = "For hex: which type to write (default pdq).")
        String type;

        @Option(names = "--out", description = "Output file (default: standard output).")
        Path out;

        @Override
        public Integer call() throws Exception {
            try (OpenIru app = OpenIru.open(OpenIruConfig.load());
                 Writer w = out == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                         : Files.newBufferedWriter(out)) {
                app.signals.imports.export(app.signals.banks.byName(bank).id(), BankFileFormat.parse(format),
                        SignalType.fromWireName(type == null ? "pdq" : type), w);
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the banks.")
    static class ListBanks implements Callable<Integer> {
        @Override
        public Integer call() {
            try (OpenIru app = OpenIru.open(OpenIruConfig.load())) {
                for (Bank b : app.signals.banks.list()) {
                    System.out.printf("%-30s %-8s %-8s pdq<=%-3d %,d entries%n", b.name(), b.kind(),
                            b.enabled() ? "enabled" : "disabled", b.pdqThreshold(), b.entries());
                }
            }
            return 0;
        }
    }
}
