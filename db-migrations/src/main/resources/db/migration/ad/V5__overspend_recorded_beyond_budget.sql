-- Spend won beyond the allowance is now recorded at finance as spent even when the budget has no room left, instead
-- of being reserved, refused and left unrecorded. A day whose overspend finance refused before, and whose spend is
-- still more than what finance committed for it, is opened again: the keeper's next pass settles it, and a
-- settlement covers what was spent less what was committed, so it records exactly the part finance never booked
-- (the refused rows stay as they were, as history). Days with a settlement in flight are left to finish it: their
-- plan was made after the refusal and covers it the same way.
UPDATE ad_spend_allowances a
   SET status = 'OPEN', updated_at = now()
 WHERE a.status IN ('SETTLED', 'SETTLING')
   AND EXISTS (SELECT 1 FROM ad_budget_reservations r
                WHERE r.campaign_id = a.campaign_id AND r.day = a.day
                  AND r.kind = 'OVERSPEND' AND r.status = 'REFUSED')
   AND NOT EXISTS (SELECT 1 FROM ad_budget_reservations r
                    WHERE r.campaign_id = a.campaign_id AND r.day = a.day
                      AND r.status IN ('PENDING', 'TO_COMMIT', 'TO_SETTLE', 'TO_RELEASE'))
   AND a.spent > (SELECT COALESCE(SUM(r.amount), 0) FROM ad_budget_reservations r
                   WHERE r.campaign_id = a.campaign_id AND r.day = a.day AND r.status = 'COMMITTED');
