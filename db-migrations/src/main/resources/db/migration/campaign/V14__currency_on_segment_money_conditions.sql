-- A segment condition on money now names the currency of its amount ({"field": "total_spent", "op": "gt",
-- "value": 500, "currency": "GBP"}), and one without a currency is refused. The saved rules and campaign rules written
-- before had bare amounts, which were compared with each customer's spend in whatever currency that was; their authors
-- meant the shop's currency, so that is written into them, once, here: every stored rule then reads like a new one,
-- and no default currency stays behind at read time that a later setting could silently change the meaning of.
-- The shop's currency is the one most of the orders the read model knows were in (GBP for the Online Retail data);
-- GBP, the currency the platform is configured and demonstrated in, before any order is known.
CREATE FUNCTION segment_rule_in_currency(rule JSONB, currency TEXT) RETURNS JSONB
    LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    group_key TEXT;
BEGIN
    IF jsonb_typeof(rule) <> 'object' THEN
        RETURN rule;
    END IF;
    FOREACH group_key IN ARRAY ARRAY['and', 'or'] LOOP
        IF jsonb_typeof(rule -> group_key) = 'array' THEN
            -- a saved group has its one key only, so the group is rebuilt from its members in their order
            RETURN jsonb_build_object(group_key, (
                SELECT coalesce(jsonb_agg(segment_rule_in_currency(member, currency) ORDER BY position), '[]'::jsonb)
                  FROM jsonb_array_elements(rule -> group_key) WITH ORDINALITY AS members(member, position)));
        END IF;
    END LOOP;
    IF rule ->> 'field' = 'total_spent' AND rule -> 'currency' IS NULL THEN
        RETURN rule || jsonb_build_object('currency', currency);
    END IF;
    RETURN rule;
END
$$;

CREATE TEMPORARY TABLE shop_currency AS
SELECT coalesce(
           (SELECT currency FROM customer_orders GROUP BY currency ORDER BY count(*) DESC, currency LIMIT 1),
           'GBP') AS currency;

-- only rules holding a money condition are rewritten; the others keep the text they were saved with
UPDATE segments
   SET rule = segment_rule_in_currency(rule::jsonb, (SELECT currency FROM shop_currency))::text
 WHERE segment_rule_in_currency(rule::jsonb, (SELECT currency FROM shop_currency)) <> rule::jsonb;

UPDATE campaigns
   SET segment_rule = segment_rule_in_currency(segment_rule::jsonb, (SELECT currency FROM shop_currency))::text
 WHERE segment_rule IS NOT NULL
   AND segment_rule_in_currency(segment_rule::jsonb, (SELECT currency FROM shop_currency)) <> segment_rule::jsonb;

DROP TABLE shop_currency;
DROP FUNCTION segment_rule_in_currency(JSONB, TEXT);
