package com.agentfactory.support;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Customer support agent. Its task handlers plug into the agent runtime as {@code TaskHandler} beans. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SupportApplication {

    public static void main(String[] args) {
        SpringApplication.run(SupportApplication.class, args);
    }
}
