-- What the review desk decided about each item, for detection: the latest assessment of each case the item is
-- in, unless a second person rejected it. Escalations are questions, not decisions, so they are left out.
-- Feeds the actor-history, forwarded-from and outlink reasons and training from assessments (docs/detection.md).
CREATE VIEW detect_assessed_items AS
SELECT ci.item_id, ci.case_id, a.id AS assessment_id, a.outcome, a.reason, a.created_at
FROM review_case_items ci
JOIN LATERAL (SELECT id, outcome, reason, created_at FROM review_assessments ra
              WHERE ra.case_id = ci.case_id ORDER BY ra.id DESC LIMIT 1) a ON true
WHERE a.outcome <> 'escalate'
  AND NOT EXISTS (SELECT 1 FROM review_approvals p WHERE p.assessment_id = a.id AND p.decision = 'rejected');

CREATE INDEX items_forwarded_from ON items (forwarded_from_actor_id) WHERE forwarded_from_actor_id IS NOT NULL;
CREATE INDEX outlinks_url ON outlinks (url);
