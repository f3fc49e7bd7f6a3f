package com.agentfactory.messaging.topic;

import com.agentfactory.messaging.envelope.Priority;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Every Kafka topic name in the platform, in one place (specification 004 §7.3). */
public final class Topics {

    /** Task status changes and heartbeats reported by agents; read by the supervisor and finance. */
    public static final String AGENT_EVENTS = "agent.events";

    /**
     * Each agent type's task types with their input and output schemas ({@code AgentCapabilities}), keyed by
     * agent type on a compacted topic, so the supervisor can always read the latest of every type.
     */
    public static final String AGENT_CAPABILITIES = "agent.capabilities";

    /** Agents' contacts with customers ({@code CustomerContacted}), read by finance for revenue attribution. */
    public static final String AGENT_TOUCHPOINTS = "agent.touchpoints";

    /** Customers' export and erasure requests ({@code PrivacyRequested}), read by every service holding their data. */
    public static final String PRIVACY_REQUESTS = "privacy.requests";

    /** Each service's answer to a privacy request ({@code PrivacyReported}), read by the supervisor's coordinator. */
    public static final String PRIVACY_REPORTS = "privacy.reports";

    /**
     * Customers' finance segments as they are first assigned or change ({@code CustomerSegmentChanged}), keyed by
     * customer so one customer's changes stay in order; read by the campaign agent's customer read model.
     */
    public static final String FINANCE_SEGMENTS = "finance.segments";

    /**
     * Returns the support agent authorised ({@code return_authorised}) and received ({@code ReturnReceived}), keyed
     * by order; finance refunds the received ones.
     */
    public static final String SUPPORT_RETURNS = "support.returns";

    public static final String COMMERCE_PRODUCTS = "commerce.products";
    public static final String COMMERCE_CUSTOMERS = "commerce.customers";
    public static final String COMMERCE_ORDERS = "commerce.orders";
    public static final String COMMERCE_BEHAVIOUR = "commerce.behaviour";

    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private static final String AGENT_TASKS_PREFIX = "agent.tasks.";
    private static final Pattern AGENT_TYPE = Pattern.compile("^[a-z][a-z0-9-]{0,48}$");

    private Topics() {}

    /** The task topic of an agent type for one priority band, for example {@code agent.tasks.support.high}. */
    public static String agentTasks(String agentType, Priority band) {
        if (agentType == null || !AGENT_TYPE.matcher(agentType).matches()) {
            throw new IllegalArgumentException(
                    "agent type must be lower-case letters, digits and dashes: " + agentType);
        }
        return AGENT_TASKS_PREFIX + agentType + "." + band.topicSuffix();
    }

    /** The three band topics of an agent type, highest band first. */
    public static List<String> agentTaskTopics(String agentType) {
        return Arrays.stream(Priority.values())
                .map(band -> agentTasks(agentType, band))
                .toList();
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    public static List<String> commerceTopics() {
        return List.of(COMMERCE_PRODUCTS, COMMERCE_CUSTOMERS, COMMERCE_ORDERS, COMMERCE_BEHAVIOUR);
    }
}
