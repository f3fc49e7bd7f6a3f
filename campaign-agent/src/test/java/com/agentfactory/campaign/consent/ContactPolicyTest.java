package com.agentfactory.campaign.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.campaign.channel.Channel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContactPolicyTest {

    private static final UUID CUSTOMER = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");

    @Test
    void refusesWithoutARecordedConsent() {
        ContactDecision decision = ContactPolicy.decide(List.of(), List.of(), Channel.EMAIL, NOW);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("no consent");
    }

    @Test
    void allowsTheChannelConsentedToAndNoOther() {
        List<ConsentRecord> consents = List.of(granted(Channel.EMAIL, NOW.minusSeconds(60)));

        assertThat(ContactPolicy.decide(consents, List.of(), Channel.EMAIL, NOW).allowed())
                .isTrue();
        assertThat(ContactPolicy.decide(consents, List.of(), Channel.SMS, NOW).allowed())
                .isFalse();
    }

    @Test
    void refusesAWithdrawnConsentSayingWhenAndWhere() {
        ConsentRecord withdrawn =
                new ConsentRecord(CUSTOMER, Channel.SMS, false, "preference-page", "customer", NOW.minusSeconds(5));

        ContactDecision decision = ContactPolicy.decide(List.of(withdrawn), List.of(), Channel.SMS, NOW);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("withdrawn").contains("preference-page");
    }

    @Test
    void aSuppressionBeatsAConsent() {
        List<ConsentRecord> consents = List.of(granted(Channel.EMAIL, NOW.minusSeconds(60)));
        List<Suppression> suppressions = List.of(new Suppression(CUSTOMER, "email", "hard bounce", "ops", NOW));

        ContactDecision decision = ContactPolicy.decide(consents, suppressions, Channel.EMAIL, NOW);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("hard bounce");
    }

    @Test
    void aSuppressionOfAllChannelsCoversEachOne() {
        List<ConsentRecord> consents = List.of(granted(Channel.PUSH, NOW.minusSeconds(60)));
        List<Suppression> suppressions = List.of(new Suppression(CUSTOMER, "all", "legal hold", "ops", NOW));

        assertThat(ContactPolicy.decide(consents, suppressions, Channel.PUSH, NOW)
                        .allowed())
                .isFalse();
    }

    @Test
    void aConsentRecordedForLaterIsNotYetInForce() {
        List<ConsentRecord> consents = List.of(granted(Channel.EMAIL, NOW.plusSeconds(3600)));

        assertThat(ContactPolicy.decide(consents, List.of(), Channel.EMAIL, NOW).allowed())
                .isFalse();
    }

    private static ConsentRecord granted(Channel channel, Instant at) {
        return new ConsentRecord(CUSTOMER, channel, true, "checkout", "test-user", at);
    }
}
