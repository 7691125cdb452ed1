package org.openiru.store.queue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openiru.app.Json;

/**
 * Jobs that carry a list of item ids ({@code {"items": [...]}}), as the steps after an import batch or a hashed
 * file use them: queued in chunks, each chunk keyed {@code key#from} so that queuing the same thing twice adds
 * nothing.
 */
public final class ItemJobs {
    private ItemJobs() {
    }

    public static void enqueue(JobQueue jobs, String queue, String key, List<Long> itemIds, int chunk) {
        for (int from = 0; from < itemIds.size(); from += chunk) {
            List<Long> part = itemIds.subList(from, Math.min(itemIds.size(), from + chunk));
            jobs.enqueue(queue, key + "#" + from, Json.write(Map.of("items", part)));
        }
    }

    public static List<Long> items(Job job) throws IOException {
        JsonNode items = Json.MAPPER.readTree(job.payload()).get("items");
        List<Long> ids = new ArrayList<>(items.size());
        items.forEach(n -> ids.add(n.asLong()));
        return ids;
    }
}
