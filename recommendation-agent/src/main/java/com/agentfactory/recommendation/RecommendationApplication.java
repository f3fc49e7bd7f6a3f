package com.agentfactory.recommendation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Product recommendation agent. Its domain handlers plug into the agent runtime as typed {@code TaskHandler} beans. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RecommendationApplication {

    public static void main(String[] args) {
        SpringApplication.run(RecommendationApplication.class, args);
    }
}
