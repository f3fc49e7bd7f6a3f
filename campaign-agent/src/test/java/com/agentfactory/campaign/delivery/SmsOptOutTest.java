package com.agentfactory.campaign.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsOptOutTest {

    @Test
    void endsATextWithHowToStopTexts() {
        assertThat(SmsOptOut.appendTo("Your cart is waiting.  "))
                .isEqualTo("Your cart is waiting. Reply STOP to opt out");
    }

    @Test
    void doesNotSayItTwiceWhenTheTemplateAlreadySaysHowToStop() {
        assertThat(SmsOptOut.appendTo("Your cart is waiting. Text STOP to 12345 to end these"))
                .isEqualTo("Your cart is waiting. Text STOP to 12345 to end these");
    }

    @Test
    void addsItWhenTheTextMentionsStopWithoutSayingHowToStop() {
        assertThat(SmsOptOut.appendTo("Don't STOP shopping")).isEqualTo("Don't STOP shopping Reply STOP to opt out");
    }
}
