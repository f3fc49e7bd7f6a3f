package com.agentfactory.support.chat;

import static com.agentfactory.support.testdata.Messages.RETURNS_POLICY;
import static com.agentfactory.support.testdata.Messages.SHIPPING_TO_SPAIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.support.testdata.SupportApi.As;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A customer reaches only their own conversations and tickets; those without a customer owner are staff-only, and
 * other staff and service clients reach none.
 */
class ConversationOwnershipIT extends SupportIntegrationTest {

    private static final As DESK = As.supportAgent("agent-ownership");

    @Test
    void customerReadsAndContinuesTheirOwnConversationAndTicket() {
        As owner = As.customer(UUID.randomUUID());
        var started = api.say(SHIPPING_TO_SPAIN, null, owner);

        var read = api.get(conversation(started.text("/conversation_id")), owner);
        var ticket = api.get("/api/v1/support/tickets/" + started.text("/ticket_id"), owner);
        var continued = api.say(RETURNS_POLICY, started.text("/conversation_id"), owner);

        assertThat(read.status()).isEqualTo(200);
        assertThat(ticket.status()).isEqualTo(200);
        assertThat(continued.status()).isEqualTo(200);
        assertThat(continued.text("/conversation_id")).isEqualTo(started.text("/conversation_id"));
    }

    @Test
    void anotherCustomersConversationAndTicketAreNotFound() {
        var started = api.say(SHIPPING_TO_SPAIN, null, As.customer(UUID.randomUUID()));
        As intruder = As.customer(UUID.randomUUID());

        var read = api.get(conversation(started.text("/conversation_id")), intruder);
        var ticket = api.get("/api/v1/support/tickets/" + started.text("/ticket_id"), intruder);
        var posted = api.say(RETURNS_POLICY, started.text("/conversation_id"), intruder);

        assertThat(read.status()).isEqualTo(404);
        assertThat(ticket.status()).isEqualTo(404);
        assertThat(posted.status()).isEqualTo(404);
    }

    @Test
    void refusesMarketingManagersAndServiceClientsACustomersSupportHistoryAndTheDesk() {
        As customer = As.customer(UUID.randomUUID());
        var started = api.say(SHIPPING_TO_SPAIN, null, customer);
        String conversation = conversation(started.text("/conversation_id"));
        String ticket = "/api/v1/support/tickets/" + started.text("/ticket_id");
        String supportReturn = "/api/v1/support/returns/" + UUID.randomUUID();

        for (As outsider : new As[] {As.marketingManager("marketing-ownership"), As.mailGateway()}) {
            assertThat(api.get(conversation, outsider).status())
                    .as(outsider + " reading")
                    .isEqualTo(403);
            assertThat(api.say(RETURNS_POLICY, started.text("/conversation_id"), outsider)
                            .status())
                    .as(outsider + " posting into it")
                    .isEqualTo(403);
            assertThat(api.get(ticket, outsider).status())
                    .as(outsider + " ticket")
                    .isEqualTo(403);
            assertThat(api.get(supportReturn, outsider).status())
                    .as(outsider + " return")
                    .isEqualTo(403);
            assertThat(api.get("/api/v1/support/escalations", outsider).status())
                    .as(outsider + " queue")
                    .isEqualTo(403);
        }
        assertThat(api.get(conversation, DESK).status()).isEqualTo(200);
        assertThat(api.get(ticket, DESK).status()).isEqualTo(200);
    }

    @Test
    void mailConversationIsStaffOnlyForReadingAndPosting() {
        var mail = api.post(
                "/api/v1/support/email/inbound",
                Map.of(
                        "from",
                        "jo-" + UUID.randomUUID() + "@example.com",
                        "subject",
                        "Shipping",
                        "body",
                        SHIPPING_TO_SPAIN),
                As.mailGateway());
        String conversationId = mail.text("/details/conversation_id");
        String ticketId = mail.text("/details/ticket_id");
        As customer = As.customer(UUID.randomUUID());

        assertThat(api.get(conversation(conversationId), customer).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/support/tickets/" + ticketId, customer).status())
                .isEqualTo(404);
        assertThat(api.say(RETURNS_POLICY, conversationId, customer).status()).isEqualTo(404);
        assertThat(api.get(conversation(conversationId), DESK).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/support/tickets/" + ticketId, DESK).status())
                .isEqualTo(200);
    }

    @Test
    void staffConversationIsOpenToStaffOnly() {
        var started = api.say(SHIPPING_TO_SPAIN, null, DESK);
        String conversationId = started.text("/conversation_id");
        As customer = As.customer(UUID.randomUUID());

        var customerPost = api.say(RETURNS_POLICY, conversationId, customer);
        var customerRead = api.get(conversation(conversationId), customer);
        var staffPost = api.say(RETURNS_POLICY, conversationId, As.supportAgent("another-agent"));

        assertThat(customerPost.status()).isEqualTo(404);
        assertThat(customerRead.status()).isEqualTo(404);
        assertThat(staffPost.status()).isEqualTo(200);
        assertThat(api.get(conversation(conversationId), DESK)
                        .body()
                        .path("messages")
                        .size())
                .as("the refused customer message was not stored")
                .isEqualTo(4);
    }

    private static String conversation(String id) {
        return "/api/v1/support/conversations/" + id;
    }
}
