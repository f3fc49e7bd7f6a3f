package com.agentfactory.benchmarks.hello;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ceiling of the stack: Spring Boot webmvc on Tomcat with virtual threads, reading a small JSON body and
 * answering 201 with a small JSON body, and nothing else (no database, no security, no actuator).
 */
@SpringBootApplication
@RestController
public class HelloApplication {

    /** Under the campaign route's prefix: the benchmark starts no campaign agent and routes it here. */
    public static final String HELLO_BEHIND_GATEWAY_PATH = "/api/v1/campaigns/hello";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(HelloApplication.class);
        application.setDefaultProperties(Map.of(
                "spring.threads.virtual.enabled", "true",
                "server.port", System.getenv().getOrDefault("PORT", "8090"),
                "spring.main.banner-mode", "off"));
        application.run(args);
    }

    /**
     * The second path is what the gateway forwards when the benchmark points one of its routes at this app, so the
     * gateway's own cost can be measured in front of the ceiling as well as in front of the supervisor.
     */
    @PostMapping({"/hello", HELLO_BEHIND_GATEWAY_PATH})
    @ResponseStatus(HttpStatus.CREATED)
    HelloResponse hello(@RequestBody HelloRequest request) {
        return new HelloResponse(UUID.randomUUID().toString(), request.taskType(), "PENDING");
    }

    record HelloRequest(
            @JsonProperty("task_type") String taskType,
            int priority,
            @JsonProperty("input_data") Map<String, Object> inputData) {}

    record HelloResponse(
            @JsonProperty("task_id") String taskId,
            @JsonProperty("task_type") String taskType,
            String status) {}
}
