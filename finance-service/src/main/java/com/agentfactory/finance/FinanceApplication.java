package com.agentfactory.finance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Finance service. Its domain handlers plug into the agent runtime as {@code TaskHandler} beans. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FinanceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FinanceApplication.class, args);
    }
}
