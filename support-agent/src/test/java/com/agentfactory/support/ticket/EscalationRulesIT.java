package com.agentfactory.support.ticket;

import static com.agentfactory.support.testdata.Messages.FURIOUS;
import static com.agentfactory.support.testdata.Messages.RETURNS_POLICY;
import static com.agentfactory.support.testdata.Messages.SHIPPING_TO_SPAIN;
import static com.agentfactory.support.testdata.Messages.THREE_THINGS;
import static com.agentfactory.support.testdata.Messages.VAGUE;
import static com.agentfactory.support.testdata.Messages.lawyer;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.support.escalation.EscalationPolicy;
import com.agentfactory.support.testdata.Storefront;
import com.agentfactory.support.testdata.SupportApi;
import com.agentfactory.support.testdata.SupportApi.As;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import com.agentfactory.support.understanding.MessageAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each escalation rule end to end: the reason is recorded on the ticket and the ticket joins the queue. */
class EscalationRulesIT extends SupportIntegrationTest {

    private static final As AGENT = As.supportAgent("agent-rules");

    @Autowired
    EscalationPolicy policy;

    @Autowired
    MessageAnalyzer analyzer;

    @Test
    void trustsTheTopIntentFromTheIntentModelsStoredThreshold() {
        assertThat(analyzer.outOfScopeThreshold()).isEqualTo(0.7);
        assertThat(policy.minIntentConfidence()).isEqualTo(analyzer.outOfScopeThreshold());
    }

    @Test
    void escalatesWhenTheIntentIsUncertain() {
        assertEscalatedFor(api.say(VAGUE, null, As.customer(UUID.randomUUID())), "LOW_CONFIDENCE");
    }

    @Test
    void escalatesAFrustratedCustomer() {
        assertEscalatedFor(api.say(FURIOUS, null, As.customer(UUID.randomUUID())), "CUSTOMER_FRUSTRATION");
    }

    @Test
    void escalatesAMessageWithMoreThanTwoIntents() {
        assertEscalatedFor(api.say(THREE_THINGS, null, As.customer(UUID.randomUUID())), "COMPLEX_ISSUE");
    }

    @Test
    void escalatesAVipCustomerEvenForAnEasyQuestion() {
        var reply = api.say(SHIPPING_TO_SPAIN, null, As.customer(vipCustomer()));

        assertEscalatedFor(reply, "VIP_CUSTOMER");
        assertThat(reasons(reply)).containsExactly("VIP_CUSTOMER");
    }

    @Test
    void aCustomerCallingThemselvesVipInAHeaderIsAnsweredByTheBotAllTheSame() {
        var reply = api.say(SHIPPING_TO_SPAIN, null, As.claimingTier(UUID.randomUUID(), "VIP"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("escalated").asBoolean()).isFalse();
        assertThat(reasons(reply)).isEmpty();
    }

    @Test
    void escalatesOnTheThirdFailedAttemptInAConversation() {
        As customer = As.customer(UUID.randomUUID());
        var first = api.say(RETURNS_POLICY, null, customer);
        String conversationId = first.text("/conversation_id");
        assertThat(first.body().path("escalated").asBoolean()).isFalse();

        var second = api.say(RETURNS_POLICY, conversationId, customer);
        var third = api.say(RETURNS_POLICY, conversationId, customer);
        var fourth = api.say(RETURNS_POLICY, conversationId, customer);

        assertThat(second.body().path("escalated").asBoolean()).isFalse();
        assertThat(third.body().path("escalated").asBoolean()).isFalse();
        assertEscalatedFor(fourth, "MAX_RETRIES");
    }

    @Test
    void handsOverWhenTheCustomerAsksForAPerson() {
        assertEscalatedFor(
                api.say("I want to speak to a human", null, As.customer(UUID.randomUUID())),
                "CUSTOMER_ASKED_FOR_PERSON");
    }

    @Test
    void escalatesLegalWords() {
        var reply = api.say(lawyer(Storefront.freshOrderNumber()), null, As.customer(UUID.randomUUID()));

        assertEscalatedFor(reply, "COMPLIANCE_REQUIRED");
    }

    @Test
    void putsTheEscalatedTicketInTheQueueWithTranscriptUnderstandingAndSuggestedAnswer() {
        UUID customerId = vipCustomer();
        var reply = api.say(SHIPPING_TO_SPAIN, null, As.customer(customerId));
        String ticketId = reply.text("/ticket_id");

        var queue = api.get("/api/v1/support/escalations?customer_id=" + customerId, AGENT);
        var ticket = api.get("/api/v1/support/tickets/" + ticketId, AGENT);

        assertThat(queue.status()).isEqualTo(200);
        assertThat(ids(queue)).containsExactly(ticketId);
        assertThat(queue.text("/items/0/escalation_reasons/0")).isEqualTo("VIP_CUSTOMER");
        assertThat(queue.text("/pagination/total")).isEqualTo("1");
        assertThat(ticket.text("/status")).isEqualTo("ESCALATED");
        assertThat(ticket.text("/transcript/0/body")).isEqualTo(SHIPPING_TO_SPAIN);
        assertThat(ticket.text("/intents/0/intent")).isEqualTo("shipping_options");
        assertThat(ticket.text("/entities/0/type")).isEqualTo("country");
        assertThat(ticket.text("/suggested_answer")).contains("Spain");
        assertThat(ticket.text("/escalation_reasons/0/reason")).isEqualTo("VIP_CUSTOMER");
    }

    private static void assertEscalatedFor(SupportApi.Response reply, String reason) {
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("escalated").asBoolean()).isTrue();
        assertThat(reply.text("/ticket_status")).isEqualTo("ESCALATED");
        assertThat(reasons(reply)).contains(reason);
        assertThat(reply.text("/reply")).contains("colleague");
    }

    private static List<String> reasons(SupportApi.Response reply) {
        List<String> reasons = new ArrayList<>();
        reply.body()
                .path("escalation_reasons")
                .forEach(r -> reasons.add(r.path("reason").asString()));
        return reasons;
    }

    private static List<String> ids(SupportApi.Response queue) {
        List<String> ids = new ArrayList<>();
        queue.body().path("items").forEach(t -> ids.add(t.path("ticket_id").asString()));
        return ids;
    }
}
