-- Removal orders (TCO Regulation (EU) 2021/784 Art. 3, docs/orders.md). The order itself is a row of
-- `referrals` (kind 'removal_order') with its items in `referral_items`; the Annex I fields that a referral
-- does not have are kept here, one row per order, as issued (an issued order is never edited).
CREATE TABLE referral_orders (
    referral_id            bigint PRIMARY KEY REFERENCES referrals (id),
    -- Section A
    issuing_state          text NOT NULL CHECK (issuing_state ~ '^[A-Z]{2}$'),
    addressee              text NOT NULL CHECK (length(addressee) BETWEEN 1 AND 500),
    legal_representative   text NOT NULL CHECK (length(legal_representative) BETWEEN 1 AND 2000),
    contact_point          text NOT NULL CHECK (length(contact_point) BETWEEN 1 AND 2000),
    issued_at              timestamptz NOT NULL,
    -- Section C (Art. 11(3)): the platform must not inform the content provider for this many days (at most six
    -- weeks from the decision), or 0 when it may.
    non_disclosure_days    int NOT NULL CHECK (non_disclosure_days BETWEEN 0 AND 42),
    non_disclosure_reason  text NOT NULL DEFAULT '',
    -- Section D: a copy to the competent authority of the host member state for a cross-border order.
    host_state             text NOT NULL DEFAULT '' CHECK (host_state ~ '^([A-Z]{2})?$'),
    host_authority         text NOT NULL DEFAULT '',
    host_authority_contact text NOT NULL DEFAULT '',
    copy_sent_at           timestamptz,
    -- Section E
    authority_name         text NOT NULL CHECK (length(authority_name) BETWEEN 1 AND 500),
    authority_address      text NOT NULL CHECK (length(authority_address) BETWEEN 1 AND 2000),
    authority_contact      text NOT NULL CHECK (length(authority_contact) BETWEEN 1 AND 2000),
    officer_id             bigint NOT NULL REFERENCES users (id),
    officer_name           text NOT NULL,
    -- Section F
    followup_contact       text NOT NULL CHECK (length(followup_contact) BETWEEN 1 AND 2000),
    -- Section G
    redress_body           text NOT NULL CHECK (length(redress_body) BETWEEN 1 AND 2000),
    redress_time_limit     text NOT NULL CHECK (length(redress_time_limit) BETWEEN 1 AND 500),
    redress_procedure      text NOT NULL CHECK (length(redress_procedure) BETWEEN 1 AND 4000),
    -- Art. 3(2): issued before the 12-hour information period ran out, in a duly justified emergency.
    emergency_reason       text NOT NULL DEFAULT '',
    -- The order document and the unit's signature over its bytes.
    pdf_sha256             text NOT NULL CHECK (pdf_sha256 ~ '^[0-9a-f]{64}$'),
    signature              text NOT NULL,
    key_id                 text NOT NULL,
    -- Set once the order is settled (every item answered with Annex II): the breach check stops looking at it.
    settled_at             timestamptz
);
CREATE INDEX referral_orders_open ON referral_orders (referral_id) WHERE settled_at IS NULL;

-- What happens to an order besides the platform's answers (referral_answers), append-only:
-- clarification: the unit answers an Annex III "manifest error / insufficient information" (Art. 3(8));
-- reasons_ceased: the platform says the force majeure or de facto impossibility is over (Art. 3(7));
-- breached: the one-hour deadline passed without Annex II for every item (one per missed deadline).
CREATE TABLE referral_order_events (
    id          bigserial PRIMARY KEY,
    referral_id bigint NOT NULL REFERENCES referral_orders (referral_id),
    kind        text NOT NULL CHECK (kind IN ('clarification', 'reasons_ceased', 'breached')),
    text        text NOT NULL DEFAULT '',
    at          timestamptz NOT NULL,
    deadline    timestamptz,
    user_id     bigint REFERENCES users (id),
    CHECK ((kind = 'breached') = (deadline IS NOT NULL))
);
CREATE INDEX referral_order_events_order ON referral_order_events (referral_id, at);
-- One breach per missed deadline, however many checkers run.
CREATE UNIQUE INDEX referral_order_events_breach ON referral_order_events (referral_id, deadline)
    WHERE kind = 'breached';
-- Append-only by a trigger (not rules: the breach check inserts with ON CONFLICT, which rules forbid).
CREATE FUNCTION referral_order_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'referral_order_events is append-only';
END $$;
CREATE TRIGGER referral_order_events_append_only BEFORE UPDATE OR DELETE ON referral_order_events
    FOR EACH ROW EXECUTE FUNCTION referral_order_events_append_only();

-- Art. 3(2): before its first removal order to a platform, a unit gives it information on the applicable
-- procedures and deadlines at least 12 hours in advance. One row per unit and platform, when it was sent.
CREATE TABLE referral_order_notices (
    unit_id     bigint NOT NULL REFERENCES units (id),
    platform_id bigint NOT NULL REFERENCES platforms (id),
    sent_at     timestamptz NOT NULL,
    sent_by     bigint REFERENCES users (id),
    recipient   text NOT NULL,
    PRIMARY KEY (unit_id, platform_id)
);

-- Each unit's Ed25519 signing key, made on first use. Kept in the database so that every process of a
-- deployment signs with the same key and a restart or a new host keeps it (docs/orders.md, "Signature").
CREATE TABLE referral_order_keys (
    unit_id     bigint PRIMARY KEY REFERENCES units (id),
    key_id      text NOT NULL UNIQUE,
    public_key  bytea NOT NULL,
    private_key bytea NOT NULL,
    created_at  timestamptz NOT NULL
);

-- Removal orders show on the cases of their items: issued, and a missed deadline (an escalation).
ALTER TABLE review_case_events DROP CONSTRAINT review_case_events_kind_check;
ALTER TABLE review_case_events ADD CONSTRAINT review_case_events_kind_check CHECK (kind IN ('created', 'item_added',
    'routed', 'claimed', 'released', 'claim_expired', 'assessed', 'escalated', 'approved', 'approval_rejected',
    'held', 'hold_lifted', 'hold_expired', 'referred', 'closed', 'reopened', 'commented', 'order_issued',
    'order_breached'));
