package com.agentfactory.ad.privacy;

import com.agentfactory.messaging.privacy.PersonalData;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ads a customer was shown, clicked and bought from. An erasure replaces the customer with a pseudonym: spend,
 * clicks and conversions stay counted for the campaigns' figures and pacing.
 */
@Component
class AdPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    AdPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public PersonalData export(UUID customerId) {
        return PersonalData.of(
                "ad_impressions",
                jdbc.queryForList(
                        "SELECT bid_id, campaign_id, won_at, clicked_at, converted_at, conversion_value"
                                + " FROM ad_impressions WHERE customer_id = ? ORDER BY won_at",
                        customerId));
    }

    @Override
    public long erase(UUID customerId) {
        return jdbc.update(
                "UPDATE ad_impressions SET customer_id = ? WHERE customer_id = ?", UUID.randomUUID(), customerId);
    }
}
