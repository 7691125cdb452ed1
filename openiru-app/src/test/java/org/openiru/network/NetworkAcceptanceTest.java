package org.openiru.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openiru.app.OpenIru;
import org.openiru.audit.Actor;
import org.openiru.ingest.IngestRun;
import org.openiru.testing.FreshDatabase;
import org.openiru.testing.TestApp;

/**
 * The acceptance test of issue 8's network part: a synthetic network with planted hub distributors, ingested as
 * Telegram posts (forwards, links to posts, @mentions), goes through the edge builder and the ranking; the hubs
 * come out on top and the greedy takedown list finds them.
 */
@ExtendWith(FreshDatabase.class)
class NetworkAcceptanceTest {
    private static final Actor TEST = Actor.system("test");

    @Test
    void plantedHubsRankOnTopAndTheGreedyTakedownFindsThem(OpenIru app) throws Exception {
        long telegram = TestApp.telegramPlatform(app);
        SyntheticNetwork synthetic = new SyntheticNetwork(80, 3, 42);
        try (IngestRun run = app.ingest.begin(TEST, "api", "synthetic network [synthetic]", "")) {
            synthetic.ingest(run, telegram, 4, Instant.parse("2026-11-01T00:00:00Z"));
            run.finish(null);
        }

        Network.Rebuild r = app.network.rebuild(TEST);

        assertThat(r.edges()).isGreaterThan(200);
        List<String> kinds = app.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT DISTINCT kind FROM network_edges ORDER BY kind").mapTo(String.class).list());
        assertThat(kinds).containsExactly("forward", "mention", "outlink");
        List<NetworkQueries.Ranked> top = app.network.queries.ranks(NetworkFilter.NONE, 3);
        Set<String> topHandles = top.stream().map(NetworkQueries.Ranked::handle).collect(Collectors.toSet());
        assertThat(topHandles).containsExactlyInAnyOrder("synthetic_hub_0", "synthetic_hub_1", "synthetic_hub_2");
        assertThat(top.get(0).rank()).isEqualTo(1);

        Takedown.Impact impact = app.network.takedown(List.of(), 3);
        Set<Long> greedy = impact.greedy().stream().map(Takedown.Pick::actorId).collect(Collectors.toSet());
        assertThat(greedy).isEqualTo(top.stream().map(NetworkQueries.Ranked::actorId).collect(Collectors.toSet()));
        assertThat(impact.greedy().get(2).cumulativeShare()).isGreaterThan(0.3);
        Takedown.Impact hubsRemoved = app.network.takedown(greedy, 3);
        assertThat(hubsRemoved.share()).isEqualTo(impact.greedy().get(2).cumulativeShare());
        // the same seed and the same items give the same ranks and scores
        List<NetworkQueries.Ranked> before = app.network.queries.ranks(NetworkFilter.NONE, 1000);
        app.network.rebuild(TEST);
        List<NetworkQueries.Ranked> after = app.network.queries.ranks(NetworkFilter.NONE, 1000);
        assertThat(after).extracting(NetworkQueries.Ranked::actorId, NetworkQueries.Ranked::score)
                .isEqualTo(before.stream().map(x -> org.assertj.core.groups.Tuple.tuple(x.actorId(), x.score())).toList());
    }
}
