-- A send of a campaign that does not send now (paused, or not launched yet) is held: pending, due at infinity, so the
-- claims' range scan of sends_due_idx never reaches it, however many are held. The dispatcher looks, per journey, for
-- held sends whose campaign sends again and makes them due; this index answers that look without reading them all.
CREATE INDEX sends_held_idx ON sends (journey_id) WHERE status = 'pending' AND next_attempt_at = 'infinity';
