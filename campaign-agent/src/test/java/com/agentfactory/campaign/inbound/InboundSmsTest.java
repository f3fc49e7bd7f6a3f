package com.agentfactory.campaign.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InboundSmsTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    @ParameterizedTest
    @ValueSource(
            strings = {"+447700900123", "447700900123", "00447700900123", "+44 7700 900-123", "(0044) 7700.900123"})
    void readsTheSendersNumberAsE164HoweverTheProviderWritesIt(String from) {
        InboundSms sms = new InboundSms("SM1", from, "STOP");

        assertThat(sms.from()).isEqualTo("+447700900123");
        assertThat(VALIDATOR.validate(sms)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"07700 900123", "07700900123", "", "00", "+0447700900123", "shop", "+44 7700 9OO123"})
    void refusesANumberWhoseCountryIsNotWrittenInIt(String from) {
        InboundSms sms = new InboundSms("SM1", from, "STOP");

        assertThat(VALIDATOR.validate(sms))
                .extracting(violation -> violation.getPropertyPath().toString())
                .containsOnly("from");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025550123", "(202) 555-0123", "002025550123", "7700900123", "0012345678"})
    void refusesANumberWithoutItsPlusWhenItCouldBeANationalNumberWithoutItsTrunkZero(String from) {
        InboundSms sms = new InboundSms("SM1", from, "STOP");

        assertThat(sms.from()).doesNotStartWith("+");
        assertThat(VALIDATOR.validate(sms))
                .extracting(violation -> violation.getPropertyPath().toString())
                .containsOnly("from");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12025550123", "0012025550123", "+2025550123"})
    void readsANumberAsInternationalWhenItsCountryCodeIsThereOrItsPlusIsWritten(String from) {
        InboundSms sms = new InboundSms("SM1", from, "STOP");

        assertThat(sms.from()).isEqualTo(from.startsWith("+") ? from : "+12025550123");
        assertThat(VALIDATOR.validate(sms)).isEmpty();
    }

    @Test
    void leavesAMissingNumberMissing() {
        assertThat(new InboundSms("SM1", null, "STOP").from()).isNull();
    }
}
