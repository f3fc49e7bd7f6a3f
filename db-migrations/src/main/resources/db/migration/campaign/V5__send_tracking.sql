-- What became of a delivered send: opened (tracking pixel) and clicked (redirect link). One row per send and kind,
-- with how often it happened; the first occurrence is what is reported to finance as a touchpoint.
CREATE TABLE send_events (
    send_id     UUID          NOT NULL REFERENCES sends (id),
    kind        VARCHAR(16)   NOT NULL,
    customer_id UUID          NOT NULL,
    journey_id  UUID,
    channel     VARCHAR(16)   NOT NULL,
    url         VARCHAR(2000),
    occurrences INTEGER       NOT NULL DEFAULT 1,
    first_at    TIMESTAMPTZ   NOT NULL,
    last_at     TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (send_id, kind),
    CONSTRAINT send_events_kind CHECK (kind IN ('opened', 'clicked'))
);

CREATE INDEX send_events_journey_idx ON send_events (journey_id, kind);
CREATE INDEX sends_journey_status_idx ON sends (journey_id, status);
