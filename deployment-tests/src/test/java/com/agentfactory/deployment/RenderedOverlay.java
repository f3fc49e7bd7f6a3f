package com.agentfactory.deployment;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * An overlay as kubectl renders it ({@code kubectl kustomize <overlay>}, the objects {@code kubectl apply -k}
 * would send), read into typed Kubernetes objects. No JVM implementation of kustomize exists, so the tests run
 * kubectl: {@code KUBECTL} names it, else {@code kubectl} on the PATH.
 */
final class RenderedOverlay {

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final Map<Overlay, RenderedOverlay> RENDERED = new EnumMap<>(Overlay.class);

    private final Overlay overlay;
    private final List<HasMetadata> objects;

    private RenderedOverlay(Overlay overlay, List<HasMetadata> objects) {
        this.overlay = overlay;
        this.objects = List.copyOf(objects);
    }

    /** Rendered once per test JVM and overlay. */
    static synchronized RenderedOverlay of(Overlay overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> parse(o, render(o)));
    }

    static KubernetesSerialization serialization() {
        KubernetesSerialization serialization = new KubernetesSerialization();
        serialization.registerKubernetesResource(Kafka.class);
        serialization.registerKubernetesResource(KafkaNodePool.class);
        serialization.registerKubernetesResource(KafkaTopic.class);
        serialization.registerKubernetesResource(PrometheusRule.class);
        return serialization;
    }

    /** Every YAML document of a multi-document stream as a typed object (GenericKubernetesResource if unknown). */
    static List<HasMetadata> parseObjects(String yaml) {
        KubernetesSerialization serialization = serialization();
        List<HasMetadata> parsed = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
            if (!document.isBlank()) {
                parsed.add(serialization.unmarshal(document, HasMetadata.class));
            }
        }
        return parsed;
    }

    static RenderedOverlay parse(Overlay overlay, String yaml) {
        return new RenderedOverlay(overlay, parseObjects(yaml));
    }

    static String kubectl() {
        String configured = System.getenv("KUBECTL");
        return configured == null || configured.isBlank() ? "kubectl" : configured;
    }

    private static String render(Overlay overlay) {
        List<String> command = List.of(kubectl(), "kustomize", overlay.path().toString());
        try {
            Process process = new ProcessBuilder(command).start();
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String output = readAll(process.getInputStream());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " failed (" + process.exitValue() + "): " + errors.join());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot run " + command.getFirst() + " (install kubectl or set KUBECTL): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String readAll(InputStream in) {
        try (in;
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Overlay overlay() {
        return overlay;
    }

    List<HasMetadata> objects() {
        return objects;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream()
                .filter(o -> name.equals(o.getMetadata().getName()))
                .findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name)
                .orElseThrow(() -> new AssertionError(
                        "the " + overlay + " overlay renders no " + type.getSimpleName() + " " + name));
    }

    Deployment deployment(String name) {
        return get(Deployment.class, name);
    }

    /** Objects of a kind no typed model is registered for (custom resources of other operators). */
    List<GenericKubernetesResource> generic(String apiVersion, String kind) {
        return all(GenericKubernetesResource.class).stream()
                .filter(r -> apiVersion.equals(r.getApiVersion()) && kind.equals(r.getKind()))
                .toList();
    }
}
