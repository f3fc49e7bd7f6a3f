-- An agent's reservation remembers whom its expense is booked under (the agent type of the service client that asked,
-- or who asked when a person did) and the channel the money is spent on, which its expense's metadata carries.
ALTER TABLE budget_reservations ADD COLUMN attributed_agent TEXT;
ALTER TABLE budget_reservations ADD COLUMN channel TEXT;

-- The ad agent's expenses were booked under the name it asked with, 'ad-agent', while the revenue attributed to it
-- names its agent type, 'ad', and channel 'ad': its return on spend came out as two rows, one all expense and one all
-- revenue. Its expenses are told apart by their purpose, which only the ad agent writes ('ad spend, campaign <id>,
-- <day> (<kind>)'); amounts and dates are untouched. The change passes the audit trail like any other, with this
-- migration named as the acting agent.
SELECT set_config('agentfactory.agent', 'migration V11: ad-agent expenses under agent ad', true);

UPDATE financial_transactions
   SET attributed_agent = 'ad',
       metadata = metadata || '{"channel": "ad"}'::jsonb
 WHERE transaction_type = 'expense'
   AND attributed_agent = 'ad-agent'
   AND description LIKE 'ad spend, campaign %';

UPDATE budget_reservations
   SET attributed_agent = 'ad',
       channel = 'ad'
 WHERE requested_by = 'ad-agent'
   AND purpose LIKE 'ad spend, campaign %';
