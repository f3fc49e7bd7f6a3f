-- The current price of every product in the storefront's feed, kept from the product.upserted events the intake
-- takes in, so that an order a customer sends for themselves can be held to the catalogue's prices.
CREATE TABLE catalogue_prices (
    product_id  UUID          PRIMARY KEY,
    sku         TEXT          NOT NULL,
    amount      NUMERIC(16,4) NOT NULL,
    currency    CHAR(3)       NOT NULL,
    -- when the feed set this price: an older event arriving late does not overwrite a newer price
    occurred_at TIMESTAMPTZ   NOT NULL
);

INSERT INTO catalogue_prices (product_id, sku, amount, currency, occurred_at)
SELECT DISTINCT ON ((payload ->> 'product_id')::uuid)
       (payload ->> 'product_id')::uuid,
       payload ->> 'sku',
       (payload -> 'price' ->> 'amount')::numeric,
       payload -> 'price' ->> 'currency',
       occurred_at
  FROM commerce_events
 WHERE event_type = 'product.upserted' AND payload -> 'price' ->> 'amount' IS NOT NULL
 ORDER BY (payload ->> 'product_id')::uuid, occurred_at DESC;
