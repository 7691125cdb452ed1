-- When each referred item came down: the earliest of the platform's confirmation (removed / access disabled,
-- at the time the platform says it acted) and the first check that saw the URL gone. Same columns as the
-- contract's view; how = 'platform' or 'check' (the platform wins a tie: its word is the stronger proof).
CREATE OR REPLACE VIEW referral_item_removals AS
SELECT DISTINCT ON (e.referral_item_id) e.referral_item_id, ri.item_id, ri.platform_id, ri.case_id,
       e.removed_at, e.how
FROM (
    SELECT a.referral_item_id, a.acted_at AS removed_at, CAST('platform' AS text) AS how, 0 AS rank
    FROM referral_answers a WHERE a.answer IN ('removed', 'access_disabled')
    UNION ALL
    SELECT c.referral_item_id, c.checked_at, CAST('check' AS text), 1
    FROM verify_checks c WHERE c.outcome = 'gone'
) e
JOIN referral_items ri ON ri.id = e.referral_item_id
ORDER BY e.referral_item_id, e.removed_at, e.rank;
