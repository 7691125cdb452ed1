package org.openiru.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openiru.app.OpenIru;
import org.openiru.app.OpenIruConfig;
import org.openiru.audit.Actor;
import org.openiru.auth.Role;
import org.openiru.auth.Secrets;
import org.openiru.auth.User;
import org.openiru.auth.Users;
import org.openiru.web.ApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** User accounts from the command line (the first administrator is made here). */
@Command(name = "user", mixinStandardHelpOptions = true, description = "User accounts.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class})
class UserCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create a local user account.")
    static class Add implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--unit", required = true, description = "Short name of the user's unit.")
        String unit;

        @Option(names = "--role", required = true, description = "A role (repeatable): admin, supervisor, "
                + "analyst, triage, auditor, platform.")
        List<String> roles;

        @Option(names = "--platform", description = "Short name of the platform (platform users only).")
        String platform;

        @Option(names = "--display-name", defaultValue = "")
        String displayName;

        @Option(names = "--email", defaultValue = "")
        String email;

        @Option(names = "--language", defaultValue = "en", description = "en or ar.")
        String language;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input "
                + "(otherwise a random one is made and printed).")
        boolean passwordStdin;

        @Parameters(index = "0", paramLabel = "NAME", description = "The user name.")
        String username;

        @Override
        public Integer call() throws IOException {
            Set<Role> parsed = EnumSet.noneOf(Role.class);
            for (String r : roles) {
                parsed.add(Role.parse(r).orElseThrow(() -> ApiException.badRequest("role",
                        "Unknown role " + r + "; accepted: " + Role.accepted())));
            }
            String password = passwordStdin ? readLine() : Secrets.random(15);
            try (OpenIru app = OpenIru.open(OpenIruConfig.load())) {
                long unitId = app.units.findBySlug(unit).orElseThrow(() -> ApiException.badRequest("unit",
                        "No unit with short name " + unit)).id();
                Long platformId = platform == null ? null : app.platforms.findBySlug(platform)
                        .orElseThrow(() -> ApiException.badRequest("platform", "No platform with short name "
                                + platform)).id();
                User u = app.users.create(Actor.cli("user add"), new Users.NewUser(unitId, username, displayName,
                        email, parsed, platformId, language, password));
                System.out.println("Created user " + u.username() + " (id " + u.id() + ").");
                if (!passwordStdin) {
                    System.out.println("Password: " + password);
                }
            }
            return 0;
        }

        private static String readLine() throws IOException {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw ApiException.badRequest("password", "No password on standard input");
            }
            return line;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List user accounts.")
    static class ListUsers implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            try (OpenIru app = OpenIru.open(OpenIruConfig.load())) {
                for (User u : app.users.list()) {
                    System.out.printf("%-6d %-24s %-28s %s%n", u.id(), u.username(),
                            String.join("+", u.roles().stream().map(Role::id).sorted().toList()),
                            u.active() ? "" : "(inactive)");
                }
            }
            return 0;
        }
    }
}
