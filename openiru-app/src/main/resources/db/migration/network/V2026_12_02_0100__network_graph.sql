-- The distributor network (docs/network.md): who spreads whose content, derived from ingested items.
-- An edge points from the actor who spread something to the actor whose content or name it spread, so that
-- PageRank flows to the sources: forward (source forwarded a post of target), mention (source's text names
-- target), reply (source replied to target), outlink (source linked to one of target's URLs), shared (source
-- posted a case's content after target had posted it first). One row per pair and kind, weighted by count.
-- Rebuilt by the network feature from items; never edited by hand.
CREATE TABLE network_edges (
    source_actor_id bigint NOT NULL REFERENCES actors (id),
    target_actor_id bigint NOT NULL REFERENCES actors (id),
    kind            text NOT NULL CHECK (kind IN ('forward', 'mention', 'reply', 'outlink', 'shared')),
    weight          bigint NOT NULL CHECK (weight > 0),
    first_at        timestamptz,
    last_at         timestamptz,
    CHECK (source_actor_id <> target_actor_id),
    PRIMARY KEY (source_actor_id, target_actor_id, kind)
);
CREATE INDEX network_edges_target ON network_edges (target_actor_id);

-- The latest ranking of every actor in the network, written whole by one ranking run. rank 1 is the most
-- important key distributor by the combined score (docs/network.md says how it is combined).
CREATE TABLE network_actor_ranks (
    actor_id        bigint PRIMARY KEY REFERENCES actors (id),
    rank            integer NOT NULL CHECK (rank >= 1),
    score           double precision NOT NULL,
    pagerank        double precision NOT NULL,
    betweenness     double precision NOT NULL,
    community       bigint NOT NULL,
    -- items this actor posted first of content (cases) that others then posted
    first_posts     integer NOT NULL DEFAULT 0,
    -- distinct cases whose content this actor posted first
    cases_seeded    integer NOT NULL DEFAULT 0,
    -- of this actor's items in assessed cases, the share assessed as terrorist content (null: none assessed)
    terrorist_share double precision,
    computed_at     timestamptz NOT NULL
);
CREATE INDEX network_actor_ranks_rank ON network_actor_ranks (rank);
