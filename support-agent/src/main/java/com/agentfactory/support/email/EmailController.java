package com.agentfactory.support.email;

import com.agentfactory.support.conversation.Channel;
import com.agentfactory.support.conversation.ConversationService;
import com.agentfactory.support.conversation.InboundMessage;
import com.agentfactory.support.conversation.Reply;
import com.agentfactory.support.escalation.CustomerProfile;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inbound mail webhook. A reply mail is threaded into its conversation by the {@code [ref:<id>]} our reply
 * subject carries, and only when it comes from the address the conversation started from. A mail posted again under
 * its Message-ID is answered with its first reply (409 while that is still being worked out).
 */
@RestController
@RequestMapping("/api/v1/support/email")
class EmailController {

    private static final Pattern REFERENCE = Pattern.compile("\\[ref:([0-9a-fA-F-]{36})]");

    private final ConversationService conversations;

    EmailController(ConversationService conversations) {
        this.conversations = conversations;
    }

    @PostMapping("/inbound")
    EmailReplyResponse inbound(@Valid @RequestBody InboundEmailRequest mail) {
        String from = mail.from().strip().toLowerCase(Locale.ROOT);
        String subject = mail.subject() == null || mail.subject().isBlank()
                ? "(no subject)"
                : mail.subject().strip();
        UUID conversationId = reference(subject)
                .flatMap(conversations::findAny)
                .filter(conversation -> from.equalsIgnoreCase(conversation.customerEmail()))
                .map(conversation -> conversation.id())
                .orElse(null);
        Reply reply = conversations.handle(new InboundMessage(
                conversationId,
                Channel.EMAIL,
                CustomerProfile.guest(),
                from,
                subject,
                mail.body(),
                from,
                null,
                null,
                false,
                messageId(mail.messageId())));
        String baseSubject = REFERENCE.matcher(subject).replaceAll("").strip();
        if (!baseSubject.toLowerCase(Locale.ROOT).startsWith("re:")) {
            baseSubject = "Re: " + baseSubject;
        }
        return new EmailReplyResponse(
                from, baseSubject + " [ref:" + reply.conversationId() + "]", reply.reply(), reply);
    }

    // "<id@host>" and "id@host" name the same mail; a blank id is none
    private static String messageId(String header) {
        if (header == null) {
            return null;
        }
        String id = header.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1).strip();
        }
        return id.isEmpty() ? null : id;
    }

    private static java.util.Optional<UUID> reference(String subject) {
        Matcher matcher = REFERENCE.matcher(subject);
        if (!matcher.find()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(UUID.fromString(matcher.group(1)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
