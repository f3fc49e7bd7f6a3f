package com.agentfactory.ad.privacy;

import com.agentfactory.ad.delivery.ErasedCustomers;
import com.agentfactory.messaging.privacy.PersonalData;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ads a customer was shown, clicked and bought from. An erasure leaves the impressions under no customer: spend,
 * clicks and conversions stay counted for the campaigns' figures and pacing, and a click or conversion reported
 * afterwards is recorded without a touchpoint, as for an impression never shown to a known customer. A pseudonym
 * would be taken for a customer and reported as one. The customer's id is kept as erased, so the wins of bids made
 * for them that come afterwards are recorded under no customer.
 */
@Component
class AdPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;
    private final ErasedCustomers erased;

    AdPersonalData(JdbcTemplate jdbc, ErasedCustomers erased) {
        this.jdbc = jdbc;
        this.erased = erased;
    }

    @Override
    public PersonalData export(UUID customerId) {
        // the id kept in erased_customers is not exported: it records the erasure, as the privacy coordinator's
        // requests do, and names nothing else of the person (the campaign and inventory agents keep theirs alike)
        return PersonalData.of(
                "ad_impressions",
                jdbc.queryForList(
                        "SELECT bid_id, campaign_id, won_at, clicked_at, converted_at, conversion_value"
                                + " FROM ad_impressions WHERE customer_id = ? ORDER BY won_at",
                        customerId));
    }

    @Override
    public long erase(UUID customerId) {
        // first, under the customer's lock that a win naming them takes before it records the impression: one being
        // recorded commits before the id is removed, one that comes later finds the customer erased
        erased.erase(customerId);
        return jdbc.update("UPDATE ad_impressions SET customer_id = NULL WHERE customer_id = ?", customerId);
    }
}
