package com.agentfactory.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Relays sign-ups to the supervisor's event intake as customer.upserted events, under the gateway's own service
 * token, until the intake accepts each (a repeat is recognised there by its event id). Failed attempts wait longer
 * each time, up to a limit.
 */
@Component
class CustomerAnnouncementRelay {

    static final String CLIENT_ID = "gateway";
    private static final Logger log = LoggerFactory.getLogger(CustomerAnnouncementRelay.class);

    private final CustomerAnnouncements announcements;
    private final TokenService tokens;
    private final CustomerAnnouncementProperties properties;
    private final Clock clock;
    private final RestClient http;

    CustomerAnnouncementRelay(
            CustomerAnnouncements announcements,
            TokenService tokens,
            CustomerAnnouncementProperties properties,
            Clock clock) {
        this.announcements = announcements;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(2));
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    @Scheduled(fixedDelayString = "${agentfactory.auth.customer-announcements.interval}")
    void relayDue() {
        var due = announcements.claimDue(clock.instant(), properties.batchSize(), properties.lease());
        if (due.isEmpty()) {
            return;
        }
        String token = tokens.issueClientToken(CLIENT_ID).value();
        due.forEach(announcement -> relay(announcement, token));
    }

    private void relay(CustomerAnnouncements.CustomerAnnouncement announcement, String token) {
        try {
            http.post()
                    .uri(properties.eventsUrl())
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("Authorization", "Bearer " + token)
                    .body(event(announcement))
                    .retrieve()
                    .toBodilessEntity();
            announcements.announced(announcement.eventId(), clock.instant());
        } catch (RestClientException e) {
            Instant next = clock.instant().plus(backoff(announcement.attempts()));
            log.warn(
                    "Announcing customer {} failed (attempt {}), next at {}: {}",
                    announcement.customerId(),
                    announcement.attempts(),
                    next,
                    e.toString());
            announcements.retryAt(announcement.eventId(), next, e.toString());
        }
    }

    private Duration backoff(int attempts) {
        Duration doubled = Duration.ofSeconds(1L << Math.min(attempts, 16));
        return doubled.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : doubled;
    }

    private static Map<String, Object> event(CustomerAnnouncements.CustomerAnnouncement announcement) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "customer.upserted");
        event.put("event_id", announcement.eventId().toString());
        event.put("occurred_at", announcement.occurredAt().toString());
        event.put("customer_id", announcement.customerId().toString());
        event.put("email", announcement.email());
        return event;
    }
}
