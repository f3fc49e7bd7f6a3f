package com.agentfactory.ad.simulation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The sources this instance offers: the synthetic market always, the iPinYou campaign when its files are configured. */
@Component
class SimulationSources {

    static final String IPINYOU = "ipinyou";

    private static final Logger log = LoggerFactory.getLogger(SimulationSources.class);

    private final List<SimulationSource> configured = new ArrayList<>();

    SimulationSources(SimulatorProperties properties) {
        configured.add(new SyntheticSource(properties.syntheticAuctions()));
        if (properties.hasAuctionFiles()) {
            configured.add(
                    new AuctionFileSource(IPINYOU, Path.of(properties.auctionLog()), Path.of(properties.statistics())));
        }
    }

    /** The configured sources whose auctions can be read now; one that cannot is logged and left out. */
    List<SimulationSource> available() {
        return configured.stream().filter(SimulationSources::readable).toList();
    }

    Optional<SimulationSource> find(String name) {
        return configured.stream()
                .filter(source -> source.name().equals(name))
                .filter(SimulationSources::readable)
                .findFirst();
    }

    /** Whether the source is configured here, readable or not. */
    boolean configured(String name) {
        return configured.stream().anyMatch(source -> source.name().equals(name));
    }

    /** The names of the configured sources: the runs this instance can claim. */
    List<String> names() {
        return configured.stream().map(SimulationSource::name).toList();
    }

    private static boolean readable(SimulationSource source) {
        try {
            source.auctions();
            return true;
        } catch (SimulationInputException e) {
            log.warn("Simulation source {} is configured but cannot be read: {}", source.name(), e.getMessage());
            return false;
        }
    }
}
