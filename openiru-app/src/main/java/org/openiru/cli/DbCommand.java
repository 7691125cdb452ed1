package org.openiru.cli;

import org.openiru.app.OpenIru;
import org.openiru.app.OpenIruConfig;
import picocli.CommandLine.Command;

/** Database maintenance. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Database maintenance.",
        subcommands = DbCommand.Migrate.class)
class DbCommand {
    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Apply all pending migrations to the configured database and exit.")
    static class Migrate implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            try (OpenIru app = OpenIru.open(OpenIruConfig.load())) {
                System.out.println("Database is up to date: " + app.databaseDescription());
            }
            return 0;
        }
    }
}
