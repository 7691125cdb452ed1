package org.openiru.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.openiru.app.OpenIru;
import org.openiru.app.OpenIruConfig;
import org.openiru.audit.Actor;
import org.openiru.auth.ApiTokens;
import org.openiru.auth.User;
import org.openiru.web.ApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** API tokens for machine clients. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "API tokens for machine clients.",
        subcommands = TokenCommand.Create.class)
class TokenCommand {
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an API token acting as a user; the token is printed once.")
    static class Create implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--user", required = true, description = "The user the token acts as.")
        String username;

        @Option(names = "--name", required = true, description = "What the token is for.")
        String name;

        @Option(names = "--days", description = "Days until it expires (default: never).")
        Integer days;

        @Override
        public Integer call() {
            try (OpenIru app = OpenIru.open(OpenIruConfig.load())) {
                User u = app.users.findByUsername(username)
                        .orElseThrow(() -> ApiException.badRequest("user", "No user " + username));
                Instant expires = days == null ? null : Instant.now().plus(days, ChronoUnit.DAYS);
                ApiTokens.Created c = app.tokens.create(Actor.cli("token create"), u.id(), name, expires);
                System.out.println(c.token());
            }
            return 0;
        }
    }
}
