package org.openiru.cli;

import org.openiru.app.ConfigException;
import org.openiru.app.OpenIru;
import org.openiru.store.StartupException;
import org.openiru.web.ApiException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code openiru} command. */
@Command(name = "openiru", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "OpenIRU: find, assess, refer and verify the removal of terrorist content online.",
        subcommands = {ServeCommand.class, DemoCommand.class, DbCommand.class, UserCommand.class,
                TokenCommand.class, AuditCommand.class, IngestCommand.class, HashCommand.class, MatchCommand.class,
                BankCommand.class, ScoreCommand.class, EvalCommand.class, ModelCommand.class, OrderCommand.class,
                NetworkCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces and debug output.")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code (public so that features can test their commands). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            boolean verbose = parsed.matchedOption("--verbose") != null
                    || parsed.subcommands().stream().anyMatch(s -> s.matchedOption("--verbose") != null);
            if (e instanceof StartupException || e instanceof ConfigException || e instanceof ApiException) {
                cmd.getErr().println("openiru: " + e.getMessage());
            } else {
                cmd.getErr().println("openiru: " + e);
            }
            if (verbose) {
                e.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        return cli.execute(args);
    }

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"OpenIRU " + OpenIru.version()};
        }
    }
}
