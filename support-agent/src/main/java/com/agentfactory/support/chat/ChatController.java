package com.agentfactory.support.chat;

import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.support.conversation.ConversationService;
import com.agentfactory.support.conversation.InboundMessage;
import com.agentfactory.support.conversation.Reply;
import com.agentfactory.support.escalation.CustomerProfile;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
    @ApiResponse(responseCode = "200", description = "The reply")
    @ApiResponse(
            responseCode = "404",
            description = "The conversation named in the message does not exist, or is not the caller's")
    @PostMapping("/messages")
    Reply send(@Valid @RequestBody SendMessageRequest request, Caller caller) {
        return handle(request.conversationId(), request, caller);
    }

    @PostMapping("/conversations/{conversationId}/messages")
    Reply continueConversation(
            @PathVariable UUID conversationId, @Valid @RequestBody SendMessageRequest request, Caller caller) {
        return handle(conversationId, request, caller);
    }

    @GetMapping("/conversations/{conversationId}")
    ConversationResponse read(@PathVariable UUID conversationId, Caller caller) {
        var conversation = conversations.visibleTo(conversationId, caller.customerId(), staff(caller));
        return new ConversationResponse(
                conversation.id(),
                conversation.channel().name(),
                conversation.createdAt(),
                conversations.transcript(conversationId));
    }

    private Reply handle(UUID conversationId, SendMessageRequest request, Caller caller) {
        // the token's customer id only: a tier the client sends (the gateway passes any header through) would let
        // every customer call themselves VIP; VIPs are the configured customer ids, matched against this id
        var customer = new CustomerProfile(caller.customerId());
        return conversations.handleChat(
                InboundMessage.chat(conversationId, customer, caller.userId(), request.text())
                        .withOrderNumber(request.orderNumber())
                        .byStaff(staff(caller)),
                staff(caller));
    }

    /** The support desk: reads every conversation, and is the only one to reach those without a customer owner. */
    private static boolean staff(Caller caller) {
        return caller.hasAnyRole(Caller.SUPPORT_AGENT, Caller.ADMIN);
    }
}
