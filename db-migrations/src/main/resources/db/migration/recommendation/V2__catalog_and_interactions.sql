-- Catalog read model of the storefront's products, kept from commerce.products (specification 004 Appendix A).
CREATE TABLE products (
    product_id     UUID PRIMARY KEY,
    sku            TEXT           NOT NULL,
    name           TEXT           NOT NULL,
    description    TEXT,
    category       TEXT,
    price          NUMERIC(16, 4) NOT NULL,
    currency       CHAR(3)        NOT NULL,
    stock_quantity INTEGER,
    -- no review feed reaches this service yet; kept so sort=rating has a stable meaning when one does
    rating         NUMERIC(3, 2),
    source_updated_at TIMESTAMPTZ NOT NULL,
    created_at     TIMESTAMPTZ    NOT NULL,
    updated_at     TIMESTAMPTZ    NOT NULL
);

CREATE INDEX products_category_idx ON products (category);
CREATE INDEX products_price_idx ON products (price);
CREATE INDEX products_created_at_idx ON products (created_at DESC);

-- One row per weighted signal of a known customer: product views, add-to-carts and purchased order lines.
CREATE TABLE interactions (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    UUID        NOT NULL,
    user_id     UUID        NOT NULL,
    product_id  UUID        NOT NULL,
    kind        TEXT        NOT NULL CHECK (kind IN ('VIEW', 'CART', 'PURCHASE')),
    quantity    INTEGER     NOT NULL DEFAULT 1,
    occurred_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX interactions_user_idx ON interactions (user_id, occurred_at DESC);
CREATE INDEX interactions_occurred_at_idx ON interactions (occurred_at);

-- Every trained model, with the offline metrics it was trained and checked with.
CREATE TABLE model_versions (
    id           UUID PRIMARY KEY,
    model_type   TEXT        NOT NULL,
    version      INTEGER     NOT NULL,
    trained_at   TIMESTAMPTZ NOT NULL,
    interactions INTEGER     NOT NULL,
    users        INTEGER     NOT NULL,
    items        INTEGER     NOT NULL,
    metrics      JSONB       NOT NULL,
    UNIQUE (model_type, version)
);
