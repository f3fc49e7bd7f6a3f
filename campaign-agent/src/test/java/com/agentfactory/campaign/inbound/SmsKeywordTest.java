package com.agentfactory.campaign.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmsKeywordTest {

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", " Stop\n", "STOPALL", "Unsubscribe", "cancel", "END", "quit\t"})
    void readsEveryOptOutWordWhateverItsCaseAndSpacing(String text) {
        assertThat(SmsKeyword.of(text)).isEqualTo(SmsKeyword.OPT_OUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", " start "})
    void readsStartAsAskingToBeTextedAgain(String text) {
        assertThat(SmsKeyword.of(text)).isEqualTo(SmsKeyword.OPT_IN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Thanks!", "don't stop", "STOP IT", "S T O P", "ENDS"})
    void takesAnyOtherTextForNoKeyword(String text) {
        assertThat(SmsKeyword.of(text)).isEqualTo(SmsKeyword.NONE);
    }
}
