package com.agentfactory.campaign.journey;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Loads and activates the specification's abandoned-cart journey when the demo asks for it. */
@Component
class DemoJourneyLoader implements ApplicationRunner {

    static final String RESOURCE = "journeys/abandoned-cart.yaml";

    private static final Logger log = LoggerFactory.getLogger(DemoJourneyLoader.class);

    private final JourneyService journeys;
    private final JourneyProperties properties;

    DemoJourneyLoader(JourneyService journeys, JourneyProperties properties) {
        this.journeys = journeys;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!properties.loadDemo()) {
            return;
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the service");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            log.info("Demo journey {} is active", journeys.loadAndActivate(text, true, "demo"));
        }
    }
}
