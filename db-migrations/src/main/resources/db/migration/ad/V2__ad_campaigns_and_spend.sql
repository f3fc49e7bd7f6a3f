-- The ad agent's own tables. Version 1 is the shared messaging tables (db/migration/common), which run in the
-- same Flyway history, so the ad schema's own migrations start at 2.

-- Ad campaigns on one platform each. The status changes only through the agent's state machine, each change
-- written to ad_campaign_audit in the same transaction. allocated_daily_budget is what the allocator gave the
-- campaign for today (null: its own daily budget); bid_factor shapes its bids.
CREATE TABLE ad_campaigns (
    id                      UUID PRIMARY KEY,
    name                    VARCHAR(200)   NOT NULL,
    platform                VARCHAR(16)    NOT NULL,
    platform_campaign_id    VARCHAR(200),
    status                  VARCHAR(16)    NOT NULL,
    daily_budget            NUMERIC(14, 2) NOT NULL CHECK (daily_budget > 0),
    total_budget            NUMERIC(14, 2) NOT NULL CHECK (total_budget > 0),
    currency                VARCHAR(3)     NOT NULL,
    allocated_daily_budget  NUMERIC(14, 2) CHECK (allocated_daily_budget >= 0),
    target_cpa              NUMERIC(14, 2) CHECK (target_cpa > 0),
    target_roas             NUMERIC(10, 4) CHECK (target_roas > 0),
    value_per_conversion    NUMERIC(14, 2) NOT NULL CHECK (value_per_conversion > 0),
    bid_factor              NUMERIC(10, 4) NOT NULL CHECK (bid_factor > 0),
    starts_at               TIMESTAMPTZ    NOT NULL,
    ends_at                 TIMESTAMPTZ,
    created_by              VARCHAR(200)   NOT NULL,
    created_at              TIMESTAMPTZ    NOT NULL,
    updated_at              TIMESTAMPTZ    NOT NULL,
    version                 BIGINT         NOT NULL,
    CONSTRAINT ad_campaigns_budgets CHECK (daily_budget <= total_budget),
    CONSTRAINT ad_campaigns_period CHECK (ends_at IS NULL OR ends_at > starts_at)
);

CREATE INDEX ad_campaigns_status_idx ON ad_campaigns (status, created_at DESC);
CREATE INDEX ad_campaigns_created_idx ON ad_campaigns (created_at DESC);

-- Every change to a campaign (creation, status, budget, bid factor, allocation): who, what and why; append-only.
CREATE TABLE ad_campaign_audit (
    id           UUID PRIMARY KEY,
    campaign_id  UUID          NOT NULL REFERENCES ad_campaigns (id),
    action       VARCHAR(32)   NOT NULL,
    detail       VARCHAR(1000) NOT NULL,
    actor        VARCHAR(200)  NOT NULL,
    reason       VARCHAR(1000) NOT NULL,
    occurred_at  TIMESTAMPTZ   NOT NULL
);

CREATE INDEX ad_campaign_audit_campaign_idx ON ad_campaign_audit (campaign_id, occurred_at);

-- Whom an ad group reaches: targeting as JSON (regions, device types, banner sizes).
CREATE TABLE ad_groups (
    id           UUID PRIMARY KEY,
    campaign_id  UUID         NOT NULL REFERENCES ad_campaigns (id),
    name         VARCHAR(200) NOT NULL,
    targeting    TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL
);

CREATE INDEX ad_groups_campaign_idx ON ad_groups (campaign_id);

-- Creatives with the statistics their bandit rotation learns from.
CREATE TABLE ad_creatives (
    id            UUID PRIMARY KEY,
    campaign_id   UUID         NOT NULL REFERENCES ad_campaigns (id),
    ad_group_id   UUID REFERENCES ad_groups (id),
    name          VARCHAR(200) NOT NULL,
    width         INTEGER      NOT NULL CHECK (width > 0),
    height        INTEGER      NOT NULL CHECK (height > 0),
    landing_domain VARCHAR(200) NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    impressions   BIGINT       NOT NULL DEFAULT 0 CHECK (impressions >= 0),
    clicks        BIGINT       NOT NULL DEFAULT 0 CHECK (clicks >= 0),
    created_at    TIMESTAMPTZ  NOT NULL
);

CREATE INDEX ad_creatives_campaign_idx ON ad_creatives (campaign_id);

-- Delivery counters per campaign, bumped by win notices, clicks and conversions; spend keeps fractions of a cent
-- because a CPM price charges a thousandth per impression.
CREATE TABLE ad_campaign_delivery (
    campaign_id  UUID PRIMARY KEY REFERENCES ad_campaigns (id),
    bids         BIGINT         NOT NULL DEFAULT 0,
    eligible     BIGINT         NOT NULL DEFAULT 0,
    impressions  BIGINT         NOT NULL DEFAULT 0,
    clicks       BIGINT         NOT NULL DEFAULT 0,
    conversions  BIGINT         NOT NULL DEFAULT 0,
    spend        NUMERIC(18, 6) NOT NULL DEFAULT 0,
    revenue      NUMERIC(14, 2) NOT NULL DEFAULT 0,
    updated_at   TIMESTAMPTZ    NOT NULL
);

-- One row per won impression, keyed by the bid id from the win notice: a repeated notice finds it and is not
-- charged again; clicks and conversions are recorded once on it.
CREATE TABLE ad_impressions (
    bid_id        VARCHAR(64)    PRIMARY KEY,
    campaign_id   UUID           NOT NULL REFERENCES ad_campaigns (id),
    creative_id   UUID           NOT NULL,
    price_cpm     NUMERIC(14, 4) NOT NULL,
    cost          NUMERIC(18, 6) NOT NULL,
    customer_id   UUID,
    won_at        TIMESTAMPTZ    NOT NULL,
    clicked_at    TIMESTAMPTZ,
    converted_at  TIMESTAMPTZ,
    conversion_value NUMERIC(14, 2)
);

CREATE INDEX ad_impressions_campaign_idx ON ad_impressions (campaign_id, won_at);

-- The money a campaign may spend today: what finance reserved for it and what was spent locally. Spending is a
-- conditional UPDATE (spent + cost <= reserved, status OPEN), so concurrent win notices never exceed it.
CREATE TABLE ad_spend_allowances (
    campaign_id  UUID           NOT NULL REFERENCES ad_campaigns (id),
    day          DATE           NOT NULL,
    currency     VARCHAR(3)     NOT NULL,
    reserved     NUMERIC(14, 2) NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    spent        NUMERIC(18, 6) NOT NULL DEFAULT 0 CHECK (spent >= 0),
    status       VARCHAR(16)    NOT NULL,
    updated_at   TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (campaign_id, day),
    CONSTRAINT ad_spend_allowances_within CHECK (spent <= reserved)
);

CREATE INDEX ad_spend_allowances_status_idx ON ad_spend_allowances (status, day);

-- Each reservation asked of finance. The row (and its id, sent as the Idempotency-Key) is committed BEFORE the
-- call, so a retry after a crash asks with the same key and gets the same reservation back, never a second one.
CREATE TABLE ad_budget_reservations (
    id                       UUID PRIMARY KEY,
    campaign_id              UUID           NOT NULL REFERENCES ad_campaigns (id),
    day                      DATE           NOT NULL,
    kind                     VARCHAR(16)    NOT NULL,
    amount                   NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    currency                 VARCHAR(3)     NOT NULL,
    status                   VARCHAR(16)    NOT NULL,
    finance_reservation_id   UUID,
    settles                  UUID REFERENCES ad_budget_reservations (id),
    detail                   VARCHAR(1000),
    created_at               TIMESTAMPTZ    NOT NULL,
    updated_at               TIMESTAMPTZ    NOT NULL
);

CREATE INDEX ad_budget_reservations_open_idx ON ad_budget_reservations (status, created_at);
CREATE INDEX ad_budget_reservations_campaign_idx ON ad_budget_reservations (campaign_id, day, created_at);

-- Each budget reallocation by the Thompson-sampling allocator: before, after and why.
CREATE TABLE ad_allocation_changes (
    id                 UUID PRIMARY KEY,
    round_id           UUID           NOT NULL,
    campaign_id        UUID           NOT NULL REFERENCES ad_campaigns (id),
    previous_budget    NUMERIC(14, 2),
    allocated_budget   NUMERIC(14, 2) NOT NULL,
    sampled_score      DOUBLE PRECISION NOT NULL,
    reason             VARCHAR(1000)  NOT NULL,
    actor              VARCHAR(200)   NOT NULL,
    occurred_at        TIMESTAMPTZ    NOT NULL
);

CREATE INDEX ad_allocation_changes_campaign_idx ON ad_allocation_changes (campaign_id, occurred_at);
