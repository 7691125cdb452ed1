package org.openiru.cli;

import org.openiru.app.OpenIru;
import org.openiru.app.OpenIruConfig;
import org.openiru.audit.AuditLog;
import picocli.CommandLine.Command;

/** The audit log from the command line. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "The audit log.",
        subcommands = AuditCommand.Verify.class)
class AuditCommand {
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Recompute the hash chain of the audit log; exit 1 and name the first broken row if any.")
    static class Verify implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            try (OpenIru app = OpenIru.open(OpenIruConfig.load())) {
                AuditLog.Verification v = app.audit.verify();
                if (v.intact()) {
                    System.out.println("Audit log intact: " + v.rowsChecked() + " rows checked.");
                    return 0;
                }
                System.out.println("Audit log BROKEN at row " + v.firstBroken().orElseThrow() + ": " + v.problem());
                return 1;
            }
        }
    }
}
