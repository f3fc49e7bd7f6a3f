package com.agentfactory.deployment;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates the ingress NetworkPolicies of one namespace the way Kubernetes does: which of a set of candidate
 * clients may open a connection to a workload's port. Pods are known by their labels: the rendered Deployments
 * and StatefulSets, plus the pods operators create (Kafka brokers, PostgreSQL instances), given by the caller.
 */
final class NetworkPolicyModel {

    /** A client: a pod with labels in a namespace, or (namespace null) an address outside the cluster. */
    record Peer(String name, String namespace, Map<String, String> labels) {

        static Peer pod(String name, String namespace, Map<String, String> labels) {
            return new Peer(name, namespace, labels);
        }

        static Peer outsideTheCluster(String name) {
            return new Peer(name, null, Map.of());
        }

        Map<String, String> namespaceLabels() {
            return namespace == null ? Map.of() : Map.of("kubernetes.io/metadata.name", namespace);
        }
    }

    private final String namespace;
    private final Map<String, Map<String, String>> podLabels = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> namedPorts = new LinkedHashMap<>();
    private final List<NetworkPolicy> policies;

    NetworkPolicyModel(String namespace, List<HasMetadata> objects, Map<String, Map<String, String>> operatorPods) {
        this.namespace = namespace;
        for (HasMetadata object : objects) {
            if (object instanceof Deployment || object instanceof StatefulSet) {
                var template = object instanceof Deployment d
                        ? d.getSpec().getTemplate()
                        : ((StatefulSet) object).getSpec().getTemplate();
                podLabels.put(
                        object.getMetadata().getName(), template.getMetadata().getLabels());
                Map<String, Integer> ports = new LinkedHashMap<>();
                template.getSpec().getContainers().stream()
                        .flatMap(c -> Optional.ofNullable(c.getPorts()).orElse(List.of()).stream())
                        .filter(p -> p.getName() != null)
                        .forEach(p -> ports.put(p.getName(), p.getContainerPort()));
                namedPorts.put(object.getMetadata().getName(), ports);
            }
        }
        operatorPods.forEach((name, labels) -> {
            podLabels.put(name, labels);
            namedPorts.put(name, Map.of());
        });
        this.policies = objects.stream()
                .filter(NetworkPolicy.class::isInstance)
                .map(NetworkPolicy.class::cast)
                .toList();
    }

    Set<String> workloads() {
        return podLabels.keySet();
    }

    /** The pods of this namespace, as clients. */
    List<Peer> namespacePods() {
        List<Peer> pods = new ArrayList<>();
        podLabels.forEach((name, labels) -> pods.add(Peer.pod(name, namespace, labels)));
        return pods;
    }

    boolean hasDefaultDenyIngress() {
        return policies.stream()
                .anyMatch(p -> isEmpty(p.getSpec().getPodSelector())
                        && isIngressPolicy(p)
                        && Optional.ofNullable(p.getSpec().getIngress())
                                .orElse(List.of())
                                .isEmpty());
    }

    /** The names of the candidates allowed to connect to the workload's port. */
    Set<String> admitted(String workload, int port, List<Peer> candidates) {
        Map<String, String> labels = podLabels.get(workload);
        if (labels == null) {
            throw new IllegalArgumentException("no pods of " + workload + " in " + podLabels.keySet());
        }
        List<NetworkPolicy> selecting = policies.stream()
                .filter(p -> isIngressPolicy(p) && selects(p.getSpec().getPodSelector(), labels))
                .toList();
        Set<String> admitted = new TreeSet<>();
        for (Peer candidate : candidates) {
            boolean allowed = selecting.isEmpty()
                    || selecting.stream()
                            .flatMap(p -> Optional.ofNullable(p.getSpec().getIngress()).orElse(List.of()).stream())
                            .anyMatch(rule -> portMatches(rule, workload, port) && fromMatches(rule, candidate));
            if (allowed) {
                admitted.add(candidate.name());
            }
        }
        return admitted;
    }

    private boolean portMatches(NetworkPolicyIngressRule rule, String workload, int port) {
        List<NetworkPolicyPort> ports = Optional.ofNullable(rule.getPorts()).orElse(List.of());
        return ports.isEmpty() || ports.stream().anyMatch(p -> resolve(p.getPort(), workload) == port);
    }

    private int resolve(IntOrString port, String workload) {
        if (port == null) {
            return -1;
        }
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return namedPorts.getOrDefault(workload, Map.of()).getOrDefault(port.getStrVal(), -1);
    }

    private boolean fromMatches(NetworkPolicyIngressRule rule, Peer candidate) {
        List<NetworkPolicyPeer> from = Optional.ofNullable(rule.getFrom()).orElse(List.of());
        return from.isEmpty() || from.stream().anyMatch(peer -> peerMatches(peer, candidate));
    }

    private boolean peerMatches(NetworkPolicyPeer peer, Peer candidate) {
        if (peer.getIpBlock() != null) {
            // an address range: treated as admitting clients outside the cluster (the conservative reading)
            return candidate.namespace() == null;
        }
        if (candidate.namespace() == null) {
            return false;
        }
        boolean namespaceMatches = peer.getNamespaceSelector() == null
                ? namespace.equals(candidate.namespace())
                : selects(peer.getNamespaceSelector(), candidate.namespaceLabels());
        boolean podMatches = peer.getPodSelector() == null || selects(peer.getPodSelector(), candidate.labels());
        return namespaceMatches && podMatches;
    }

    private static boolean isIngressPolicy(NetworkPolicy policy) {
        List<String> types =
                Optional.ofNullable(policy.getSpec().getPolicyTypes()).orElse(List.of());
        return types.isEmpty() || types.contains("Ingress");
    }

    private static boolean isEmpty(LabelSelector selector) {
        return selector == null
                || (Optional.ofNullable(selector.getMatchLabels())
                                .orElse(Map.of())
                                .isEmpty()
                        && Optional.ofNullable(selector.getMatchExpressions())
                                .orElse(List.of())
                                .isEmpty());
    }

    /** Label selector semantics: every matchLabels entry and every matchExpressions requirement holds. */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        Map<String, String> actual = labels == null ? Map.of() : labels;
        boolean labelsMatch = Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of()).entrySet().stream()
                .allMatch(e -> Objects.equals(e.getValue(), actual.get(e.getKey())));
        return labelsMatch
                && Optional.ofNullable(selector.getMatchExpressions()).orElse(List.of()).stream()
                        .allMatch(requirement -> holds(requirement, actual));
    }

    private static boolean holds(LabelSelectorRequirement requirement, Map<String, String> labels) {
        String value = labels.get(requirement.getKey());
        List<String> values = Optional.ofNullable(requirement.getValues()).orElse(List.of());
        return switch (requirement.getOperator()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> throw new IllegalArgumentException("unknown selector operator " + requirement.getOperator());
        };
    }

    static int containerPort(Deployment deployment, String name) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .flatMap(c -> Optional.ofNullable(c.getPorts()).orElse(List.of()).stream())
                .filter(p -> name.equals(p.getName()))
                .mapToInt(ContainerPort::getContainerPort)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no port named " + name + " in " + deployment));
    }
}
