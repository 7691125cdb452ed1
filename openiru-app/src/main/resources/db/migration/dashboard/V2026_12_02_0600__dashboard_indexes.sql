-- The unit dashboard (docs/dashboard.md): ranges of time that its figures count, each read from an index instead
-- of a scan of the table. The dashboard computes its figures at most every 30 seconds per unit (Dashboard.java);
-- these keep one computation well under a second with a million items (docs/benchmarks.md, "Dashboard").

-- Items collected per day (30 days of a million items is an index-only range, not a table scan).
CREATE INDEX dashboard_items_collected ON items (collected_at);
-- Bank hits and scored bands per day.
CREATE INDEX dashboard_hits_created ON hits (created_at) WHERE NOT cancelled_by_negative;
CREATE INDEX dashboard_item_scores_scored ON item_scores (scored_at, band);
-- Assessments per day, and the handling times (created -> assessed -> approved) of the last 30 days.
CREATE INDEX dashboard_assessments_created ON review_assessments (created_at);
CREATE INDEX dashboard_case_events_kind_at ON review_case_events (kind, at);
-- Cases waiting per queue and state, oldest first, for one unit.
CREATE INDEX dashboard_cases_unit_state ON review_cases (unit_id, state, queue_id, created_at);
-- Removals per day: the platform confirmations and the "gone" checks of the last 30 days.
CREATE INDEX dashboard_answers_removed ON referral_answers (acted_at) WHERE answer IN ('removed', 'access_disabled');
CREATE INDEX dashboard_checks_gone ON verify_checks (checked_at) WHERE outcome = 'gone';
