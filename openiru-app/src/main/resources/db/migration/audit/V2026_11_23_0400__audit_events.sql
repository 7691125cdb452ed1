-- Append-only, hash-chained log of every state change. payload is json (not jsonb) so that the text
-- that was hashed is the text that is stored.
CREATE TABLE audit_events (
    seq          bigserial PRIMARY KEY,
    occurred_at  timestamptz NOT NULL,
    actor_id     bigint,
    actor_name   text NOT NULL,
    unit_id      bigint,
    action       text NOT NULL,
    subject_type text NOT NULL,
    subject_id   text NOT NULL,
    payload      json NOT NULL,
    request_id   text NOT NULL DEFAULT '',
    prev_hash    bytea NOT NULL,
    hash         bytea NOT NULL
);
CREATE INDEX audit_events_subject ON audit_events (subject_type, subject_id);
CREATE INDEX audit_events_actor ON audit_events (actor_id, occurred_at);
CREATE INDEX audit_events_time ON audit_events (occurred_at);
CREATE INDEX audit_events_action ON audit_events (action, occurred_at);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END $$;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
