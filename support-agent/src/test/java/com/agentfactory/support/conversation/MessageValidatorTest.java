package com.agentfactory.support.conversation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageValidatorTest {

    @Test
    void acceptsOrdinaryMultilineTextWithEmoji() {
        assertThatCode(() -> MessageValidator.validate("Hello,\n\twhere is my order? 📦", 100))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesBlankText() {
        assertThatThrownBy(() -> MessageValidator.validate("  \n ", 100))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("text");
                    org.assertj.core.api.Assertions.assertThat(e.unprocessable())
                            .isFalse();
                });
    }

    @Test
    void refusesTextOverTheConfiguredLength() {
        assertThatThrownBy(() -> MessageValidator.validate("a".repeat(101), 100))
                .hasMessageContaining("at most 100 characters");
    }

    @Test
    void refusesBinaryContentAsUnprocessable() {
        assertThatThrownBy(() -> MessageValidator.validate("PK\u0003\u0004\u0000\u0000binary", 100))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> org.assertj.core.api.Assertions.assertThat(
                                e.unprocessable())
                        .isTrue());
    }

    @Test
    void refusesLoneSurrogatesAsUnprocessable() {
        assertThatThrownBy(() -> MessageValidator.validate("Hello \uD800 there", 100))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> org.assertj.core.api.Assertions.assertThat(
                                e.unprocessable())
                        .isTrue());
    }
}
