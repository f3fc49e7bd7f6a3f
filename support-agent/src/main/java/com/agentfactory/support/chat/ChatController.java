package com.agentfactory.support.chat;

import com.agentfactory.support.config.Caller;
import com.agentfactory.support.conversation.ConversationNotFoundException;
import com.agentfactory.support.conversation.ConversationService;
import com.agentfactory.support.conversation.InboundMessage;
import com.agentfactory.support.conversation.Reply;
import com.agentfactory.support.escalation.CustomerProfile;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/support")
class ChatController {

    private final ConversationService conversations;

    ChatController(ConversationService conversations) {
        this.conversations = conversations;
    }

    /** Starts a conversation, or continues the one named in the body. */
    @PostMapping("/messages")
    Reply send(
            @Valid @RequestBody SendMessageRequest request,
            @RequestHeader(name = "X-User-Id", required = false) String userId,
            @RequestHeader(name = "X-Customer-Id", required = false) String customerId,
            @RequestHeader(name = "X-Customer-Tier", required = false) String tier) {
        return handle(request.conversationId(), request, Caller.of(userId, null, customerId), tier);
    }

    @PostMapping("/conversations/{conversationId}/messages")
    Reply continueConversation(
            @PathVariable UUID conversationId,
            @Valid @RequestBody SendMessageRequest request,
            @RequestHeader(name = "X-User-Id", required = false) String userId,
            @RequestHeader(name = "X-Customer-Id", required = false) String customerId,
            @RequestHeader(name = "X-Customer-Tier", required = false) String tier) {
        return handle(conversationId, request, Caller.of(userId, null, customerId), tier);
    }

    @GetMapping("/conversations/{conversationId}")
    ConversationResponse read(
            @PathVariable UUID conversationId,
            @RequestHeader(name = "X-User-Id", required = false) String userId,
            @RequestHeader(name = "X-User-Roles", required = false) String roles,
            @RequestHeader(name = "X-Customer-Id", required = false) String customerId) {
        Caller caller = Caller.of(userId, roles, customerId);
        var conversation = (caller.isSupportAgent()
                        ? conversations.findAny(conversationId)
                        : conversations.find(conversationId, caller.customerId()))
                .orElseThrow(() -> new ConversationNotFoundException(conversationId));
        return new ConversationResponse(
                conversation.id(),
                conversation.channel().name(),
                conversation.createdAt(),
                conversations.transcript(conversationId));
    }

    private Reply handle(UUID conversationId, SendMessageRequest request, Caller caller, String tier) {
        var customer = new CustomerProfile(caller.customerId(), caller.customerId() == null ? null : tier);
        return conversations.handle(InboundMessage.chat(conversationId, customer, caller.userId(), request.text())
                .withOrderNumber(request.orderNumber()));
    }
}
