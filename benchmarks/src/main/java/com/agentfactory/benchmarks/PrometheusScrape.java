package com.agentfactory.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's gauges from its Prometheus scrape, the actuator endpoint every service serves without a token (its
 * other actuator endpoints want an administrator).
 */
final class PrometheusScrape {

    private PrometheusScrape() {}

    /** The service's scrape, or empty when it did not answer. */
    static Optional<String> read(HttpClient http, String baseUrl) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** A gauge of the scrape, summed over its labelled series and rounded; empty when the scrape has none. */
    static Optional<Integer> gauge(String scrape, String name) {
        Matcher series = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([-0-9.Ee+]+)$", Pattern.MULTILINE)
                .matcher(scrape);
        double sum = 0;
        boolean found = false;
        while (series.find()) {
            sum += Double.parseDouble(series.group(2));
            found = true;
        }
        return found ? Optional.of((int) Math.round(sum)) : Optional.empty();
    }
}
