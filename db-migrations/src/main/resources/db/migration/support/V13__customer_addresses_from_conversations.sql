-- customer_addresses was filled only from the profiles read since V10: a customer whose profile event had left
-- commerce.customers before then has no address in it, and their export lists none. A conversation filed under a
-- customer with an address (a task's) names one they are known by, first seen when the first such conversation began.
-- Nothing is kept of a customer erased here.
INSERT INTO customer_addresses (customer_id, email, first_seen)
SELECT c.customer_id, lower(btrim(c.customer_email)), min(c.created_at)
FROM conversations c
WHERE c.customer_id IS NOT NULL
  AND btrim(coalesce(c.customer_email, '')) <> ''
  AND NOT EXISTS (SELECT 1 FROM erased_customers e WHERE e.customer_id = c.customer_id)
GROUP BY c.customer_id, lower(btrim(c.customer_email))
ON CONFLICT DO NOTHING;
