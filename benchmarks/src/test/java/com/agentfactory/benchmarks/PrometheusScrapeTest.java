package com.agentfactory.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusScrapeTest {

    private static final String SCRAPE = """
            # HELP hikaricp_connections_active Active connections
            # TYPE hikaricp_connections_active gauge
            hikaricp_connections_active{application="supervisor-agent",pool="HikariPool-1"} 6.0
            hikaricp_connections_active{application="supervisor-agent",pool="HikariPool-2"} 1.0
            hikaricp_connections_active_seconds_max 0.25
            hikaricp_connections_max{pool="HikariPool-1"} 8.0
            outbox_backlog 12.0
            """;

    @Test
    void sumsAGaugeOverItsLabelledSeriesAndIgnoresOtherMetricsWithTheSamePrefix() {
        assertThat(PrometheusScrape.gauge(SCRAPE, "hikaricp_connections_active"))
                .contains(7);
        assertThat(PrometheusScrape.gauge(SCRAPE, "hikaricp_connections_max")).contains(8);
        assertThat(PrometheusScrape.gauge(SCRAPE, "outbox_backlog")).contains(12);
    }

    @Test
    void hasNothingForAGaugeTheScrapeDoesNotCarry() {
        assertThat(PrometheusScrape.gauge(SCRAPE, "hikaricp_connections_pending"))
                .isEmpty();
    }
}
