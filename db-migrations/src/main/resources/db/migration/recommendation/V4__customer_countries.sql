-- Each known customer's country, from the storefront's customer feed: the cold-start list of a customer
-- without purchases follows what sells in their country now.
CREATE TABLE customer_countries (
    customer_id UUID PRIMARY KEY,
    country     TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
