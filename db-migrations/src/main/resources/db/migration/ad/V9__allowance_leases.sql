-- The part of a day's allowance each replica of the ad agent may promise in bids. Replicas bid from memory and never
-- see each other's bids, so each bids only against its own lease; a lease is granted under the allowance row's lock
-- and only from what the allowance has left beyond every lease still in force, so the bids of all replicas together
-- never promise more than the allowance holds. A win takes its cost off the lease of the replica that bid (named by
-- the bid id's first eight hex digits). A lease counts until it expires: the owner renews it while it runs and stops
-- bidding on it one claim hold before, so a crashed replica's share comes back to the others by itself.
CREATE TABLE ad_allowance_leases (
    campaign_id UUID           NOT NULL,
    day         DATE           NOT NULL,
    replica     VARCHAR(8)     NOT NULL,
    amount      NUMERIC(18, 6) NOT NULL CHECK (amount >= 0),
    expires_at  TIMESTAMPTZ    NOT NULL,
    updated_at  TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (campaign_id, day, replica),
    FOREIGN KEY (campaign_id, day) REFERENCES ad_spend_allowances (campaign_id, day) ON DELETE CASCADE
);

CREATE INDEX ad_allowance_leases_replica_idx ON ad_allowance_leases (replica, day);
