package com.agentfactory.ad;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Ad optimisation agent. Its domain handlers plug into the agent runtime as {@code TaskHandler} beans. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AdApplication {

    public static void main(String[] args) {
        SpringApplication.run(AdApplication.class, args);
    }
}
