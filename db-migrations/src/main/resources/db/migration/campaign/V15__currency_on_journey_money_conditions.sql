-- A journey condition on money now names the currency of its amount ({"field": "total_spent", "operator": "gt",
-- "value": 500, "currency": "GBP"}), compares only money in that currency (what the customer paid in it, or a cart in
-- it), and one without a currency is refused. The journeys stored before had bare amounts in their trigger conditions
-- and condition steps, compared with each customer's spend or cart in whatever currency that was; their authors meant
-- the shop's currency, so that is written into them, once, here, as V14 did for segment rules: every stored journey
-- then reads like a new one, and no default currency stays behind at read time that a later setting could silently
-- change the meaning of. The shop's currency is the one most of the orders the read model knows were in (GBP for the
-- Online Retail data); GBP, the currency the platform is configured and demonstrated in, before any order is known.
CREATE FUNCTION journey_check_in_currency(check_ JSONB, currency TEXT) RETURNS JSONB
    LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF jsonb_typeof(check_) = 'object'
       AND check_ ->> 'field' IN ('total_spent', 'cart_value')
       AND check_ -> 'currency' IS NULL THEN
        RETURN check_ || jsonb_build_object('currency', currency);
    END IF;
    RETURN check_;
END
$$;

CREATE FUNCTION journey_in_currency(definition JSONB, currency TEXT) RETURNS JSONB
    LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    result JSONB := definition;
BEGIN
    IF jsonb_typeof(definition -> 'trigger' -> 'conditions') = 'array' THEN
        result := jsonb_set(result, '{trigger,conditions}', (
            SELECT coalesce(jsonb_agg(journey_check_in_currency(condition, currency) ORDER BY position), '[]'::jsonb)
              FROM jsonb_array_elements(definition -> 'trigger' -> 'conditions')
                   WITH ORDINALITY AS conditions(condition, position)));
    END IF;
    IF jsonb_typeof(definition -> 'steps') = 'array' THEN
        -- only a condition step compares its field; one with a named check ignores it
        result := jsonb_set(result, '{steps}', (
            SELECT coalesce(jsonb_agg(CASE
                                 WHEN jsonb_typeof(step) = 'object'
                                      AND step ->> 'type' = 'condition'
                                      AND step -> 'check' IS NULL
                                     THEN journey_check_in_currency(step, currency)
                                 ELSE step
                             END ORDER BY position), '[]'::jsonb)
              FROM jsonb_array_elements(definition -> 'steps') WITH ORDINALITY AS steps(step, position)));
    END IF;
    RETURN result;
END
$$;

CREATE TEMPORARY TABLE shop_currency AS
SELECT coalesce(
           (SELECT currency FROM customer_orders GROUP BY currency ORDER BY count(*) DESC, currency LIMIT 1),
           'GBP') AS currency;

-- only journeys holding a money condition are rewritten; the others keep the text they were saved with
UPDATE journeys
   SET definition = journey_in_currency(definition::jsonb, (SELECT currency FROM shop_currency))::text
 WHERE journey_in_currency(definition::jsonb, (SELECT currency FROM shop_currency)) <> definition::jsonb;

DROP TABLE shop_currency;
DROP FUNCTION journey_in_currency(JSONB, TEXT);
DROP FUNCTION journey_check_in_currency(JSONB, TEXT);
