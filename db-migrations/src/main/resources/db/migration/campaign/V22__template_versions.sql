-- A template's version, raised by each save: a save may name the version it was edited from (If-Match), so that
-- one made from a copy read before a colleague's save is refused instead of silently replacing it.
ALTER TABLE message_templates ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
