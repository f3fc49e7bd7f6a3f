package com.agentfactory.infra;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local servers listen and keep their data. Port 0 picks a free port (tests); the local run
 * uses fixed ports so the services' default configuration finds them (SMTP on 13025). An external server named in the
 * environment replaces the embedded one.
 */
public record InfrastructureSettings(
        Path dataDirectory,
        boolean cleanData,
        int postgresPort,
        int kafkaPort,
        int redisPort,
        int smtpPort,
        String externalJdbcUrl,
        String externalKafkaBootstrapServers,
        String externalRedisUrl) {

    public static final String DATABASE = "agentfactory";
    public static final String USER = "agentfactory";

    /** Free ports and a fresh data directory under the build folder: one per test JVM. */
    public static InfrastructureSettings forTests(Path buildDirectory) {
        return new InfrastructureSettings(
                        buildDirectory.resolve(
                                "local-infra-" + ProcessHandle.current().pid()),
                        true,
                        0,
                        0,
                        0,
                        0,
                        null,
                        null,
                        null)
                .withExternalServersFrom(System.getenv());
    }

    /** Fixed ports matching the services' local defaults; data kept between runs unless asked otherwise. */
    public static InfrastructureSettings forLocalRun(Path dataDirectory, boolean cleanData) {
        return new InfrastructureSettings(dataDirectory, cleanData, 15432, 19092, 16379, 13025, null, null, null)
                .withExternalServersFrom(System.getenv());
    }

    /**
     * AGENTFACTORY_EXTERNAL_DATABASE_URL, AGENTFACTORY_EXTERNAL_KAFKA and AGENTFACTORY_EXTERNAL_REDIS_URL
     * point the starter (and so the tests) at servers that already run, instead of starting them.
     */
    public InfrastructureSettings withExternalServersFrom(Map<String, String> environment) {
        return new InfrastructureSettings(
                dataDirectory,
                cleanData,
                postgresPort,
                kafkaPort,
                redisPort,
                smtpPort,
                blankToNull(environment.get("AGENTFACTORY_EXTERNAL_DATABASE_URL")),
                blankToNull(environment.get("AGENTFACTORY_EXTERNAL_KAFKA")),
                blankToNull(environment.get("AGENTFACTORY_EXTERNAL_REDIS_URL")));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
