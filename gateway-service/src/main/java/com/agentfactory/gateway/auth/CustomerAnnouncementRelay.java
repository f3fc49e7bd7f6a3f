package com.agentfactory.gateway.auth;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Relays sign-ups to the supervisor's event intake as customer.upserted events, under the gateway's own service
 * token, until the intake accepts each (a repeat is recognised there by its event id). Failed attempts wait longer
 * each time, up to a limit.
 */
@Component
class CustomerAnnouncementRelay {

    private static final Logger log = LoggerFactory.getLogger(CustomerAnnouncementRelay.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final CustomerAnnouncements announcements;
    private final GatewayServiceToken serviceToken;
    private final CustomerAnnouncementProperties properties;
    private final Clock clock;
    private final HttpClient http;

    CustomerAnnouncementRelay(
            CustomerAnnouncements announcements,
            GatewayServiceToken serviceToken,
            CustomerAnnouncementProperties properties,
            Clock clock) {
        this.announcements = announcements;
        this.serviceToken = serviceToken;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    @Scheduled(fixedDelayString = "${agentfactory.auth.customer-announcements.interval}")
    void relayDue() {
        var due = announcements.claimDue(clock.instant(), properties.batchSize(), properties.lease());
        if (due.isEmpty()) {
            return;
        }
        String token = serviceToken.issue();
        due.forEach(announcement -> relay(announcement, token));
    }

    private void relay(CustomerAnnouncements.CustomerAnnouncement announcement, String token) {
        String failure;
        try {
            HttpResponse<Void> answer = http.send(
                    HttpRequest.newBuilder(properties.eventsUrl())
                            .timeout(ANSWER_TIMEOUT)
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(event(announcement))))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() / 100 == 2) {
                announcements.announced(announcement.eventId(), clock.instant());
                return;
            }
            failure = "HTTP " + answer.statusCode();
        } catch (IOException e) {
            failure = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Instant next = clock.instant().plus(backoff(announcement.attempts()));
        log.warn(
                "Announcing customer {} failed (attempt {}), next at {}: {}",
                announcement.customerId(),
                announcement.attempts(),
                next,
                failure);
        announcements.retryAt(announcement.eventId(), next, failure);
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
