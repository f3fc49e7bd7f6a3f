package com.agentfactory.ad.exchange;

import com.agentfactory.messaging.web.ApiExceptionHandlerSupport;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bid API exchanges call directly (not through the gateway): each call carries the exchange's key in
 * {@code X-Exchange-Key}. No bid is 204; a malformed request is 400.
 */
@RestController
@RequestMapping("/api/v1/ads/openrtb")
class OpenRtbController {

    static final String KEY_HEADER = "X-Exchange-Key";

    private final ExchangeKeys keys;
    private final BidDecider decider;
    private final ServingCampaigns serving;
    private final Deliveries deliveries;
    private final BidMetrics metrics;
    private final Clock clock;

    OpenRtbController(
            ExchangeKeys keys,
            BidDecider decider,
            ServingCampaigns serving,
            Deliveries deliveries,
            BidMetrics metrics,
            Clock clock) {
        this.keys = keys;
        this.decider = decider;
        this.serving = serving;
        this.deliveries = deliveries;
        this.metrics = metrics;
        this.clock = clock;
    }

    @ApiResponse(responseCode = "200", description = "A bid")
    @ApiResponse(responseCode = "204", description = "No bid")
    @PostMapping("/bid")
    ResponseEntity<?> bid(
            @RequestHeader(name = KEY_HEADER, required = false) String key,
            @Valid @RequestBody OpenRtb.BidRequest request) {
        Optional<String> exchange = keys.exchangeOf(key);
        if (exchange.isEmpty()) {
            return unauthorized();
        }
        metrics.request();
        return decider.decide(request, exchange.get(), serving.current(), clock.instant())
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    /**
     * The exchange posts the notice to the bid's nurl as it was returned, so {@code t} is the token that proves the
     * agent made the bid: a notice without a valid one is 403, one above the bid's price or too late 422.
     */
    @ApiResponse(responseCode = "200", description = "The win recorded, or recorded before")
    @ApiResponse(responseCode = "403", description = "Not a win of a bid this agent made to this exchange")
    @ApiResponse(responseCode = "422", description = "A price above the bid's, or a bid too old to be won")
    @PostMapping("/win")
    ResponseEntity<?> win(
            @RequestHeader(name = KEY_HEADER, required = false) String key,
            @RequestParam(name = "t", required = false) String token,
            @Valid @RequestBody WinNotice notice) {
        Optional<String> exchange = keys.exchangeOf(key);
        if (exchange.isEmpty()) {
            return unauthorized();
        }
        Deliveries.Won won = deliveries.win(notice, token, exchange.get());
        if (won.outcome().recorded()) {
            metrics.won(notice.bidId(), won.cost(), won.currency());
        }
        if (won.overspent()) {
            metrics.overspent(won.cost(), won.currency());
        }
        return ResponseEntity.ok(won.outcome());
    }

    @ApiResponse(responseCode = "200", description = "The click recorded, or recorded before")
    @ApiResponse(responseCode = "403", description = "An impression another exchange won")
    @ApiResponse(responseCode = "404", description = "No won impression with this bid id")
    @PostMapping("/click")
    ResponseEntity<?> click(
            @RequestHeader(name = KEY_HEADER, required = false) String key, @Valid @RequestBody ClickNotice notice) {
        Optional<String> exchange = keys.exchangeOf(key);
        if (exchange.isEmpty()) {
            return unauthorized();
        }
        DeliveryOutcome outcome = deliveries.click(notice, exchange.get());
        if (outcome.recorded()) {
            metrics.clicked(notice.bidId());
        }
        return ResponseEntity.ok(outcome);
    }

    @ApiResponse(responseCode = "200", description = "The conversion recorded, or recorded before")
    @ApiResponse(responseCode = "403", description = "An impression another exchange won")
    @ApiResponse(responseCode = "404", description = "No won impression with this bid id")
    @ApiResponse(responseCode = "422", description = "An impression not clicked within the conversion window")
    @PostMapping("/conversion")
    ResponseEntity<?> conversion(
            @RequestHeader(name = KEY_HEADER, required = false) String key,
            @Valid @RequestBody ConversionNotice notice) {
        Optional<String> exchange = keys.exchangeOf(key);
        if (exchange.isEmpty()) {
            return unauthorized();
        }
        return ResponseEntity.ok(deliveries.conversion(notice, exchange.get()));
    }

    private static ResponseEntity<?> unauthorized() {
        return ApiExceptionHandlerSupport.problemResponse(
                HttpStatus.UNAUTHORIZED, "Unauthorized", "A valid " + KEY_HEADER + " is required.");
    }
}
