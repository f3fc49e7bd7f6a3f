-- What cancellations in the cut-over grace period gave back of an order not recorded before V19 told them apart by
-- cancellation number is counted in order_stock only, under no number. Without a row here, such a cancellation sent
-- again under another event id (its number now unknown) found nothing given back under its number and gave the units
-- back again. It is kept, per order and SKU, under the empty number (a cancellation's own number is never blank): a
-- cancellation whose number has no row of its own counts it as given back before it, as every cancellation of the
-- order did before V19.
INSERT INTO grace_period_cancellations (order_number, sku, cancellation_number, units)
SELECT s.order_number, s.sku, '', s.released - COALESCE(counted.units, 0)
FROM order_stock s
LEFT JOIN (SELECT order_number, sku, sum(units) AS units FROM grace_period_cancellations
           GROUP BY order_number, sku) counted
       ON counted.order_number = s.order_number AND counted.sku = s.sku
WHERE s.order_id IS NULL AND s.released > COALESCE(counted.units, 0)
ON CONFLICT DO NOTHING;
