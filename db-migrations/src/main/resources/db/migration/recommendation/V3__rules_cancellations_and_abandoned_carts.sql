-- Margin per unit in the product's currency; the storefront's product feed does not carry it yet, so it
-- stays null (no margin boost) until it does.
ALTER TABLE products ADD COLUMN margin NUMERIC(16, 4);

-- The order a purchase came from, so a cancellation naming the order takes back exactly its lines.
ALTER TABLE interactions ADD COLUMN order_number TEXT;
CREATE INDEX interactions_order_number_idx ON interactions (order_number) WHERE order_number IS NOT NULL;

-- Merchandising rules applied to every list: pin a product at a position, boost its score, or block it.
CREATE TABLE recommendation_rules (
    rule_id    UUID PRIMARY KEY,
    kind       TEXT        NOT NULL CHECK (kind IN ('PIN', 'BOOST', 'BLOCK')),
    product_id UUID        NOT NULL UNIQUE,
    position   INTEGER CHECK (position BETWEEN 1 AND 50),
    boost      NUMERIC(6, 3) CHECK (boost > 0),
    created_at TIMESTAMPTZ NOT NULL,
    CHECK ((kind = 'PIN') = (position IS NOT NULL)),
    CHECK ((kind = 'BOOST') = (boost IS NOT NULL))
);

-- The latest abandoned cart of each known customer, read back as a recovery list.
CREATE TABLE abandoned_carts (
    user_id      UUID PRIMARY KEY,
    product_ids  UUID[]      NOT NULL,
    abandoned_at TIMESTAMPTZ NOT NULL
);
