-- Inventory schema, the daily run: each run's report, and the forecast models it trains, numbered by version,
-- with the forecasts they made per SKU.

CREATE TABLE forecast_models (
    id                 UUID        PRIMARY KEY,
    version            INTEGER     NOT NULL UNIQUE,
    status             TEXT        NOT NULL CHECK (status IN ('TRAINING', 'READY', 'FAILED')),
    origin             DATE        NOT NULL,
    horizon_days       INTEGER     NOT NULL CHECK (horizon_days > 0),
    pooled_skus        INTEGER     NOT NULL,
    history_weeks      INTEGER     NOT NULL,
    calibration_blocks INTEGER     NOT NULL,
    rounds             INTEGER     NOT NULL,
    skus               INTEGER     NOT NULL DEFAULT 0,
    failed_skus        INTEGER     NOT NULL DEFAULT 0,
    started_at         TIMESTAMPTZ NOT NULL,
    finished_at        TIMESTAMPTZ
);

-- Each model's (and the ensemble's) weighted absolute percentage error on the calibration weeks, all SKUs together.
CREATE TABLE forecast_model_errors (
    model_id  UUID             NOT NULL REFERENCES forecast_models (id) ON DELETE CASCADE,
    model     TEXT             NOT NULL,
    wape      DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (model_id, model)
);

-- A SKU's daily forecast from one model version, all warehouses together: day i is first_day + i.
CREATE TABLE sku_forecasts (
    id         UUID               PRIMARY KEY,
    model_id   UUID               NOT NULL REFERENCES forecast_models (id) ON DELETE CASCADE,
    sku        TEXT               NOT NULL,
    first_day  DATE               NOT NULL,
    expected   DOUBLE PRECISION[] NOT NULL,
    lower_80   DOUBLE PRECISION[] NOT NULL,
    upper_80   DOUBLE PRECISION[] NOT NULL,
    lower_95   DOUBLE PRECISION[] NOT NULL,
    upper_95   DOUBLE PRECISION[] NOT NULL,
    UNIQUE (model_id, sku)
);

CREATE INDEX sku_forecasts_sku_idx ON sku_forecasts (sku);

CREATE TABLE batch_runs (
    id               UUID        PRIMARY KEY,
    status           TEXT        NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    started_at       TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ,
    duration_ms      BIGINT,
    skus             INTEGER     NOT NULL DEFAULT 0,
    forecast_model_id UUID       REFERENCES forecast_models (id),
    model_version    INTEGER,
    forecast_skus    INTEGER     NOT NULL DEFAULT 0,
    forecast_failed_skus INTEGER NOT NULL DEFAULT 0,
    suggested        INTEGER     NOT NULL DEFAULT 0,
    auto_approved    INTEGER     NOT NULL DEFAULT 0,
    budgets_settled  INTEGER     NOT NULL DEFAULT 0,
    failure          TEXT
);

CREATE INDEX batch_runs_started_idx ON batch_runs (started_at DESC);

CREATE TABLE batch_run_alerts (
    run_id  UUID    NOT NULL REFERENCES batch_runs (id) ON DELETE CASCADE,
    type    TEXT    NOT NULL,
    raised  INTEGER NOT NULL,
    PRIMARY KEY (run_id, type)
);

-- What went wrong in a step of a run without stopping it (a group of SKUs the models could not be fitted on).
CREATE TABLE batch_run_errors (
    run_id   UUID    NOT NULL REFERENCES batch_runs (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    message  TEXT    NOT NULL,
    PRIMARY KEY (run_id, position)
);
