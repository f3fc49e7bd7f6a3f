-- A journey belongs to at most one campaign, so a campaign's KPIs and revenue are those of its journeys. Existing
-- journeys (and the shipped examples) belong to none. Campaigns are never deleted, only archived, so the reference
-- needs no ON DELETE rule.
ALTER TABLE journeys ADD COLUMN campaign_id UUID REFERENCES campaigns (id);

-- a campaign's KPIs start from its journeys
CREATE INDEX journeys_campaign_idx ON journeys (campaign_id) WHERE campaign_id IS NOT NULL;
