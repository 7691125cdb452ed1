-- The durable work queue of the pipeline steps (see docs/queue.md). A job is claimed under a lease;
-- lease_token fences a worker whose lease ran out from finishing a job that another worker now holds.
CREATE TABLE jobs (
    id               bigserial PRIMARY KEY,
    queue            text NOT NULL CHECK (length(queue) BETWEEN 1 AND 100),
    idempotency_key  text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 1000),
    payload          jsonb NOT NULL DEFAULT '{}',
    state            text NOT NULL DEFAULT 'ready'
                     CHECK (state IN ('ready', 'running', 'done', 'dead', 'discarded')),
    attempts         integer NOT NULL DEFAULT 0,
    max_attempts     integer NOT NULL DEFAULT 8 CHECK (max_attempts >= 1),
    run_at           timestamptz NOT NULL DEFAULT now(),
    lease_until      timestamptz,
    lease_token      uuid,
    locked_by        text,
    last_error       text,
    last_failed_at   timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    UNIQUE (queue, idempotency_key)
);
-- Claiming looks only at ready and running jobs; done ones pile up and must not slow it down.
CREATE INDEX jobs_claimable ON jobs (queue, run_at, id) WHERE state IN ('ready', 'running');
CREATE INDEX jobs_dead ON jobs (queue, last_failed_at) WHERE state = 'dead';
