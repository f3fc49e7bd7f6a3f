package com.agentfactory.campaign.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.campaign.support.CustomerMother;
import com.agentfactory.campaign.support.EmailJourneys;
import com.agentfactory.campaign.support.JourneyMother;
import com.agentfactory.campaign.support.SmsJourneys;
import com.agentfactory.messaging.testing.Api.Response;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PacingIT extends CampaignIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    private SendPacing pacing;

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aTextDueInTheCustomersQuietHoursWaitsForTheirMorningAndThenGoes() {
        UUID customer = SmsJourneys.consentingCustomer(commerce, api);
        textTemplate();
        // a zone in which it is now a minute or two before the quiet hours (21:00-08:00) end at 08:00
        Instant now = Instant.now();
        LocalTime target = now.atZone(ZoneOffset.UTC).getSecond() < 30 ? LocalTime.of(7, 59) : LocalTime.of(7, 58);
        ZoneOffset zone = offsetWhereItIs(target, now);
        Response set =
                api.put("/api/v1/campaigns/consents/" + customer + "/time-zone", Map.of("time_zone", zone.getId()));
        assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
        assertThat(set.text("/time_zone")).isEqualTo(zone.getId());
        Instant localEight =
                now.atZone(zone).toLocalDate().atTime(8, 0).atZone(zone).toInstant();

        EmailJourneys.enrol(api, JourneyMother.createActive(api, SmsJourneys.texts(api, 1, "pacing_text")), customer);

        await().atMost(PATIENCE).until(() -> !skips(customer).isEmpty());
        Map<String, Object> skip = skips(customer).getFirst();
        assertThat(skip.get("reason")).isEqualTo("quiet_hours");
        assertThat(((Timestamp) skip.get("deferred_until")).toInstant()).isEqualTo(localEight);
        assertThat((String) skip.get("detail")).contains(zone.getId());
        assertThat(status(customer, "text1")).isEqualTo("pending");

        // the send row is the durable timer: the dispatcher takes it again when the customer's morning comes
        await().atMost(Duration.ofMinutes(3)).until(() -> "sent".equals(status(customer, "text1")));
        Instant sentAt = jdbc.queryForObject(
                        "SELECT sent_at FROM sends WHERE customer_id = ?", Timestamp.class, customer)
                .toInstant();
        assertThat(sentAt).isAfterOrEqualTo(localEight);
        assertThat(skips(customer)).hasSize(1);
    }

    @Test
    void aThirdTextInADayWaitsUntilTheFirstIsADayOld() {
        UUID customer = SmsJourneys.consentingCustomer(commerce, api);
        textTemplate();

        EmailJourneys.enrol(api, JourneyMother.createActive(api, SmsJourneys.texts(api, 3, "pacing_text")), customer);

        // the three sends come due together; whichever goes third finds the cap of two a day reached
        await().atMost(PATIENCE).until(() -> !skips(customer).isEmpty());
        List<Map<String, Object>> sends = jdbc.queryForList(
                "SELECT status, sent_at, next_attempt_at, attempts FROM sends WHERE customer_id = ? ORDER BY sent_at",
                customer);
        assertThat(sends).extracting(send -> send.get("status")).containsExactly("sent", "sent", "pending");
        Map<String, Object> skip = skips(customer).getFirst();
        assertThat(skip.get("reason")).isEqualTo("frequency_cap");
        Instant firstSent = ((Timestamp) sends.getFirst().get("sent_at")).toInstant();
        Instant until = ((Timestamp) skip.get("deferred_until")).toInstant();
        assertThat(until).isEqualTo(firstSent.plus(Duration.ofDays(1)));
        Map<String, Object> deferred = sends.getLast();
        assertThat(((Timestamp) deferred.get("next_attempt_at")).toInstant()).isEqualTo(until);
        assertThat(deferred.get("attempts")).as("a deferral is not an attempt").isEqualTo(0);
    }

    @Test
    void concurrentDispatchersNeverLetPastTheCapTogether() throws Exception {
        UUID customer = UUID.randomUUID();
        List<UUID> due = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> dueSms(customer))
                .toList();
        Instant now = Instant.now();
        var start = new java.util.concurrent.CountDownLatch(1);
        // as many dispatchers as sends, as if as many agent instances had claimed one each
        try (var dispatchers = java.util.concurrent.Executors.newFixedThreadPool(due.size())) {
            List<java.util.concurrent.Future<Boolean>> admitted = due.stream()
                    .map(send -> dispatchers.submit(() -> {
                        start.await();
                        return pacing.admit(send, customer, "sms", now).isEmpty();
                    }))
                    .toList();
            start.countDown();

            long letGo = 0;
            for (var outcome : admitted) {
                letGo += outcome.get() ? 1 : 0;
            }
            // the cap is two texts a day
            assertThat(letGo).isEqualTo(2);
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM sends WHERE customer_id = ? AND paced_at IS NOT NULL",
                        Long.class,
                        customer))
                .isEqualTo(2);
    }

    @Test
    void aSendWithoutConsentIsStoredAsASkipWithItsReason() {
        UUID customer = UUID.randomUUID();
        commerce.publishAndWait(CustomerMother.customer(customer, null, CustomerMother.freshCountry(), Instant.now()));
        textTemplate();

        EmailJourneys.enrol(api, JourneyMother.createActive(api, SmsJourneys.texts(api, 1, "pacing_text")), customer);

        await().atMost(PATIENCE).until(() -> !skips(customer).isEmpty());
        assertThat(skips(customer).getFirst())
                .containsEntry("reason", "no_consent")
                .containsEntry("deferred_until", null);
        assertThat(status(customer, "text1")).isEqualTo("refused");
    }

    @Test
    void refusesATimeZoneThatIsNotOne() {
        UUID customer = SmsJourneys.consentingCustomer(commerce, api);

        Response refused = api.put(
                "/api/v1/campaigns/consents/" + customer + "/time-zone", Map.of("time_zone", "Mars/Olympus_Mons"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("time_zone");
    }

    @Test
    void clearingTheTimeZoneGoesBackToTheStores() {
        UUID customer = SmsJourneys.consentingCustomer(commerce, api);
        api.put("/api/v1/campaigns/consents/" + customer + "/time-zone", Map.of("time_zone", "Asia/Tokyo"));

        Map<String, Object> none = new java.util.HashMap<>();
        none.put("time_zone", null);
        Response cleared = api.put("/api/v1/campaigns/consents/" + customer + "/time-zone", none);

        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.body().path("time_zone").isNull()).isTrue();
    }

    @Test
    void refusesATimeZoneForAnUnknownCustomer() {
        Response refused =
                api.put("/api/v1/campaigns/consents/" + UUID.randomUUID() + "/time-zone", Map.of("time_zone", "UTC"));

        assertThat(refused.status()).isEqualTo(404);
    }

    /**
     * A text claimed by a dispatcher, about to be paced. Its lease runs for minutes, as a real claim's does: with
     * a lease already out, the agent's own dispatcher could claim it again mid-test and refuse it (no consent).
     */
    private UUID dueSms(UUID customer) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO sends (id, customer_id, channel, template_id, variables, status, attempts,
                                   next_attempt_at, created_at)
                VALUES (?, ?, 'sms', 'pacing_text', '{}', 'sending', 1, now() + interval '10 minutes', now())
                """, id, customer);
        return id;
    }

    private void textTemplate() {
        api.put("/api/v1/campaigns/templates/sms/pacing_text", Map.of("body", "Hello"));
    }

    private static ZoneOffset offsetWhereItIs(LocalTime local, Instant now) {
        int utcMinute = now.atZone(ZoneOffset.UTC)
                        .toLocalTime()
                        .truncatedTo(ChronoUnit.MINUTES)
                        .toSecondOfDay()
                / 60;
        int offset = Math.floorMod(local.toSecondOfDay() / 60 - utcMinute, 24 * 60);
        if (offset > 12 * 60) {
            offset -= 24 * 60;
        }
        return ZoneOffset.ofTotalSeconds(offset * 60);
    }

    private List<Map<String, Object>> skips(UUID customer) {
        return jdbc.queryForList(
                "SELECT reason, detail, deferred_until FROM send_skips WHERE customer_id = ? ORDER BY id", customer);
    }

    private String status(UUID customer, String step) {
        return jdbc.queryForObject(
                "SELECT status FROM sends WHERE customer_id = ? AND step_id = ?", String.class, customer, step);
    }
}
