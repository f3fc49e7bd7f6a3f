package com.agentfactory.campaign.delivery;

import com.agentfactory.messaging.error.InvalidInputException;
import java.net.URI;
import java.time.Clock;
import java.util.Base64;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The open pixel and the click redirect that every tracked e-mail links to. Reached by mail clients without a
 * login: the signed token is the only credential, and it names the one send and address it is for.
 */
@RestController
@RequestMapping("/api/v1/campaigns/track")
class TrackingController {

    // the smallest transparent GIF, 1x1 pixel
    private static final byte[] PIXEL =
            Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final TrackingTokens tokens;
    private final SendEvents events;
    private final Clock clock;

    TrackingController(TrackingTokens tokens, SendEvents events, Clock clock) {
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/open")
    ResponseEntity<byte[]> open(@RequestParam("t") String token) {
        events.opened(tokens.verifyOpen(token), clock.instant());
        // never cached, or a second open would not reach us
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_GIF)
                .cacheControl(CacheControl.noStore())
                .body(PIXEL);
    }

    @GetMapping("/click")
    ResponseEntity<Void> click(@RequestParam("t") String token) {
        TrackingTokens.Click click = tokens.verifyClick(token);
        String location = location(click.url());
        events.clicked(click.sendId(), click.url(), clock.instant());
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, location)
                .cacheControl(CacheControl.noStore())
                .build();
    }

    // the address came from our own template, signed; one a browser could not follow is still not a server error
    private static String location(String url) {
        try {
            return URI.create(url).toASCIIString();
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("t", "the linked address is not a valid URL");
        }
    }
}
