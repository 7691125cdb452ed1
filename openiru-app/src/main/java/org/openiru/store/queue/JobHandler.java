package org.openiru.store.queue;

/**
 * The work of one pipeline step. It may run more than once for the same job (after a crash or a lost
 * lease), so it must be idempotent: writing the same result twice must change nothing.
 */
@FunctionalInterface
public interface JobHandler {
    /** Returning completes the job; throwing schedules a retry, or makes the job dead after the last attempt. */
    void handle(Job job) throws Exception;
}
