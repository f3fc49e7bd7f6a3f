package com.agentfactory.deployment;

import com.agentfactory.deployment.ProjectFiles.Manifest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A small evaluator of ingress NetworkPolicies within one namespace: which workloads may reach a workload, and
 * whether anything outside the namespace may. Supports matchLabels selectors (matchExpressions are rejected).
 */
final class NetworkPolicyModel {

    private final Map<String, Map<String, Object>> podLabels = new LinkedHashMap<>();
    private final List<Manifest> policies;

    NetworkPolicyModel(List<Manifest> docs) {
        for (Manifest m : docs) {
            if (Set.of("Deployment", "StatefulSet").contains(m.kind())) {
                podLabels.put(m.name(), Yamls.map(m.doc(), "spec", "template", "metadata", "labels"));
            }
        }
        this.policies =
                docs.stream().filter(m -> "NetworkPolicy".equals(m.kind())).toList();
    }

    Set<String> workloads() {
        return podLabels.keySet();
    }

    boolean hasDefaultDenyIngress() {
        return policies.stream()
                .anyMatch(p -> Yamls.map(p.doc(), "spec", "podSelector").isEmpty()
                        && Yamls.list(p.doc(), "spec", "policyTypes").contains("Ingress")
                        && Yamls.list(p.doc(), "spec", "ingress").isEmpty());
    }

    private List<Manifest> policiesSelecting(String workload) {
        return policies.stream()
                .filter(p -> isIngressPolicy(p)
                        && selects(Yamls.map(p.doc(), "spec", "podSelector"), podLabels.get(workload)))
                .toList();
    }

    private static boolean isIngressPolicy(Manifest policy) {
        List<Object> types = Yamls.list(policy.doc(), "spec", "policyTypes");
        return types.isEmpty() || types.contains("Ingress");
    }

    /** True if some client outside the namespace (other namespace, external address) may connect. */
    boolean acceptsTrafficFromOutsideNamespace(String workload) {
        List<Manifest> selecting = policiesSelecting(workload);
        if (selecting.isEmpty()) {
            return true; // not isolated
        }
        for (Manifest p : selecting) {
            for (Map<String, Object> rule : Yamls.maps(p.doc(), "spec", "ingress")) {
                List<Map<String, Object>> from = Yamls.maps(rule, "from");
                if (from.isEmpty()) {
                    return true;
                }
                if (from.stream()
                        .anyMatch(peer -> peer.containsKey("namespaceSelector") || peer.containsKey("ipBlock"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Workloads of this namespace allowed to connect to the given workload. */
    Set<String> allowedSources(String workload) {
        List<Manifest> selecting = policiesSelecting(workload);
        if (selecting.isEmpty()) {
            return new TreeSet<>(podLabels.keySet());
        }
        Set<String> sources = new TreeSet<>();
        for (Manifest p : selecting) {
            for (Map<String, Object> rule : Yamls.maps(p.doc(), "spec", "ingress")) {
                List<Map<String, Object>> from = Yamls.maps(rule, "from");
                if (from.isEmpty()) {
                    sources.addAll(podLabels.keySet());
                }
                for (Map<String, Object> peer : from) {
                    if (peer.containsKey("ipBlock")) {
                        sources.addAll(podLabels.keySet());
                        continue;
                    }
                    Map<String, Object> podSelector = Yamls.map(peer, "podSelector");
                    podLabels.forEach((name, labels) -> {
                        if (selects(podSelector, labels)) {
                            sources.add(name);
                        }
                    });
                }
            }
        }
        return sources;
    }

    static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        if (selector.containsKey("matchExpressions")) {
            throw new IllegalArgumentException("matchExpressions are not supported by this check: " + selector);
        }
        Map<String, Object> matchLabels = Yamls.map(selector, "matchLabels");
        return matchLabels.entrySet().stream()
                .allMatch(e ->
                        labels != null && String.valueOf(e.getValue()).equals(String.valueOf(labels.get(e.getKey()))));
    }
}
