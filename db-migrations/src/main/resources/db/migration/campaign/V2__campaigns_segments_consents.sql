-- The campaign agent's own tables. Version 1 is the shared messaging tables (db/migration/common), which run
-- in the same Flyway history, so the campaign schema's own migrations start at 2.

-- Campaigns: the lifecycle state is changed only through the agent's state machine, each change written to
-- campaign_transitions in the same transaction.
CREATE TABLE campaigns (
    id               UUID PRIMARY KEY,
    name             VARCHAR(200) NOT NULL,
    goal             VARCHAR(1000) NOT NULL,
    channel          VARCHAR(16)  NOT NULL,
    segment_rule     TEXT,
    budget_amount    NUMERIC(14, 2),
    budget_currency  VARCHAR(3),
    state            VARCHAR(16)  NOT NULL,
    created_by       VARCHAR(200) NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    version          BIGINT       NOT NULL,
    CONSTRAINT campaigns_budget_complete CHECK ((budget_amount IS NULL) = (budget_currency IS NULL))
);

CREATE INDEX campaigns_state_created_idx ON campaigns (state, created_at DESC);
CREATE INDEX campaigns_created_idx ON campaigns (created_at DESC);

-- Who moved a campaign from which state to which, when and why; append-only.
CREATE TABLE campaign_transitions (
    id           UUID PRIMARY KEY,
    campaign_id  UUID         NOT NULL REFERENCES campaigns (id),
    from_state   VARCHAR(16),
    to_state     VARCHAR(16)  NOT NULL,
    actor        VARCHAR(200) NOT NULL,
    reason       VARCHAR(1000) NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL
);

CREATE INDEX campaign_transitions_campaign_idx ON campaign_transitions (campaign_id, occurred_at);

-- Customer read model, fed by commerce events; segment rules are compiled to queries over this table only.
CREATE TABLE customers (
    customer_id         UUID PRIMARY KEY,
    customer_number     VARCHAR(64),
    email               VARCHAR(320),
    country             VARCHAR(100),
    profile_updated_at  TIMESTAMPTZ,
    order_count         INTEGER       NOT NULL DEFAULT 0,
    total_spent         NUMERIC(16, 4) NOT NULL DEFAULT 0,
    spend_currency      VARCHAR(3),
    last_order_at       TIMESTAMPTZ,
    first_seen_at       TIMESTAMPTZ   NOT NULL
);

CREATE INDEX customers_country_idx ON customers (country);
CREATE INDEX customers_last_order_idx ON customers (last_order_at);

-- Each order's amount and what was taken back of it, so counts and spend are recomputed, never drift, and a
-- cancellation that arrives before its order still adds up.
CREATE TABLE customer_orders (
    order_id         UUID PRIMARY KEY,
    customer_id      UUID           NOT NULL,
    currency         VARCHAR(3)     NOT NULL,
    placed_total     NUMERIC(16, 4) NOT NULL DEFAULT 0,
    cancelled_total  NUMERIC(16, 4) NOT NULL DEFAULT 0,
    placed_at        TIMESTAMPTZ
);

CREATE INDEX customer_orders_customer_idx ON customer_orders (customer_id);

-- Saved segments: a rule in the segment language, stored as the JSON it was given.
CREATE TABLE segments (
    id           UUID PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    description  VARCHAR(1000),
    rule         TEXT         NOT NULL,
    created_by   VARCHAR(200) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    version      BIGINT       NOT NULL
);

CREATE UNIQUE INDEX segments_name_idx ON segments (lower(name));

-- Current consent per customer and channel, with where it came from and when.
CREATE TABLE consents (
    customer_id  UUID         NOT NULL,
    channel      VARCHAR(16)  NOT NULL,
    granted      BOOLEAN      NOT NULL,
    source       VARCHAR(200) NOT NULL,
    recorded_by  VARCHAR(200) NOT NULL,
    recorded_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (customer_id, channel)
);

-- Every consent change ever made, for audit; consents holds only the latest.
CREATE TABLE consent_changes (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  UUID         NOT NULL,
    channel      VARCHAR(16)  NOT NULL,
    granted      BOOLEAN      NOT NULL,
    source       VARCHAR(200) NOT NULL,
    recorded_by  VARCHAR(200) NOT NULL,
    recorded_at  TIMESTAMPTZ  NOT NULL
);

CREATE INDEX consent_changes_customer_idx ON consent_changes (customer_id, recorded_at);

-- Suppression list: a customer not to be contacted on a channel ('all' for every channel) whatever consent says.
CREATE TABLE suppressions (
    customer_id    UUID         NOT NULL,
    channel        VARCHAR(16)  NOT NULL,
    reason         VARCHAR(500) NOT NULL,
    suppressed_by  VARCHAR(200) NOT NULL,
    suppressed_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (customer_id, channel)
);
