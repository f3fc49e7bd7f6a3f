-- A campaign still holds the share of yesterday's last round when the day begins, until today's first round. One
-- that stops serving before that round has spent today under the share, and what it used beyond its own budget
-- counts against today's pool like that of one given its share today; one given its own budget back while still
-- serving (alone in its currency) spends that budget from then on, and took nothing from today's pool. serving says
-- whether the campaign was serving when the change was made. Rows written before this version have none; they are
-- read as made while serving, so a share carried into the day and then given back by such a row counts as before.
ALTER TABLE ad_allocation_changes ADD COLUMN serving BOOLEAN;
