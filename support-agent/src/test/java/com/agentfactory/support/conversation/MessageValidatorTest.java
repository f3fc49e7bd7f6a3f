package com.agentfactory.support.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentfactory.messaging.error.FailureKind;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class MessageValidatorTest {

    @Test
    void acceptsOrdinaryMultilineTextWithEmoji() {
        assertThatCode(() -> MessageValidator.validate("text", "Hello,\n\twhere is my order? 📦", 100))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesBlankTextAsInvalidInputNamingTheField() {
        assertThatThrownBy(() -> MessageValidator.validate("message", "  \n ", 100))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.INVALID_INPUT);
                    assertThat(e.errors()).extracting(FieldErrorDetail::field).containsExactly("message");
                });
    }

    @Test
    void refusesTextOverTheConfiguredLength() {
        assertThatThrownBy(() -> MessageValidator.validate("text", "a".repeat(101), 100))
                .hasMessageContaining("at most 100 characters");
    }

    @Test
    void refusesBinaryContentAsARuleViolation() {
        assertThatThrownBy(() -> MessageValidator.validate("text", "PK\u0003\u0004\u0000\u0000binary", 100))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.RULE_VIOLATION));
    }

    @Test
    void refusesLoneSurrogatesAsARuleViolation() {
        assertThatThrownBy(() -> MessageValidator.validate("text", "Hello \uD800 there", 100))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.RULE_VIOLATION));
    }
}
