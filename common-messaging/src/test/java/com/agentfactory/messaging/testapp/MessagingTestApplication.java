package com.agentfactory.messaging.testapp;

import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;

/** A minimal agent with handlers that succeed, refuse, fail, fail for a while, lose the database, and take time. */
@SpringBootApplication
public class MessagingTestApplication {

    /** Attempts seen per task, so tests can tell retries from duplicates. */
    public static final Map<UUID, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    public record EchoInput(
            @NotBlank @Size(max = 100) String greeting,
            @Min(1) @Max(3) Integer repeatCount) {}

    public record EchoOutput(String echo) {}

    public record NoInput() {}

    public record Done(int attempts) {}

    public record Blob(String text) {}

    @Bean
    TaskHandler<EchoInput, EchoOutput> echoHandler(JdbcTemplate jdbc) {
        return new EchoHandler(jdbc);
    }

    @Bean
    TaskHandler<NoInput, Done> alwaysFailingHandler() {
        return new CountingHandler("always-fails") {
            @Override
            Done attempt(int attempt) {
                throw new IllegalStateException("downstream unavailable");
            }
        };
    }

    @Bean
    TaskHandler<NoInput, Done> rejectingHandler() {
        return new CountingHandler("rejects-input") {
            @Override
            Done attempt(int attempt) {
                throw RuleViolationException.of("order_number", "input names no order");
            }
        };
    }

    @Bean
    TaskHandler<NoInput, Done> flakyHandler() {
        return new CountingHandler("flaky") {
            @Override
            Done attempt(int attempt) {
                if (attempt < 3) {
                    throw new IllegalStateException("transient failure " + attempt);
                }
                return new Done(attempt);
            }
        };
    }

    /** Fails as a handler does while PostgreSQL restarts: more often than the retries a bad record gets. */
    @Bean
    TaskHandler<NoInput, Done> databaseOutageHandler() {
        return new CountingHandler("database-outage") {
            @Override
            Done attempt(int attempt) {
                if (attempt <= 5) {
                    throw new CannotGetJdbcConnectionException(
                            "Failed to obtain JDBC Connection",
                            new SQLTransientConnectionException("Connection is not available, attempt " + attempt));
                }
                return new Done(attempt);
            }
        };
    }

    /** Answers with more than one Kafka record (1 MiB by default) can carry, after writing its own effect. */
    @Bean
    TaskHandler<NoInput, Blob> oversizedOutputHandler(JdbcTemplate jdbc) {
        return new TaskHandler<>() {
            @Override
            public String taskType() {
                return "oversized-output";
            }

            @Override
            public String description() {
                return "A test handler: answers with 1.2 MB.";
            }

            @Override
            public NoInput example() {
                return new NoInput();
            }

            @Override
            public Blob handle(NoInput input, TaskContext context) {
                ATTEMPTS.computeIfAbsent(context.taskId(), id -> new AtomicInteger())
                        .incrementAndGet();
                jdbc.update("INSERT INTO test_effects (task_id) VALUES (?)", context.taskId());
                return new Blob("x".repeat(1_200_000));
            }
        };
    }

    /**
     * Refuses the request with a reason and a list of fields at fault that together are more than one Kafka record
     * (1 MiB by default) can carry, as a handler quoting a large input back could.
     */
    @Bean
    TaskHandler<NoInput, Done> oversizedRefusalHandler() {
        return new CountingHandler("oversized-refusal") {
            @Override
            Done attempt(int attempt) {
                List<FieldErrorDetail> errors = IntStream.range(0, OVERSIZED_REFUSAL_FIELD_ERRORS)
                        .mapToObj(i ->
                                new FieldErrorDetail("lines[" + i + "].sku", "is not a product: " + "y".repeat(60)))
                        .toList();
                throw new RuleViolationException("the order is refused: " + "x".repeat(700_000), errors);
            }
        };
    }

    public static final int OVERSIZED_REFUSAL_FIELD_ERRORS = 10_000;

    @Bean
    TaskHandler<NoInput, Done> slowHandler() {
        return new CountingHandler("slow") {
            @Override
            Done attempt(int attempt) {
                // stands in for real work (a model call) that keeps the agent busy
                LockSupport.parkNanos(5_000_000);
                return new Done(attempt);
            }
        };
    }

    static final class EchoHandler implements TaskHandler<EchoInput, EchoOutput> {
        private final JdbcTemplate jdbc;

        EchoHandler(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String taskType() {
            return "echo";
        }

        @Override
        public String description() {
            return "Answers with the greeting, repeated.";
        }

        @Override
        public EchoInput example() {
            return new EchoInput("hello", 2);
        }

        @Override
        public EchoOutput handle(EchoInput input, TaskContext context) {
            // the handler's own database effect: must happen exactly once per task
            jdbc.update("INSERT INTO test_effects (task_id) VALUES (?)", context.taskId());
            context.reportProgress(50);
            int times = input.repeatCount() == null ? 1 : input.repeatCount();
            return new EchoOutput(String.join(" ", java.util.Collections.nCopies(times, input.greeting())));
        }
    }

    /** Counts each attempt per task, so tests can tell retries from duplicates. */
    abstract static class CountingHandler implements TaskHandler<NoInput, Done> {
        private final String taskType;

        CountingHandler(String taskType) {
            this.taskType = taskType;
        }

        @Override
        public String taskType() {
            return taskType;
        }

        @Override
        public String description() {
            return "A test handler: " + taskType + ".";
        }

        @Override
        public NoInput example() {
            return new NoInput();
        }

        @Override
        public Done handle(NoInput input, TaskContext context) {
            int attempt = ATTEMPTS.computeIfAbsent(context.taskId(), id -> new AtomicInteger())
                    .incrementAndGet();
            return attempt(attempt);
        }

        abstract Done attempt(int attempt);
    }
}
