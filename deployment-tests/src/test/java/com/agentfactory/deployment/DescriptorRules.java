package com.agentfactory.deployment;

import com.agentfactory.deployment.ProjectFiles.Manifest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks, as functions from parsed descriptors to a list of violations (empty = compliant). The tests run
 * them on the real files and, in {@link DescriptorRulesTest}, on broken samples to prove each rule can fail.
 */
final class DescriptorRules {

    static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job");
    static final Set<String> SECRET_ENV_NAMES =
            Set.of("DATABASE_PASSWORD", "JWT_SECRET", "ADMIN_EMAIL", "ADMIN_PASSWORD", "AGENTFACTORY_SERVICE_CLIENTS");

    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([kKmMgG])");
    private static final Pattern METASPACE = Pattern.compile("-XX:MaxMetaspaceSize=(\\d+)([kKmMgG])");
    private static final Pattern CODE_CACHE = Pattern.compile("-XX:ReservedCodeCacheSize=(\\d+)([kKmMgG])");
    private static final Pattern QUANTITY = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGkmg]i?|[bB])?");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{[A-Z_][A-Z0-9_]*(?::?[-?][^}]*)?}");

    private DescriptorRules() {}

    // ---------------------------------------------------------------- Kubernetes: documents and workloads

    static List<String> identityViolations(List<Manifest> docs) {
        List<String> violations = new ArrayList<>();
        for (Manifest m : docs) {
            for (String[] path :
                    List.of(new String[] {"apiVersion"}, new String[] {"kind"}, new String[] {"metadata", "name"})) {
                String value = Yamls.str(m.doc(), path);
                if (value == null || value.isBlank()) {
                    violations.add(m.file().getFileName() + ": document without " + String.join(".", path));
                }
            }
        }
        return violations;
    }

    static List<Map<String, Object>> containers(Manifest workload) {
        List<Map<String, Object>> all = new ArrayList<>();
        all.addAll(Yamls.maps(workload.doc(), "spec", "template", "spec", "containers"));
        all.addAll(Yamls.maps(workload.doc(), "spec", "template", "spec", "initContainers"));
        return all;
    }

    static List<String> resourceViolations(Manifest workload) {
        List<String> violations = new ArrayList<>();
        List<Map<String, Object>> containers = containers(workload);
        if (containers.isEmpty()) {
            violations.add(workload + ": no containers");
        }
        for (Map<String, Object> c : containers) {
            for (String bound : List.of("requests", "limits")) {
                for (String resource : List.of("memory", "cpu")) {
                    if (Yamls.get(c, "resources", bound, resource) == null) {
                        violations.add(workload + " container " + c.get("name") + ": no " + bound + "." + resource);
                    }
                }
            }
        }
        return violations;
    }

    static List<String> probeViolations(Manifest deployment) {
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> c : Yamls.maps(deployment.doc(), "spec", "template", "spec", "containers")) {
            checkProbe(violations, deployment, c, "livenessProbe", "/actuator/health/liveness");
            checkProbe(violations, deployment, c, "readinessProbe", "/actuator/health/readiness");
            checkProbe(violations, deployment, c, "startupProbe", "/actuator/health/");
        }
        return violations;
    }

    private static void checkProbe(
            List<String> violations, Manifest deployment, Map<String, Object> container, String probe, String path) {
        String actual = Yamls.str(container, probe, "httpGet", "path");
        if (actual == null || !actual.startsWith(path)) {
            violations.add(deployment + ": " + probe + " path is " + actual + ", expected " + path + "...");
        }
        if (Yamls.get(container, probe, "httpGet", "port") == null) {
            violations.add(deployment + ": " + probe + " without port");
        }
    }

    /** -Xmx in JAVA_TOOL_OPTIONS equals the table; heap + metaspace + code cache fit below the memory limit. */
    static List<String> heapViolations(Manifest deployment, ServiceTable expected) {
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> c : Yamls.maps(deployment.doc(), "spec", "template", "spec", "containers")) {
            String options = envValue(c, "JAVA_TOOL_OPTIONS");
            int limitMi = mebibytes(Yamls.str(c, "resources", "limits", "memory"));
            int requestMi = mebibytes(Yamls.str(c, "resources", "requests", "memory"));
            violations.addAll(jvmMemoryViolations(deployment.toString(), options, expected, limitMi));
            if (requestMi != expected.memoryRequestMi()) {
                violations.add(deployment + ": memory request " + requestMi + "Mi, table says "
                        + expected.memoryRequestMi() + "Mi");
            }
        }
        return violations;
    }

    static List<String> jvmMemoryViolations(String where, String options, ServiceTable expected, int limitMi) {
        List<String> violations = new ArrayList<>();
        if (options == null) {
            violations.add(where + ": no JAVA_TOOL_OPTIONS");
            return violations;
        }
        int heap = option(XMX, options);
        if (heap < 0) {
            violations.add(where + ": no -Xmx in JAVA_TOOL_OPTIONS");
            return violations;
        }
        if (heap != expected.heapMb()) {
            violations.add(where + ": -Xmx" + heap + "m, table says " + expected.heapMb() + "m");
        }
        if (limitMi != expected.memoryLimitMi()) {
            violations.add(where + ": memory limit " + limitMi + "Mi, table says " + expected.memoryLimitMi() + "Mi");
        }
        int nonHeap = Math.max(0, option(METASPACE, options)) + Math.max(0, option(CODE_CACHE, options));
        if (heap + nonHeap >= limitMi) {
            violations.add(
                    where + ": heap " + heap + "m + metaspace/code cache " + nonHeap + "m >= limit " + limitMi + "Mi");
        }
        return violations;
    }

    private static int option(Pattern pattern, String options) {
        Matcher m = pattern.matcher(options);
        return m.find() ? mebibytes(m.group(1) + m.group(2)) : -1;
    }

    static String envValue(Map<String, Object> container, String name) {
        return Yamls.maps(container, "env").stream()
                .filter(e -> name.equals(e.get("name")))
                .map(e -> Yamls.str(e, "value"))
                .findFirst()
                .orElse(null);
    }

    /** Kubernetes (512Mi, 1Gi) and compose (512m, 1g) memory quantities in MiB; -1 when unparseable. */
    static int mebibytes(String quantity) {
        if (quantity == null) {
            return -1;
        }
        Matcher m = QUANTITY.matcher(quantity.trim());
        if (!m.matches()) {
            return -1;
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        double mib =
                switch (unit) {
                    case "Ki", "k", "K", "ki" -> value / 1024;
                    case "Mi", "m", "M", "mi" -> value;
                    case "Gi", "g", "G", "gi" -> value * 1024;
                    default -> value / (1024 * 1024);
                };
        return (int) Math.round(mib);
    }

    static List<String> securityContextViolations(Manifest deployment) {
        List<String> violations = new ArrayList<>();
        Map<String, Object> pod = Yamls.map(deployment.doc(), "spec", "template", "spec");
        Set<String> emptyDirs = new LinkedHashSet<>();
        for (Map<String, Object> v : Yamls.maps(pod, "volumes")) {
            if (v.containsKey("emptyDir")) {
                emptyDirs.add(String.valueOf(v.get("name")));
            }
        }
        boolean podNonRoot = Boolean.TRUE.equals(Yamls.get(pod, "securityContext", "runAsNonRoot"));
        for (Map<String, Object> c : Yamls.maps(pod, "containers")) {
            if (!podNonRoot && !Boolean.TRUE.equals(Yamls.get(c, "securityContext", "runAsNonRoot"))) {
                violations.add(deployment + ": runAsNonRoot is not set");
            }
            if (!Boolean.TRUE.equals(Yamls.get(c, "securityContext", "readOnlyRootFilesystem"))) {
                violations.add(deployment + ": readOnlyRootFilesystem is not set");
            }
            if (!Boolean.FALSE.equals(Yamls.get(c, "securityContext", "allowPrivilegeEscalation"))) {
                violations.add(deployment + ": allowPrivilegeEscalation is not false");
            }
            boolean tmpOnEmptyDir = Yamls.maps(c, "volumeMounts").stream()
                    .anyMatch(m -> "/tmp".equals(m.get("mountPath")) && emptyDirs.contains(m.get("name")));
            if (!tmpOnEmptyDir) {
                violations.add(deployment + ": /tmp is not an emptyDir");
            }
        }
        return violations;
    }

    // ---------------------------------------------------------------- Kubernetes: secrets

    static List<String> literalSecretViolations(List<Manifest> docs) {
        List<String> violations = new ArrayList<>();
        for (Manifest m : docs) {
            if ("Secret".equals(m.kind())
                    && (!Yamls.map(m.doc(), "data").isEmpty()
                            || !Yamls.map(m.doc(), "stringData").isEmpty())) {
                violations.add(m + ": Secret with literal values is applied");
            }
            if (WORKLOAD_KINDS.contains(m.kind())) {
                for (Map<String, Object> c : containers(m)) {
                    for (Map<String, Object> e : Yamls.maps(c, "env")) {
                        if (SECRET_ENV_NAMES.contains(String.valueOf(e.get("name"))) && e.containsKey("value")) {
                            violations.add(m + ": " + e.get("name") + " has a literal value");
                        }
                    }
                }
            }
        }
        return violations;
    }

    static List<String> secretReferenceViolations(List<Manifest> docs, String secretName, Set<String> documentedKeys) {
        List<String> violations = new ArrayList<>();
        for (Manifest m : docs) {
            if (!WORKLOAD_KINDS.contains(m.kind())) {
                continue;
            }
            for (Map<String, Object> c : containers(m)) {
                for (Map<String, Object> e : Yamls.maps(c, "env")) {
                    Map<String, Object> ref = Yamls.map(e, "valueFrom", "secretKeyRef");
                    if (ref.isEmpty()) {
                        continue;
                    }
                    if (!secretName.equals(ref.get("name"))) {
                        violations.add(m + ": " + e.get("name") + " refers to secret " + ref.get("name"));
                    }
                    if (!documentedKeys.contains(String.valueOf(ref.get("key")))) {
                        violations.add(m + ": secret key " + ref.get("key") + " is not documented in the README");
                    }
                }
                for (Map<String, Object> from : Yamls.maps(c, "envFrom")) {
                    String name = Yamls.str(from, "secretRef", "name");
                    if (name != null && !secretName.equals(name)) {
                        violations.add(m + ": envFrom refers to secret " + name);
                    }
                }
            }
        }
        return violations;
    }

    // ---------------------------------------------------------------- compose

    /** A value is acceptable for a secret variable only if it is made of ${...} references. */
    static boolean isEnvironmentReference(Object value) {
        return value != null
                && ENV_REFERENCE.matcher(String.valueOf(value)).replaceAll("").isBlank()
                && String.valueOf(value).contains("${");
    }

    static List<String> composeServiceViolations(Map<String, Object> compose) {
        List<String> violations = new ArrayList<>();
        Map<String, Object> services = Yamls.map(compose, "services");
        if (services.isEmpty()) {
            violations.add("compose file without services");
        }
        services.forEach((name, service) -> {
            if (Yamls.get(service, "healthcheck", "test") == null) {
                violations.add(name + ": no healthcheck");
            }
            if (mebibytes(Yamls.str(service, "mem_limit")) <= 0) {
                violations.add(name + ": no mem_limit");
            }
            Map<String, Object> environment = Yamls.map(service, "environment");
            environment.forEach((key, value) -> {
                if (SECRET_ENV_NAMES.contains(key) && !isEnvironmentReference(value)) {
                    violations.add(name + ": " + key + " is a literal, not a ${...} reference");
                }
            });
            for (Object item : Yamls.list(service, "environment")) {
                String entry = String.valueOf(item);
                String key = entry.contains("=") ? entry.substring(0, entry.indexOf('=')) : entry;
                if (SECRET_ENV_NAMES.contains(key)
                        && entry.contains("=")
                        && !isEnvironmentReference(entry.substring(entry.indexOf('=') + 1))) {
                    violations.add(name + ": " + key + " is a literal, not a ${...} reference");
                }
            }
        });
        return violations;
    }

    static List<String> composePublishedPortViolations(Map<String, Object> compose, String onlyPublisher) {
        List<String> violations = new ArrayList<>();
        Yamls.map(compose, "services").forEach((name, service) -> {
            boolean publishes = !Yamls.list(service, "ports").isEmpty();
            if (publishes && !name.equals(onlyPublisher)) {
                violations.add(name + " publishes ports " + Yamls.list(service, "ports"));
            }
            if (!publishes && name.equals(onlyPublisher)) {
                violations.add(name + " does not publish its port");
            }
        });
        return violations;
    }

    // ---------------------------------------------------------------- Dockerfile

    static List<String> dockerfileViolations(String dockerfile) {
        List<String> violations = new ArrayList<>();
        List<String> lines = dockerfile.lines().map(String::strip).toList();
        List<String> users = lines.stream()
                .filter(l -> l.toUpperCase().startsWith("USER "))
                .map(l -> l.substring(5).strip())
                .toList();
        if (users.isEmpty()) {
            violations.add("no USER instruction: the image runs as root");
        } else {
            String last = users.getLast().split(":")[0];
            if (last.equals("root") || last.equals("0")) {
                violations.add("the final USER is root");
            }
        }
        if (lines.stream().noneMatch(l -> l.matches("(?i)ARG\\s+SERVICE(=.*)?"))) {
            violations.add("no ARG SERVICE");
        }
        if (lines.stream().noneMatch(l -> l.contains("-pl") && l.contains("${SERVICE}"))) {
            violations.add("the build does not select the module named by SERVICE (-pl ${SERVICE})");
        }
        return violations;
    }
}
