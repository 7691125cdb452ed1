package org.openiru.store.queue;

import java.time.Duration;
import org.openiru.store.Database;

/**
 * A worker process that dies between claiming a job and finishing it, as a killed pod would: it claims one
 * job of the queue with a short lease, prints its id and lease token, and halts without any clean-up.
 * Arguments: JDBC URL, queue, lease in milliseconds.
 */
public final class ClaimAndDieMain {
    private ClaimAndDieMain() {
    }

    public static void main(String[] args) {
        Database db = Database.connect(args[0], "postgres", "", 1);
        JobQueue queue = new PgJobQueue(db.jdbi(), Backoff.DEFAULT, PgJobQueue.DEFAULT_MAX_ATTEMPTS);
        for (Job job : queue.claim(args[1], 1, Duration.ofMillis(Long.parseLong(args[2])), "doomed-worker")) {
            System.out.println(job.id() + " " + job.leaseToken());
        }
        System.out.flush();
        Runtime.getRuntime().halt(137);
    }
}
