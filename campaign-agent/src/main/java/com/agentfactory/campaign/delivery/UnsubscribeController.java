package com.agentfactory.campaign.delivery;

import com.agentfactory.campaign.consent.ContactPermissions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The link in every e-mail's List-Unsubscribe header. A POST (what mail clients send for RFC 8058 one-click,
 * with the body {@code List-Unsubscribe=One-Click}) unsubscribes; a GET only says what the POST would do, so
 * a link scanner opening the URL does not unsubscribe anybody. The signed token is the only credential.
 */
@RestController
@RequestMapping("/api/v1/campaigns/unsubscribe")
class UnsubscribeController {

    private final UnsubscribeTokens tokens;
    private final ContactPermissions permissions;

    UnsubscribeController(UnsubscribeTokens tokens, ContactPermissions permissions) {
        this.tokens = tokens;
        this.permissions = permissions;
    }

    @PostMapping
    UnsubscribeResponse unsubscribe(@RequestParam String token) {
        UnsubscribeTokens.Unsubscription unsubscription = tokens.verify(token);
        permissions.unsubscribe(unsubscription.customerId(), unsubscription.channel(), "one-click unsubscribe");
        return new UnsubscribeResponse(
                unsubscription.customerId(),
                unsubscription.channel().wireName(),
                true,
                "You will receive no more " + unsubscription.channel().wireName() + " messages from us.");
    }

    @GetMapping
    UnsubscribeResponse confirm(@RequestParam String token) {
        UnsubscribeTokens.Unsubscription unsubscription = tokens.verify(token);
        return new UnsubscribeResponse(
                unsubscription.customerId(),
                unsubscription.channel().wireName(),
                false,
                "POST to this address to stop " + unsubscription.channel().wireName() + " messages.");
    }
}
