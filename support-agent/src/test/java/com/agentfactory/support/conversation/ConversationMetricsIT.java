package com.agentfactory.support.conversation;

import static com.agentfactory.support.testdata.Messages.SHIPPING_TO_SPAIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.support.testdata.SupportApi.As;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The running agent registers its domain metrics in the registry the metrics endpoint exports. */
class ConversationMetricsIT extends SupportIntegrationTest {

    @Autowired
    MeterRegistry registry;

    @Test
    void registersAnswersEscalationsByReasonAndIntentConfidence() {
        var reply = api.say(SHIPPING_TO_SPAIN, null, As.customer(vipCustomer()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(registry.get(ConversationMetrics.ANSWERS)
                        .tags("source", "handover", "channel", "chat")
                        .counter()
                        .count())
                .isPositive();
        assertThat(registry.get(ConversationMetrics.ESCALATIONS)
                        .tag("reason", "VIP_CUSTOMER")
                        .counter()
                        .count())
                .isPositive();
        assertThat(registry.get(ConversationMetrics.INTENT_CONFIDENCE).summary().count())
                .isPositive();
    }
}
