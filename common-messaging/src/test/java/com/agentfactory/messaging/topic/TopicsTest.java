package com.agentfactory.messaging.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentfactory.messaging.envelope.Priority;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void namesTaskTopicsPerAgentAndBandHighestFirst() {
        assertThat(Topics.agentTasks("support", Priority.HIGH)).isEqualTo("agent.tasks.support.high");
        assertThat(Topics.agentTaskTopics("inventory"))
                .containsExactly(
                        "agent.tasks.inventory.high", "agent.tasks.inventory.normal", "agent.tasks.inventory.low");
    }

    @Test
    void deadLettersGoToTheTopicWithTheDltSuffix() {
        assertThat(Topics.deadLetter("agent.tasks.ad.low")).isEqualTo("agent.tasks.ad.low.dlt");
    }

    @Test
    void rejectsAgentTypesThatWouldMakeStrangeTopicNames() {
        assertThatThrownBy(() -> Topics.agentTasks("Support Agent", Priority.LOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.agentTasks("../x", Priority.LOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
