package com.agentfactory.messaging.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PriorityTest {

    @ParameterizedTest
    @CsvSource({"1,LOW", "3,LOW", "4,NORMAL", "5,NORMAL", "7,NORMAL", "8,HIGH", "10,HIGH"})
    void mapsEveryPriorityToItsBand(int priority, Priority band) {
        assertThat(Priority.bandOf(priority)).isEqualTo(band);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 11, -5})
    void rejectsPrioritiesOutsideTheScale(int priority) {
        assertThatThrownBy(() -> Priority.bandOf(priority)).isInstanceOf(IllegalArgumentException.class);
    }
}
