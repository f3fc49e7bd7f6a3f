package com.agentfactory.campaign;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Campaign automation agent. Its domain handlers plug into the agent runtime as {@code TaskHandler} beans. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CampaignApplication {

    public static void main(String[] args) {
        SpringApplication.run(CampaignApplication.class, args);
    }
}
