-- The outbox: what is to be sent, written in the same transaction as the decision to send it, and sent by
-- workers. Each row is sent until it succeeds or runs out of attempts (then it is dead and shown as such).
CREATE TABLE deliveries (
    id              bigserial PRIMARY KEY,
    -- Idempotency: one row per thing to send and channel, e.g. 'referral:42:email'.
    key             text NOT NULL UNIQUE,
    channel         text NOT NULL CHECK (channel IN ('email', 'webhook')),
    -- 'platform': to the platform about a referral or order (a success stamps the referral's receipt);
    -- 'alert': to the unit's own people (e.g. an order's deadline was missed).
    purpose         text NOT NULL CHECK (purpose IN ('platform', 'alert')),
    platform_id     bigint REFERENCES platforms (id),
    referral_id     bigint REFERENCES referrals (id),
    -- E-mail addresses separated by commas, or the webhook URL.
    recipient       text NOT NULL,
    subject         text NOT NULL DEFAULT '',
    body_text       text NOT NULL DEFAULT '',
    body_json       jsonb,
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
    attempts        int NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    -- A worker's lease while it sends; a crashed worker's lease runs out and the row is sent again.
    leased_until    timestamptz,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX deliveries_referral ON deliveries (referral_id);

CREATE TABLE delivery_attachments (
    delivery_id bigint NOT NULL REFERENCES deliveries (id),
    position    int NOT NULL,
    file_name   text NOT NULL,
    media_type  text NOT NULL,
    content     bytea NOT NULL,
    PRIMARY KEY (delivery_id, position)
);
