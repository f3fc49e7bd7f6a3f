package com.agentfactory.finance.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.finance.support.OnlineRetailFile;
import com.agentfactory.finance.support.OnlineRetailFile.Day;
import com.agentfactory.messaging.commerce.CommerceEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OnlineRetailReplayIT extends FinanceIntegrationTest {

    @Test
    void replayingTheOnlineRetailFileTwiceGivesTheSameTotalsAsTheFileItself() throws Exception {
        var replay = OnlineRetailFile.read();
        LocalDate first = replay.expectedDays().keySet().stream()
                .min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate last = replay.expectedDays().keySet().stream()
                .max(LocalDate::compareTo)
                .orElseThrow();

        commerce.publishAll(replay.events());
        awaitConsumed(replay.events(), Instant.parse("1999-01-01T00:00:00Z"));
        Map<LocalDate, Day> afterFirst = ledgerDays(first, last);

        commerce.publishAll(replay.events());
        awaitConsumed(List.of(), Instant.parse("1999-01-02T00:00:00Z"));
        Map<LocalDate, Day> afterReplay = ledgerDays(first, last);

        assertThat(replay.expectedDays()).hasSizeGreaterThan(100);
        assertThat(afterFirst).isEqualTo(replay.expectedDays());
        assertThat(afterReplay).isEqualTo(afterFirst);
    }

    /** Waits for the events and then for a marker on every partition, which proves the rest was consumed. */
    private void awaitConsumed(List<CommerceEvent> events, Instant markerTime) {
        var markers = commerce.publishMarkers(markerTime);
        List<UUID> ids = new java.util.ArrayList<>(
                markers.stream().map(CommerceEvent::eventId).toList());
        await().atMost(Duration.ofSeconds(120))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM processed_messages WHERE message_id = ANY (?::uuid[])",
                                Long.class,
                                (Object) ids.stream().map(UUID::toString).toArray(String[]::new))
                        == ids.size());
        if (!events.isEmpty()) {
            String[] eventIds = events.stream().map(e -> e.eventId().toString()).toArray(String[]::new);
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM processed_messages WHERE message_id = ANY (?::uuid[])",
                            Long.class,
                            (Object) eventIds))
                    .isEqualTo(events.size());
        }
    }

    private Map<LocalDate, Day> ledgerDays(LocalDate from, LocalDate to) {
        var response = api.get("/api/v1/financial/reconciliation/daily?date_from=" + from + "&date_to=" + to);
        assertThat(response.status()).isEqualTo(200);
        Map<LocalDate, Day> days = new TreeMap<>();
        for (JsonNode day : response.body().path("days")) {
            days.put(
                    LocalDate.parse(day.path("date").asString()),
                    new Day(
                            day.path("transaction_count").asLong(),
                            normalised(day.path("revenue").decimalValue()),
                            normalised(day.path("refunds").decimalValue()),
                            day.path("unique_orders").asLong()));
        }
        return days;
    }

    private static BigDecimal normalised(BigDecimal amount) {
        return amount.setScale(2);
    }
}
