package com.agentfactory.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL, Kafka, Redis and an SMTP server for the platform: embedded servers started from Maven artifacts, or the
 * external servers the environment names. Tests share one instance per JVM through {@link #shared()}.
 */
public final class LocalInfrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalInfrastructure.class);
    private static LocalInfrastructure shared;

    private final InfrastructureSettings settings;
    private final LocalPostgres postgres;
    private final LocalKafkaBroker kafka;
    private final LocalRedis redis;
    private final LocalSmtp smtp;
    private final List<Runnable> beforeStopping = new CopyOnWriteArrayList<>();

    private LocalInfrastructure(
            InfrastructureSettings settings,
            LocalPostgres postgres,
            LocalKafkaBroker kafka,
            LocalRedis redis,
            LocalSmtp smtp) {
        this.settings = settings;
        this.postgres = postgres;
        this.kafka = kafka;
        this.redis = redis;
        this.smtp = smtp;
    }

    /** Starts what the settings ask for; servers already named by the environment are not started. */
    public static LocalInfrastructure start(InfrastructureSettings settings) {
        long started = System.nanoTime();
        Path data = settings.dataDirectory();
        LocalPostgres postgres = null;
        LocalKafkaBroker kafka = null;
        LocalRedis redis = null;
        LocalSmtp smtp = null;
        try {
            if (settings.externalJdbcUrl() == null) {
                postgres = LocalPostgres.start(data.resolve("postgres"), settings.cleanData(), settings.postgresPort());
                postgres.verify();
            }
            if (settings.externalKafkaBootstrapServers() == null) {
                kafka = LocalKafkaBroker.start(data.resolve("kafka"), settings.cleanData(), settings.kafkaPort());
            }
            if (settings.externalRedisUrl() == null) {
                redis = LocalRedis.start(data.resolve("redis"), settings.redisPort());
            }
            smtp = LocalSmtp.start(settings.smtpPort());
        } catch (Exception e) {
            closeQuietly(smtp);
            closeQuietly(redis);
            closeQuietly(kafka);
            closeQuietly(postgres);
            throw new IllegalStateException("could not start local infrastructure: " + e.getMessage(), e);
        }
        LocalInfrastructure infrastructure = new LocalInfrastructure(settings, postgres, kafka, redis, smtp);
        log.info(
                "Local infrastructure ready in {} ms: postgres {}, kafka {}, redis {}, smtp {}:{}",
                (System.nanoTime() - started) / 1_000_000,
                infrastructure.jdbcUrl(),
                infrastructure.kafkaBootstrapServers(),
                infrastructure.redisUrl(),
                smtp.host(),
                smtp.port());
        return infrastructure;
    }

    /** One set of servers per JVM, stopped when the JVM exits. */
    public static synchronized LocalInfrastructure shared() {
        if (shared == null) {
            Path buildDirectory = Path.of(System.getProperty("agentfactory.build.dir", "target"));
            shared = start(InfrastructureSettings.forTests(buildDirectory));
            LocalInfrastructure toClose = shared;
            // a test JVM's servers and their data go with it, after the applications that use them
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                toClose.beforeStopping.forEach(LocalInfrastructure::runQuietly);
                                toClose.close();
                                deleteQuietly(toClose.settings.dataDirectory());
                            },
                            "local-infra-shutdown"));
        }
        return shared;
    }

    /**
     * Runs {@code action} at the JVM's exit before the shared servers stop, so the applications using them can finish
     * closing first. The JVM runs its shutdown hooks side by side: without this, the servers went away while Spring's
     * hook was still closing the test contexts, and a context's scheduled task then waited out its database connection
     * timeout, holding the JVM until the test runner killed it.
     */
    public void beforeStopping(Runnable action) {
        beforeStopping.add(action);
    }

    public String jdbcUrl() {
        return settings.externalJdbcUrl() != null ? settings.externalJdbcUrl() : postgres.jdbcUrl();
    }

    public String databaseUser() {
        return System.getenv().getOrDefault("AGENTFACTORY_EXTERNAL_DATABASE_USER", InfrastructureSettings.USER);
    }

    public String databasePassword() {
        return System.getenv().getOrDefault("AGENTFACTORY_EXTERNAL_DATABASE_PASSWORD", InfrastructureSettings.USER);
    }

    public String kafkaBootstrapServers() {
        return settings.externalKafkaBootstrapServers() != null
                ? settings.externalKafkaBootstrapServers()
                : kafka.bootstrapServers();
    }

    /** The PostgreSQL server process this JVM started, if it did (none with an external database). */
    public java.util.OptionalLong postgresPid() {
        return postgres == null ? java.util.OptionalLong.empty() : postgres.serverPid();
    }

    public String redisUrl() {
        return settings.externalRedisUrl() != null ? settings.externalRedisUrl() : "redis://127.0.0.1:" + redis.port();
    }

    /** The SMTP server every service sends e-mail to; tests read what arrived from it. */
    public LocalSmtp smtp() {
        return smtp;
    }

    /** The embedded broker, for fault tests that stop and restart it; absent when Kafka is external. */
    public LocalKafkaBroker kafkaBroker() {
        if (kafka == null) {
            throw new IllegalStateException(
                    "Kafka is external (AGENTFACTORY_EXTERNAL_KAFKA); it cannot be stopped here");
        }
        return kafka;
    }

    /**
     * Stops the PostgreSQL server this JVM started (open connections are cut), for fault tests; its data stays for
     * {@link #restartPostgres()}.
     */
    public void stopPostgres() {
        try {
            startedPostgres().stop();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not stop PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** Starts the stopped PostgreSQL server again on the same port with the same data. */
    public void restartPostgres() {
        try {
            startedPostgres().restart();
            postgres.verify();
        } catch (java.io.IOException | java.sql.SQLException e) {
            throw new IllegalStateException("could not restart PostgreSQL: " + e.getMessage(), e);
        }
    }

    public boolean postgresRunning() {
        return startedPostgres().isRunning();
    }

    private LocalPostgres startedPostgres() {
        if (postgres == null) {
            throw new IllegalStateException(
                    "PostgreSQL is external (AGENTFACTORY_EXTERNAL_DATABASE_URL); it cannot be stopped here");
        }
        return postgres;
    }

    /** Connection settings as Spring Boot properties. */
    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl());
        properties.put("spring.datasource.username", databaseUser());
        properties.put("spring.datasource.password", databasePassword());
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers());
        properties.put("spring.data.redis.url", redisUrl());
        properties.put("spring.mail.host", smtp.host());
        properties.put("spring.mail.port", smtp.port());
        return properties;
    }

    /** The same settings as environment variables, for services started as separate processes. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DATABASE_URL", jdbcUrl());
        environment.put("DATABASE_USER", databaseUser());
        environment.put("DATABASE_PASSWORD", databasePassword());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        environment.put("REDIS_URL", redisUrl());
        environment.put("SMTP_HOST", smtp.host());
        environment.put("SMTP_PORT", Integer.toString(smtp.port()));
        return environment;
    }

    @Override
    public void close() {
        closeQuietly(smtp);
        closeQuietly(redis);
        closeQuietly(kafka);
        closeQuietly(postgres);
    }

    private static void deleteQuietly(Path directory) {
        try {
            FileTrees.deleteRecursively(directory);
        } catch (IOException | RuntimeException e) {
            log.warn("Deleting {} failed: {}", directory, e.getMessage());
        }
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("Before stopping the servers: {}", e.getMessage());
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Stopping {} failed: {}", closeable.getClass().getSimpleName(), e.getMessage());
        }
    }
}
