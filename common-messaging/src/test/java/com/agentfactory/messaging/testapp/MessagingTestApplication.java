package com.agentfactory.messaging.testapp;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.runtime.AgentTask;
import com.agentfactory.messaging.runtime.AgentTaskHandler;
import com.agentfactory.messaging.runtime.NonRetryableTaskException;
import com.agentfactory.messaging.runtime.TaskProgress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** A minimal agent with handlers that succeed, fail, fail for a while, and take time. */
@SpringBootApplication
public class MessagingTestApplication {

    /** Attempts seen per task, so tests can tell retries from duplicates. */
    public static final Map<UUID, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    @Bean
    AgentTaskHandler echoHandler(EnvelopeCodec codec, JdbcTemplate jdbc) {
        return new AgentTaskHandler() {
            @Override
            public String taskType() {
                return "echo";
            }

            @Override
            public JsonNode handle(AgentTask task, TaskProgress progress) {
                // the handler's own database effect: must happen exactly once per task
                jdbc.update("INSERT INTO test_effects (task_id) VALUES (?)", task.taskId());
                progress.report(50);
                return codec.mapper().createObjectNode().set("echo", task.input());
            }
        };
    }

    @Bean
    AgentTaskHandler alwaysFailingHandler() {
        return new AgentTaskHandler() {
            @Override
            public String taskType() {
                return "always-fails";
            }

            @Override
            public JsonNode handle(AgentTask task, TaskProgress progress) {
                ATTEMPTS.computeIfAbsent(task.taskId(), id -> new AtomicInteger())
                        .incrementAndGet();
                throw new IllegalStateException("downstream unavailable");
            }
        };
    }

    @Bean
    AgentTaskHandler rejectingHandler() {
        return new AgentTaskHandler() {
            @Override
            public String taskType() {
                return "rejects-input";
            }

            @Override
            public JsonNode handle(AgentTask task, TaskProgress progress) {
                ATTEMPTS.computeIfAbsent(task.taskId(), id -> new AtomicInteger())
                        .incrementAndGet();
                throw new NonRetryableTaskException("input names no order");
            }
        };
    }

    @Bean
    AgentTaskHandler flakyHandler(EnvelopeCodec codec) {
        return new AgentTaskHandler() {
            @Override
            public String taskType() {
                return "flaky";
            }

            @Override
            public JsonNode handle(AgentTask task, TaskProgress progress) {
                int attempt = ATTEMPTS.computeIfAbsent(task.taskId(), id -> new AtomicInteger())
                        .incrementAndGet();
                if (attempt < 3) {
                    throw new IllegalStateException("transient failure " + attempt);
                }
                return codec.mapper().createObjectNode().put("attempts", attempt);
            }
        };
    }

    @Bean
    AgentTaskHandler slowHandler(EnvelopeCodec codec) {
        return new AgentTaskHandler() {
            @Override
            public String taskType() {
                return "slow";
            }

            @Override
            public JsonNode handle(AgentTask task, TaskProgress progress) {
                // stands in for real work (a model call) that keeps the agent busy
                LockSupport.parkNanos(5_000_000);
                return codec.mapper().createObjectNode().put("done", true);
            }
        };
    }
}
