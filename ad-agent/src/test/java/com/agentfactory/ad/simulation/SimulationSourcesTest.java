package com.agentfactory.ad.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationSourcesTest {

    @TempDir
    Path folder;

    private static SimulatorProperties properties(String log, String statistics) {
        return new SimulatorProperties(
                log,
                statistics,
                20_000,
                20,
                new SimulatorProperties.Worker(true, Duration.ofSeconds(10), Duration.ofMinutes(2)));
    }

    @Test
    void offersOnlyTheSyntheticMarketWhenNoLogIsConfigured() {
        SimulationSources sources = new SimulationSources(properties("", ""));

        assertThat(sources.available()).extracting(SimulationSource::name).containsExactly("synthetic");
        assertThat(sources.find("ipinyou")).isEmpty();
        assertThat(sources.configured("ipinyou")).isFalse();
    }

    @Test
    void readsTheConfiguredLogOnFirstUseAndKeepsIt() throws IOException {
        Path log = AuctionFiles.write(folder.resolve("log.txt"), AuctionFiles.randomLines(3_000, 1));
        Path statistics = AuctionFiles.statistics(folder);
        SimulationSources sources = new SimulationSources(properties(log.toString(), statistics.toString()));

        SimulationSource ipinyou = sources.find("ipinyou").orElseThrow();
        AuctionMarket first = ipinyou.market(1);
        Files.delete(log);

        assertThat(ipinyou.auctions()).isEqualTo(3_000);
        assertThat(ipinyou.market(2)).as("read once, whatever the seed").isSameAs(first);
        assertThat(sources.available()).extracting(SimulationSource::name).containsExactly("synthetic", "ipinyou");
    }

    @Test
    void leavesOutAConfiguredLogThatCannotBeRead() throws IOException {
        Path statistics = AuctionFiles.statistics(folder);
        SimulationSources sources =
                new SimulationSources(properties(folder.resolve("missing.txt").toString(), statistics.toString()));

        assertThat(sources.available()).extracting(SimulationSource::name).containsExactly("synthetic");
        assertThat(sources.find("ipinyou")).isEmpty();
        assertThat(sources.configured("ipinyou")).isTrue();
        assertThat(sources.names()).containsExactly("synthetic", "ipinyou");
    }

    @Test
    void refusesALogWithoutItsStatistics() {
        assertThatThrownBy(() -> properties("log.txt", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set both");
    }
}
