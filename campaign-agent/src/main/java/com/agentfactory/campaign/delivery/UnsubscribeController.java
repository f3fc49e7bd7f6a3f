package com.agentfactory.campaign.delivery;

import com.agentfactory.campaign.consent.ContactPermissions;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The unsubscribe link of every e-mail, in its List-Unsubscribe header and its footer. A POST unsubscribes: a mail
 * client's RFC 8058 one-click POST (body {@code List-Unsubscribe=One-Click}) is answered with JSON, the POST of the
 * page's form with a page saying it is done. A GET, what a person clicking the footer's link sends, only shows a
 * page whose button POSTs, since mail scanners open every link in a message and must unsubscribe nobody. The signed
 * token is the only credential.
 */
@RestController
@RequestMapping("/api/v1/campaigns/unsubscribe")
class UnsubscribeController {

    // the pages load nothing, run nothing and may not be framed (a framed button could be clicked unawares)
    private static final String POLICY = "default-src 'none'; frame-ancestors 'none'";

    private final UnsubscribeTokens tokens;
    private final ContactPermissions permissions;

    UnsubscribeController(UnsubscribeTokens tokens, ContactPermissions permissions) {
        this.tokens = tokens;
        this.permissions = permissions;
    }

    @PostMapping
    ResponseEntity<?> unsubscribe(
            @RequestParam String token,
            @RequestParam(name = UnsubscribePages.FROM_PAGE, required = false) String fromPage) {
        UnsubscribeTokens.Unsubscription unsubscription = tokens.verify(token);
        // done either way: a customer erased since is sent nothing more, and the answer tells no one of the erasure
        permissions.unsubscribe(
                unsubscription.customerId(),
                unsubscription.channel(),
                fromPage == null ? "one-click unsubscribe" : "unsubscribe page");
        if (fromPage != null) {
            return html(UnsubscribePages.unsubscribed(unsubscription.channel()));
        }
        return ResponseEntity.ok(new UnsubscribeResponse(
                unsubscription.customerId(),
                unsubscription.channel().wireName(),
                true,
                "You will receive no more " + unsubscription.channel().wireName() + " messages from us."));
    }

    @GetMapping
    ResponseEntity<String> confirm(@RequestParam String token) {
        UnsubscribeTokens.Unsubscription unsubscription = tokens.verify(token);
        // the public address, as the link in the message is: the person's browser reaches us through the gateway
        return html(UnsubscribePages.confirm(tokens.address(), token, unsubscription.channel()));
    }

    private static ResponseEntity<String> html(String page) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", POLICY)
                .body(page);
    }
}
