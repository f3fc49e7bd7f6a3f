package com.agentfactory.support.privacy;

import static com.agentfactory.support.testdata.Messages.SHIPPING_TO_SPAIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.support.conversation.ConversationService;
import com.agentfactory.support.conversation.InboundMessage;
import com.agentfactory.support.testdata.InboundMessageMother;
import com.agentfactory.support.testdata.SupportApi.As;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** What is kept of a message that comes from, or names, a customer already erased. */
class MessagesAfterErasureIT extends SupportIntegrationTest {

    @Autowired
    SupportPersonalData personalData;

    @Autowired
    ConversationService conversations;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aChatMessageOfAnErasedCustomerKeepsNoAuthor() {
        UUID customerId = UUID.randomUUID();
        transactions.executeWithoutResult(status -> personalData.erase(customerId));

        // a session of theirs that outlived the erasure
        var answered = api.say(SHIPPING_TO_SPAIN, null, As.customer(customerId));

        assertThat(answered.status()).isEqualTo(200);
        assertThat(customerAuthorsOf(UUID.fromString(answered.text("/conversation_id"))))
                .singleElement()
                .isNull();
        assertThat(personalData.export(customerId).count()).isZero();
    }

    @Test
    void aTaskRunAgainForAnErasedCustomerGetsTheReplyOfItsFirstRun() {
        UUID customerId = UUID.randomUUID();
        UUID taskId = UUID.randomUUID();
        transactions.executeWithoutResult(status -> personalData.erase(customerId));
        InboundMessage message = InboundMessageMother.taskThatMayRunAgain(customerId, taskId, SHIPPING_TO_SPAIN);

        var first = conversations.handle(message);
        var again = conversations.handle(message);

        assertThat(again.conversationId()).isEqualTo(first.conversationId());
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(customerAuthorsOf(first.conversationId())).containsExactly("task:" + taskId);
    }

    private List<String> customerAuthorsOf(UUID conversationId) {
        return jdbc.sql(
                        "SELECT author_id FROM conversation_messages WHERE conversation_id = :id AND author = 'CUSTOMER'")
                .param("id", conversationId)
                .query((rs, row) -> rs.getString("author_id"))
                .list();
    }
}
