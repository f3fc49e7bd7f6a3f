package com.agentfactory.support.ticket;

import static com.agentfactory.support.testdata.Messages.SHIPPING_TO_SPAIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.support.testdata.SupportApi.As;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A support agent works an escalated ticket: claim, answer, close. */
class SupportDeskIT extends SupportIntegrationTest {

    @Test
    void aSupportAgentClaimsAnswersAndClosesAnEscalatedTicket() {
        UUID customerId = vipCustomer();
        As customer = As.customer(customerId);
        As alice = As.supportAgent("agent-alice");
        As bob = As.supportAgent("agent-bob");
        var escalated = api.say(SHIPPING_TO_SPAIN, null, customer);
        String ticketId = escalated.text("/ticket_id");
        String desk = "/api/v1/support/escalations/" + ticketId;

        var claimed = api.post(desk + "/claim", "", alice);
        var claimedByAnother = api.post(desk + "/claim", "", bob);
        var answered = api.post(desk + "/answer", Map.of("text", "Yes, Spain takes 4 to 8 working days."), alice);
        var followUp = api.say("Thanks! And to Portugal?", escalated.text("/conversation_id"), customer);
        var closed = api.post(desk + "/close", "", alice);

        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.text("/status")).isEqualTo("CLAIMED");
        assertThat(claimed.text("/assigned_to")).isEqualTo("agent-alice");
        assertThat(claimedByAnother.status()).isEqualTo(409);
        assertThat(answered.text("/status")).isEqualTo("ANSWERED");
        assertThat(followUp.text("/ticket_status")).isEqualTo("CLAIMED");
        assertThat(followUp.text("/reply")).contains("colleague will reply");
        assertThat(closed.text("/status")).isEqualTo("CLOSED");
        assertThat(closed.text("/closed_at")).isNotBlank();

        var seenByCustomer = api.get("/api/v1/support/tickets/" + ticketId, customer);
        assertThat(seenByCustomer.status()).isEqualTo(200);
        assertThat(authors(seenByCustomer)).containsExactly("CUSTOMER", "BOT", "AGENT", "CUSTOMER", "BOT");
        assertThat(seenByCustomer.text("/transcript/2/body")).contains("4 to 8 working days");
        assertThat(seenByCustomer.body().path("suggested_answer").isNull()).isTrue();
    }

    @Test
    void answeringATicketNobodyClaimedIsAConflict() {
        var escalated = api.say(SHIPPING_TO_SPAIN, null, As.customer(vipCustomer()));

        var answered = api.post(
                "/api/v1/support/escalations/" + escalated.text("/ticket_id") + "/answer",
                Map.of("text", "Hello"),
                As.supportAgent("agent-carol"));

        assertThat(answered.status()).isEqualTo(409);
    }

    @Test
    void onlySupportAgentsSeeTheQueueOrActOnTickets() {
        As customer = As.customer(vipCustomer());
        var escalated = api.say(SHIPPING_TO_SPAIN, null, customer);

        assertThat(api.get("/api/v1/support/escalations", customer).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/support/escalations/" + escalated.text("/ticket_id") + "/claim", "", customer)
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/support/tickets/" + escalated.text("/ticket_id"), As.customer(UUID.randomUUID()))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void refusesAnEmptyAgentAnswerWithTheFieldAtFault() {
        var escalated = api.say(SHIPPING_TO_SPAIN, null, As.customer(vipCustomer()));
        As dave = As.supportAgent("agent-dave");
        api.post("/api/v1/support/escalations/" + escalated.text("/ticket_id") + "/claim", "", dave);

        var answered = api.post(
                "/api/v1/support/escalations/" + escalated.text("/ticket_id") + "/answer", Map.of("text", " "), dave);

        assertThat(answered.status()).isEqualTo(400);
        assertThat(answered.errorFields()).containsExactly("text");
    }

    private static List<String> authors(com.agentfactory.support.testdata.SupportApi.Response ticket) {
        List<String> authors = new ArrayList<>();
        ticket.body()
                .path("transcript")
                .forEach(m -> authors.add(m.path("author").asString()));
        return authors;
    }
}
