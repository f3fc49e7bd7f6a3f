package com.agentfactory.supervisor.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.runtime.AgentIds;
import com.agentfactory.supervisor.capability.TaskTypeCatalogMother;
import com.agentfactory.supervisor.registry.AgentRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TaskRouterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AgentRegistry registry = new AgentRegistryFactory().create(AgentRegistryMother.properties());
    private final TaskRouter router = new TaskRouter(
            registry,
            TaskTypeCatalogMother.announcing(AgentRegistryMother.announcedTaskTypes()),
            new KeywordClassifier(registry),
            new RoutingProperties(0.6, List.of("general")));

    @Test
    void routesAKnownTaskTypeByTheRoutingTable() {
        RoutingDecision decision = router.route("fixture-purchase-order", null, input("anything"));

        assertThat(decision.method()).isEqualTo(RoutingMethod.ROUTING_TABLE);
        assertThat(decision.agent().type()).isEqualTo("inventory");
        assertThat(decision.confidence()).isEqualByComparingTo("1.000");
    }

    @Test
    void classifiesContentWithTwoUnopposedKeywordsWithFullConfidence() {
        RoutingDecision decision = router.route(null, null, input("Where is my order? I want a refund."));

        assertThat(decision.method()).isEqualTo(RoutingMethod.CLASSIFIED);
        assertThat(decision.agent().type()).isEqualTo("support");
        assertThat(decision.taskType()).isEqualTo("answer-customer-message");
        assertThat(decision.confidence()).isEqualByComparingTo("1.000");
        assertThat(decision.reason()).contains("order").contains("refund");
    }

    @Test
    void routesOnASingleUnopposedKeywordAboveTheThreshold() {
        RoutingDecision decision = router.route("general", null, input("check the delivery"));

        assertThat(decision.method()).isEqualTo(RoutingMethod.CLASSIFIED);
        assertThat(decision.confidence()).isEqualByComparingTo("0.750");
    }

    @Test
    void escalatesWhenKeywordsOfTwoAgentsTie() {
        RoutingDecision decision = router.route(null, null, input("refund the stock"));

        assertThat(decision.method()).isEqualTo(RoutingMethod.ESCALATED);
        assertThat(decision.agent()).isNull();
        assertThat(decision.confidence().doubleValue()).isLessThan(0.6);
        assertThat(decision.reason()).contains("below threshold 0.6");
    }

    @Test
    void escalatesWhenNothingMatches() {
        RoutingDecision decision = router.route(null, null, input("hello there"));

        assertThat(decision.method()).isEqualTo(RoutingMethod.ESCALATED);
        assertThat(decision.confidence()).isEqualByComparingTo("0.000");
    }

    @Test
    void matchesWholeWordsOnlyAndReadsNestedText() {
        JsonNode nested = JSON.readTree("{\"ticket\": {\"lines\": [\"the REORDER point\", \"of the warehouse\"]}}");

        assertThat(router.route(null, null, nested).reason()).contains("point to inventory");
        assertThat(router.route(null, null, input("ordering restocked")).method())
                .isEqualTo(RoutingMethod.ESCALATED);
    }

    @Test
    void ignoresKeywordsOfInactiveAgents() {
        assertThat(router.route(null, null, input("campaign newsletter")).method())
                .isEqualTo(RoutingMethod.ESCALATED);
    }

    @Test
    void rejectsAnUnknownTaskTypeAndAnInactiveAgent() {
        assertThatThrownBy(() -> router.route("paint-the-warehouse", null, input("x")))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("unknown task type");
        assertThatThrownBy(() -> router.route("fixture-campaign-plan", null, input("x")))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("not active");
    }

    @Test
    void namesTheKnownTaskTypesWhenRefusingAnUnknownOne() {
        assertThatThrownBy(() -> router.route("forecast-weather", null, input("x")))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining(
                        "known types: [answer-customer-message, check-budget, fixture-campaign-plan, fixture-forecast");
    }

    @Test
    void requiresAnAgentForATaskTypeEveryAgentAnnounces() {
        assertThatThrownBy(() -> router.route("health-check", null, input("x")))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("name one with agent_id");
    }

    @Test
    void escalatesContentClassifiedToAnAgentWithoutAnAnnouncedDefaultTaskType() {
        RoutingDecision noDefault = router.route(null, null, input("reorder the stock in the warehouse"));
        RoutingDecision defaultNotAnnounced = router.route(null, null, input("budget and revenue"));

        assertThat(noDefault.method()).isEqualTo(RoutingMethod.ESCALATED);
        assertThat(noDefault.reason()).contains("inventory has no default task type");
        assertThat(defaultNotAnnounced.method()).isEqualTo(RoutingMethod.ESCALATED);
        assertThat(defaultNotAnnounced.reason())
                .contains("has not announced its default task type 'fixture-reconcile'");
    }

    @Test
    void sendsToTheNamedAgentOnlyTaskTypesItHandles() {
        var support = AgentIds.forType("support");

        assertThat(router.route("health-check", support, input("x")).method()).isEqualTo(RoutingMethod.EXPLICIT_AGENT);
        assertThat(router.route(null, support, input("x")).taskType()).isEqualTo("answer-customer-message");
        assertThatThrownBy(() -> router.route("fixture-forecast", support, input("x")))
                .isInstanceOf(RuleViolationException.class);
    }

    private static JsonNode input(String text) {
        return JSON.createObjectNode().put("message", text);
    }
}
