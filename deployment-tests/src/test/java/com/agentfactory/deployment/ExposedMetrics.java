package com.agentfactory.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Prometheus series names the services expose on /actuator/prometheus, derived from the code: the meters our
 * main sources register (Micrometer names, dots to underscores, with the suffixes the Prometheus registry adds
 * per meter type), plus the meters of libraries we switch on, each with the line of ours that switches it on.
 */
final class ExposedMetrics {

    private ExposedMetrics() {}

    enum MeterType {
        COUNTER,
        GAUGE,
        TIMER,
        /** a timer that also publishes histogram buckets (service level objectives or a percentile histogram) */
        TIMER_WITH_BUCKETS,
        SUMMARY;

        /** The series a meter of this type appears as, following Micrometer's PrometheusNamingConvention. */
        Set<String> series(String micrometerName, String baseUnit) {
            String name = micrometerName.replace('.', '_') + (baseUnit == null ? "" : "_" + baseUnit);
            return switch (this) {
                case COUNTER -> Set.of(name + "_total");
                case GAUGE -> Set.of(name);
                // the bare name carries the quantiles of timers and summaries that publish percentiles
                case TIMER, SUMMARY -> Set.of(name, name + "_count", name + "_sum", name + "_max");
                case TIMER_WITH_BUCKETS ->
                    Set.of(name, name + "_count", name + "_sum", name + "_max", name + "_bucket");
            };
        }
    }

    /** A library meter and where our code or build switches it on (file under the root, text it contains). */
    record LibraryMeter(String name, MeterType type, String baseUnit, String witnessFile, String witnessText) {}

    static final List<LibraryMeter> LIBRARY_METERS = List.of(
            // every service exposes the Prometheus endpoint; Spring Boot's server observation, JVM and process binders
            new LibraryMeter(
                    "http.server.requests",
                    MeterType.TIMER,
                    "seconds",
                    "gateway-service/pom.xml",
                    "micrometer-registry-prometheus"),
            // the gateway's requests also publish latency buckets, for percentiles across instances
            new LibraryMeter(
                    "http.server.requests",
                    MeterType.TIMER_WITH_BUCKETS,
                    "seconds",
                    "gateway-service/src/main/resources/application.yml",
                    "http.server.requests: 10ms"),
            new LibraryMeter(
                    "jvm.memory.used",
                    MeterType.GAUGE,
                    "bytes",
                    "gateway-service/pom.xml",
                    "spring-boot-starter-actuator"),
            new LibraryMeter(
                    "jvm.memory.max",
                    MeterType.GAUGE,
                    "bytes",
                    "gateway-service/pom.xml",
                    "spring-boot-starter-actuator"),
            new LibraryMeter(
                    "jvm.gc.pause",
                    MeterType.TIMER,
                    "seconds",
                    "gateway-service/pom.xml",
                    "spring-boot-starter-actuator"),
            new LibraryMeter(
                    "process.cpu.usage",
                    MeterType.GAUGE,
                    null,
                    "gateway-service/pom.xml",
                    "spring-boot-starter-actuator"),
            // Hikari's pool metrics, bound by Spring Boot for the JDBC pool of every service with a database
            new LibraryMeter(
                    "hikaricp.connections.active",
                    MeterType.GAUGE,
                    null,
                    "common-messaging/pom.xml",
                    "spring-boot-starter-jdbc"),
            new LibraryMeter(
                    "hikaricp.connections.pending",
                    MeterType.GAUGE,
                    null,
                    "common-messaging/pom.xml",
                    "spring-boot-starter-jdbc"),
            // Kafka client metrics, bound by the listener common-messaging adds to every consumer factory
            new LibraryMeter(
                    "kafka.consumer.fetch.manager.records.lag.max",
                    MeterType.GAUGE,
                    null,
                    "common-messaging/src/main/java/com/agentfactory/messaging/MessagingAutoConfiguration.java",
                    "new MicrometerConsumerListener<>"),
            new LibraryMeter(
                    "kafka.consumer.fetch.manager.records.consumed.rate",
                    MeterType.GAUGE,
                    null,
                    "common-messaging/src/main/java/com/agentfactory/messaging/MessagingAutoConfiguration.java",
                    "new MicrometerConsumerListener<>"));

    /** Prometheus's own series for every scrape target. */
    static final Set<String> SCRAPE_SERIES = Set.of("up");

    private static final Map<MeterType, Pattern> REGISTRATIONS = Map.of(
            MeterType.COUNTER, Pattern.compile("(?:Counter\\.builder|\\.counter)\\(\\s*\"([^\"]+)\""),
            MeterType.GAUGE, Pattern.compile("(?:(?:Multi)?Gauge\\.builder|\\bgauge)\\(\\s*\"([^\"]+)\""),
            MeterType.TIMER, Pattern.compile("(?:Timer\\.builder|\\.timer)\\(\\s*\"([^\"]+)\""),
            MeterType.SUMMARY, Pattern.compile("(?:DistributionSummary\\.builder|\\.summary)\\(\\s*\"([^\"]+)\""));

    /** Series name to the module that registers it, for every meter our main sources register. */
    static Map<String, String> ownSeries() {
        Map<String, String> series = new TreeMap<>();
        for (Path source : mainSources()) {
            String module = ProjectFiles.root().relativize(source).getName(0).toString();
            String code = ProjectFiles.read(source);
            REGISTRATIONS.forEach((type, pattern) -> {
                Matcher matcher = pattern.matcher(code);
                while (matcher.find()) {
                    String unit = type == MeterType.TIMER ? "seconds" : null;
                    type.series(matcher.group(1), unit).forEach(s -> series.put(s, module));
                }
            });
        }
        return series;
    }

    static Set<String> librarySeries() {
        Set<String> series = new TreeSet<>(SCRAPE_SERIES);
        LIBRARY_METERS.forEach(m -> series.addAll(m.type().series(m.name(), m.baseUnit())));
        return series;
    }

    static Set<String> all() {
        Set<String> all = new TreeSet<>(librarySeries());
        all.addAll(ownSeries().keySet());
        return all;
    }

    private static List<Path> mainSources() {
        try (Stream<Path> files = Files.walk(ProjectFiles.root(), 16)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().contains("/src/main/java/"))
                    .filter(f ->
                            !f.toString().contains("/target/") && !f.toString().contains("/node_modules/"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
