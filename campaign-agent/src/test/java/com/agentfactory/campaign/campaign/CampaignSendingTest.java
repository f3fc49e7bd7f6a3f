package com.agentfactory.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.campaign.campaign.CampaignSending.Permission;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CampaignSendingTest {

    @ParameterizedTest(name = "a campaign in {0}: {1}")
    @CsvSource({
        "PLAN, HELD",
        "CREATE, HELD",
        "TEST, HELD",
        "LAUNCH, OPEN",
        "OPTIMISE, OPEN",
        "MONITOR, OPEN",
        "PAUSED, HELD",
        "ANALYSE, CLOSED",
        "REPORT, CLOSED",
        "ARCHIVE, CLOSED"
    })
    void sendsOnlyWhileRunningHoldsWhileItMayStillSendAndClosesOnceItCannot(CampaignState state, Permission expected) {
        assertThat(CampaignSending.permissionIn(state)).isEqualTo(expected);
    }
}
