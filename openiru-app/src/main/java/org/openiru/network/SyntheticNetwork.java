package org.openiru.network;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.openiru.ingest.ActorRef;
import org.openiru.ingest.IncomingItem;
import org.openiru.ingest.IngestRun;
import org.openiru.ingest.url.Outlinks;

/**
 * A made-up distributor network [synthetic], deterministic by seed, with planted hub distributors: actors
 * {@code 0 .. hubs-1} are hubs, and every actor's edges go to a hub with probability {@link #HUB_SHARE}, else to
 * any actor. Used by the acceptance test and the demo (as items, so that the edge builder runs) and by the
 * benchmark (as edges, written straight into network_edges). Handles and texts say [synthetic]; no real actor.
 */
public final class SyntheticNetwork {
    /** The share of edges that go to a planted hub. */
    public static final double HUB_SHARE = 0.3;
    /** Edge kinds as generated: forward 60 %, outlink 25 %, mention 15 %. */
    public static final List<String> KINDS = List.of("forward", "outlink", "mention");

    private final int actors;
    private final int hubs;
    private final long seed;

    /** One generated edge: actor indexes, the kind (an index of {@link #KINDS}) and how many times. */
    public interface EdgeSink {
        void edge(int source, int target, int kind, int weight) throws Exception;
    }

    public SyntheticNetwork(int actors, int hubs, long seed) {
        if (hubs < 1 || hubs >= actors) {
            throw new IllegalArgumentException("a synthetic network needs at least one hub and more actors than hubs");
        }
        this.actors = actors;
        this.hubs = hubs;
        this.seed = seed;
    }

    public int actors() {
        return actors;
    }

    public boolean isHub(int actor) {
        return actor < hubs;
    }

    public String handle(int actor) {
        return (isHub(actor) ? "synthetic_hub_" : "synthetic_actor_") + actor;
    }

    /**
     * Every actor's distinct out-edges, about {@code perActor} each (a pair and kind drawn twice counts once),
     * in order of source. Weights are 1 to 4.
     */
    public void forEachEdge(int perActor, EdgeSink sink) throws Exception {
        Random random = new Random(seed);
        Set<Long> seen = new LinkedHashSet<>();
        for (int s = 0; s < actors; s++) {
            seen.clear();
            for (int i = 0; i < perActor; i++) {
                int t = random.nextDouble() < HUB_SHARE ? random.nextInt(hubs) : random.nextInt(actors);
                double k = random.nextDouble();
                int kind = k < 0.60 ? 0 : k < 0.85 ? 1 : 2;
                int weight = 1 + random.nextInt(4);
                if (t != s && seen.add((long) t * KINDS.size() + kind)) {
                    sink.edge(s, t, kind, weight);
                }
            }
        }
    }

    /**
     * The network as Telegram channel posts: each edge becomes {@code weight} posts of its source (a forward of
     * the target, a link to one of the target's posts, or a text naming @target), and each hub posts originals.
     */
    public void ingest(IngestRun run, Long platformId, int perActor, Instant start) throws Exception {
        ActorRef[] refs = new ActorRef[actors];
        for (int a = 0; a < actors; a++) {
            refs[a] = new ActorRef(platformId, "synthetic_channel_" + a, handle(a),
                    (isHub(a) ? "Hub " : "Channel ") + a + " [synthetic]", "channel");
        }
        int[] posts = new int[actors];
        for (int h = 0; h < hubs; h++) {
            for (int i = 0; i < 3; i++) {
                post(run, platformId, refs[h], ++posts[h], null, start.plus(Duration.ofMinutes(i)),
                        "[synthetic] made-up release " + i + " of a fictional outlet (demo and test data only)");
            }
        }
        Instant[] at = {start.plus(Duration.ofHours(1))};
        forEachEdge(perActor, (s, t, kind, weight) -> {
            for (int w = 0; w < weight; w++) {
                at[0] = at[0].plus(Duration.ofMinutes(1));
                String text = switch (KINDS.get(kind)) {
                    case "forward" -> "[synthetic] forwarded post";
                    case "outlink" -> "[synthetic] see https://t.me/" + handle(t) + "/" + (1 + w % 3);
                    default -> "[synthetic] follow @" + handle(t) + " for more";
                };
                post(run, platformId, refs[s], ++posts[s], kind == 0 ? refs[t] : null, at[0], text);
            }
        });
    }

    private static void post(IngestRun run, Long platformId, ActorRef actor, int n, ActorRef forwardedFrom,
                             Instant at, String text) {
        String url = "https://t.me/" + actor.handle() + "/" + n;
        String raw = "{\"synthetic\":true,\"id\":" + n + "}";
        run.add(new IncomingItem(url, platformId, actor, Integer.toString(n), actor, forwardedFrom, null, at, null,
                text, raw.getBytes(StandardCharsets.UTF_8), () -> Outlinks.fromText(text), List.of()));
    }
}
