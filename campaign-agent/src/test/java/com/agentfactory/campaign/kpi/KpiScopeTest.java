package com.agentfactory.campaign.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class KpiScopeTest {

    private static final UUID ID = UUID.fromString("3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f");

    @Test
    void bindsTheJourneyOrCampaignAsAParameterNeverInTheSql() {
        KpiScope journey = KpiScope.journey(ID);
        KpiScope campaign = KpiScope.campaign(ID);

        assertThat(journey.condition("s.journey_id"))
                .isEqualTo("s.journey_id = ?")
                .doesNotContain(ID.toString());
        assertThat(journey.parameters()).containsExactly(ID);
        assertThat(campaign.condition("s.journey_id"))
                .isEqualTo("s.journey_id IN (SELECT j.id FROM journeys j WHERE j.campaign_id = ?)");
        assertThat(campaign.parameters()).containsExactly(ID);
    }

    @Test
    void countsEverySendForAllWithoutParameters() {
        assertThat(KpiScope.all().condition("journey_id")).isEqualTo("TRUE");
        assertThat(KpiScope.all().parameters()).isEmpty();
    }

    @Test
    void needsAnIdExactlyWhenScopedToOneJourneyOrCampaign() {
        assertThatThrownBy(() -> KpiScope.campaign(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KpiScope(KpiScope.Kind.ALL, ID)).isInstanceOf(IllegalArgumentException.class);
    }
}
