-- Takedown verification: what counts as "gone" (markers, data that supervisors edit), when each referred URL
-- is checked next (the schedule), and every check made (append-only).

-- A marker says "the content is gone" when it matches a check's response. kind: 'status' (comma-separated
-- HTTP codes), 'body' (text in the first 256 KB of the page, case-insensitive), 'redirect' (text in a redirect
-- target or the final URL, case-insensitive). host_pattern '*' is every host; 'example.com' is that host and
-- its subdomains. platform_id narrows a marker to one platform's items.
CREATE TABLE verify_gone_markers (
    id           bigserial PRIMARY KEY,
    platform_id  bigint REFERENCES platforms (id),
    host_pattern text NOT NULL DEFAULT '*' CHECK (host_pattern ~ '^([*]|[a-z0-9]([a-z0-9.-]*[a-z0-9])?)$'),
    kind         text NOT NULL CHECK (kind IN ('status', 'body', 'redirect')),
    pattern      text NOT NULL CHECK (length(pattern) BETWEEN 1 AND 500),
    label        text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
    -- Where the wording comes from, and whether it was verified against the live site.
    note         text NOT NULL DEFAULT '',
    enabled      boolean NOT NULL DEFAULT true,
    updated_by   bigint REFERENCES users (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (kind <> 'status' OR pattern ~ '^[1-5][0-9][0-9](,[1-5][0-9][0-9])*$')
);

-- The host of a URL, lower case, without user info, port or IPv6 brackets; '' when there is none.
CREATE FUNCTION verify_host(url text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(lower(trim(both '[]' FROM substring(url FROM '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^/?#@]*@)?(\[[^]/?#]*\]|[^/?#:]*)'))), '')
$$;

-- One row per referred item: when its next check is due (null once the schedule has ended), and the lease of
-- the worker checking it now (lease_token fences a worker whose lease ran out).
CREATE TABLE verify_schedule (
    referral_item_id bigint PRIMARY KEY REFERENCES referral_items (id),
    host             text NOT NULL,
    -- The referral's creation: the schedule's offsets count from here.
    starts_at        timestamptz NOT NULL,
    next_check_at    timestamptz,
    checks_done      integer NOT NULL DEFAULT 0,
    lease_until      timestamptz,
    lease_token      uuid
);
CREATE INDEX verify_schedule_due ON verify_schedule (next_check_at) WHERE next_check_at IS NOT NULL;
CREATE INDEX verify_schedule_leased ON verify_schedule (host) WHERE lease_token IS NOT NULL;
-- New items are found among recent referrals.
CREATE INDEX verify_referrals_created ON referrals (created_at);

CREATE TABLE verify_checks (
    id               bigserial PRIMARY KEY,
    referral_item_id bigint NOT NULL REFERENCES referral_items (id),
    checked_at       timestamptz NOT NULL,
    -- 'error' is a failure to find out (network, timeout, refused, 5xx); it never counts as gone.
    outcome          text NOT NULL CHECK (outcome IN ('up', 'gone', 'error')),
    http_status      integer,
    url              text NOT NULL,
    final_url        text NOT NULL DEFAULT '',
    redirects        jsonb NOT NULL DEFAULT '[]',
    marker_id        bigint REFERENCES verify_gone_markers (id),
    -- Copied from the marker, so the timeline says what matched even after the marker is edited.
    marker_label     text NOT NULL DEFAULT '',
    error            text NOT NULL DEFAULT '',
    duration_ms      integer NOT NULL
);
CREATE INDEX verify_checks_item ON verify_checks (referral_item_id, checked_at);
CREATE INDEX verify_checks_gone ON verify_checks (referral_item_id, checked_at) WHERE outcome = 'gone';
CREATE RULE verify_checks_no_update AS ON UPDATE TO verify_checks DO INSTEAD NOTHING;
CREATE RULE verify_checks_no_delete AS ON DELETE TO verify_checks DO INSTEAD NOTHING;
