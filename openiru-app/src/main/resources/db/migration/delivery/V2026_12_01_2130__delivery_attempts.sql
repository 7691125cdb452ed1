-- Every try to send a delivery, with its result: what the delivery log shows, and what an operator reads
-- when a platform says it received nothing.
CREATE TABLE delivery_attempts (
    id          bigserial PRIMARY KEY,
    delivery_id bigint NOT NULL REFERENCES deliveries (id),
    attempt     int NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NOT NULL,
    ok          boolean NOT NULL,
    -- e.g. "HTTP 503: <first 500 characters of the reply>", "SMTP: 550 no such user", "sent to 2 recipients"
    detail      text NOT NULL DEFAULT '',
    -- Who ran it (process id @ host / thread), to tell workers apart when several processes send.
    worker      text NOT NULL DEFAULT ''
);
CREATE INDEX delivery_attempts_delivery ON delivery_attempts (delivery_id, id);

-- The delivery log lists newest first, per status.
CREATE INDEX deliveries_status ON deliveries (status, id DESC);

-- Each platform's own secret for signing its webhooks (HMAC-SHA256). Generated when a webhook URL is set or
-- an administrator rotates it; shown to the administrator once. Empty: no webhook can be signed yet.
ALTER TABLE platforms ADD COLUMN webhook_secret text NOT NULL DEFAULT '';
