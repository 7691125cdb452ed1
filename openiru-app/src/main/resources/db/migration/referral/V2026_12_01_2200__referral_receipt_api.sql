-- A platform that fetches its open referrals and orders through the API has received them too.
ALTER TABLE referrals DROP CONSTRAINT referrals_received_via_check;
ALTER TABLE referrals ADD CONSTRAINT referrals_received_via_check
    CHECK (received_via IN ('email', 'webhook', 'portal', 'api'));
