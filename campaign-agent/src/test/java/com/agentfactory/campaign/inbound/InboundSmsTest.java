package com.agentfactory.campaign.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InboundSmsTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();
    private static final NationalNumbering BRITISH = NationalNumbering.of("GB");
    private static final NationalNumbering GERMAN = NationalNumbering.of("DE");
    private static final NationalNumbering AMERICAN = NationalNumbering.of("US");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "+447400123456",
                "447400123456",
                "00447400123456",
                "+44 7400 123-456",
                "(0044) 7400.123456",
                "07400 123456",
                "07400123456",
                "7400 123456"
            })
    void readsTheSendersNumberAsE164HoweverTheProviderWritesIt(String from) {
        InboundSms sms = new InboundSms("SM1", from, "STOP").readWith(BRITISH);

        assertThat(sms.from()).isEqualTo("+447400123456");
        assertThat(VALIDATOR.validate(sms)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00", "0", "+0447700900123", "shop", "+44 7700 9OO123", "0770090012345"})
    void refusesANumberThatIsNoPhoneNumber(String from) {
        InboundSms sms = new InboundSms("SM1", from, "STOP").readWith(BRITISH);

        assertThat(VALIDATOR.validate(sms))
                .extracting(violation -> violation.getPropertyPath().toString())
                .containsOnly("from");
    }

    @ParameterizedTest
    // a London landline, an American number without its country code (also London's), no mobile at all
    @ValueSource(strings = {"2025550123", "(202) 555-0123", "002025550123", "07700900123", "0012345678"})
    void refusesANumberWithoutItsPlusThatReadsAsNoMobileNumber(String from) {
        InboundSms sms = new InboundSms("SM1", from, "STOP").readWith(BRITISH);

        assertThat(sms.from()).doesNotStartWith("+");
        assertThat(VALIDATOR.validate(sms))
                .extracting(violation -> violation.getPropertyPath().toString())
                .containsOnly("from");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12025550123", "0012025550123", "+2025550123"})
    void readsANumberAsInternationalWhenItsCountryCodeIsThereOrItsPlusIsWritten(String from) {
        InboundSms sms = new InboundSms("SM1", from, "STOP").readWith(BRITISH);

        assertThat(sms.from()).isEqualTo(from.startsWith("+") ? from : "+12025550123");
        assertThat(VALIDATOR.validate(sms)).isEmpty();
    }

    @ParameterizedTest
    // a German mobile without its trunk 0 is also an American number
    @ValueSource(strings = {"15123456789", "1512 3456789"})
    void refusesDigitsThatReadAsAMobileOfTheStoresCountryAndAsAnotherCountrysNumber(String from) {
        InboundSms sms = new InboundSms("SM1", from, "STOP").readWith(GERMAN);

        assertThat(sms.from()).as("never +1 512... or another country's number").doesNotStartWith("+");
        assertThat(VALIDATOR.validate(sms))
                .extracting(violation -> violation.getPropertyPath().toString())
                .containsOnly("from");
    }

    @Test
    void givesEveryMobileNumberDigitsCanBeReadAsAndNoneForANumberThatIsNoMobile() {
        assertThat(GERMAN.readings("1512 3456789")).containsExactlyInAnyOrder("+4915123456789", "+15123456789");
        assertThat(GERMAN.readings("+49 151 23456789")).containsExactly("+4915123456789");
        assertThat(BRITISH.readings("(202) 555-0123")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4915123456789", "004915123456789", "0151 23456789", "+49 151 23456789"})
    void readsAGermanMobileWithItsCountryCodeOrTrunkPrefixInAGermanStore(String from) {
        assertThat(GERMAN.international(from)).contains("+4915123456789");
    }

    @ParameterizedTest
    @CsvSource({
        "GB, 07400 123456, +447400123456",
        "DE, 0151 23456789, +4915123456789",
        "DE, +49 151 23456789, +4915123456789",
        "US, 1 (202) 555-0123, +12025550123",
        "US, 447400123456, +447400123456",
        "US, 2025550123, +12025550123",
        "FR, 06 12 34 56 78, +33612345678"
    })
    void readsANationalNumberWithItsTrunkPrefixAsANumberOfTheStoresCountry(
            String region, String from, String international) {
        InboundSms sms = new InboundSms("SM1", from, "STOP").readWith(NationalNumbering.of(region));

        assertThat(sms.from()).isEqualTo(international);
        assertThat(VALIDATOR.validate(sms)).isEmpty();
    }

    @Test
    void readsTenDigitsInNorthAmericaAsANationalNumberThere() {
        assertThat(AMERICAN.international("(202) 555-0123")).contains("+12025550123");
    }

    @Test
    void refusesARegionItDoesNotKnowTheNumberingOf() {
        assertThatThrownBy(() -> NationalNumbering.of("XX"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XX");
    }

    @Test
    void leavesAMissingNumberMissing() {
        assertThat(new InboundSms("SM1", null, "STOP").readWith(BRITISH).from()).isNull();
    }
}
