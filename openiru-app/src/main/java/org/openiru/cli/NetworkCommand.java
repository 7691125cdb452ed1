package org.openiru.cli;

import org.openiru.app.OpenIru;
import org.openiru.app.OpenIruConfig;
import org.openiru.audit.Actor;
import org.openiru.network.Network;
import picocli.CommandLine.Command;

/** The distributor network from the command line. */
@Command(name = "network", mixinStandardHelpOptions = true, description = "The distributor network (docs/network.md).",
        subcommands = NetworkCommand.Rank.class)
class NetworkCommand {
    @Command(name = "rank", mixinStandardHelpOptions = true,
            description = "Rebuild the network's edges from the items and rank every actor (one transaction).")
    static class Rank implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            try (OpenIru app = OpenIru.open(OpenIruConfig.load())) {
                Network.Rebuild r = app.network.rebuild(Actor.cli("network rank"));
                System.out.printf("Network rebuilt: %,d edges, %,d actors ranked (edges %.1f s, reading %.1f s, "
                                + "ranking %.1f s, writing %.1f s).%n", r.edges(), r.actors(), r.edgeMillis() / 1e3,
                        r.loadMillis() / 1e3, r.computeMillis() / 1e3, r.writeMillis() / 1e3);
                return 0;
            }
        }
    }
}
