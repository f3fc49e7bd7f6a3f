-- During a rolling deploy, an instance from before V9 books a receipt by setting the status alone: it refunded every
-- authorised unit, and wrote no refunded amount or quantities, which V9's check refuses (a 500 to the desk). Filled
-- here as that instance refunded (in full), so its receipt is stored and later returns count it as returned.
CREATE FUNCTION return_received_in_full() RETURNS trigger AS $$
BEGIN
    IF NEW.status = 'RECEIVED' AND NEW.refunded_amount IS NULL THEN
        NEW.refunded_amount := NEW.refund_amount;
        UPDATE return_authorisation_lines
        SET received_quantity = quantity, refunded_quantity = quantity
        WHERE return_id = NEW.return_id AND received_quantity IS NULL;
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER return_authorisations_received_in_full
    BEFORE UPDATE OF status ON return_authorisations
    FOR EACH ROW EXECUTE FUNCTION return_received_in_full();
