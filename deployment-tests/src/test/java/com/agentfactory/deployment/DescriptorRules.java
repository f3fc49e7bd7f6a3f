package com.agentfactory.deployment;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checks, as functions from descriptors to a list of violations (empty = compliant). Kubernetes rules take
 * the typed objects of a rendered overlay; compose and Dockerfile rules take the parsed files. The tests run them
 * on the real descriptors and, in {@link DescriptorRulesTest}, on broken samples to prove each rule can fail.
 */
final class DescriptorRules {

    static final Set<String> SECRET_ENV_NAMES = Set.of(
            "DATABASE_PASSWORD",
            "JWT_SIGNING_KEY",
            "SERVICE_CLIENT_SECRET",
            "ADMIN_EMAIL",
            "ADMIN_PASSWORD",
            "AGENTFACTORY_SERVICE_CLIENTS",
            "CAMPAIGN_UNSUBSCRIBE_SECRET",
            "CAMPAIGN_WEBHOOK_SECRET",
            "CAMPAIGN_SMS_INBOUND_SECRET",
            "LOGIN_DEVICE_COOKIE_KEY",
            "AD_EXCHANGE_WIN_NOTICE_SECRET",
            "AD_EXCHANGE_PRIMARY_KEY_SHA256",
            "AD_EXCHANGE_SIMULATED_KEY_SHA256",
            "SMTP_PASSWORD",
            "SUPPORT_LLM_API_KEY");

    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([kKmMgG])");
    private static final Pattern METASPACE = Pattern.compile("-XX:MaxMetaspaceSize=(\\d+)([kKmMgG])");
    private static final Pattern CODE_CACHE = Pattern.compile("-XX:ReservedCodeCacheSize=(\\d+)([kKmMgG])");
    private static final Pattern QUANTITY = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGkmg]i?|[bB])?");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{[A-Z_][A-Z0-9_]*(?::?[-?][^}]*)?}");

    private DescriptorRules() {}

    // ---------------------------------------------------------------- Kubernetes: workloads

    static String describe(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }

    static PodSpec podSpec(HasMetadata workload) {
        return switch (workload) {
            case Deployment d -> d.getSpec().getTemplate().getSpec();
            case StatefulSet s -> s.getSpec().getTemplate().getSpec();
            default -> throw new IllegalArgumentException("not a workload: " + describe(workload));
        };
    }

    static List<Container> containers(HasMetadata workload) {
        PodSpec pod = podSpec(workload);
        return Stream.concat(
                        Optional.ofNullable(pod.getContainers()).orElse(List.of()).stream(),
                        Optional.ofNullable(pod.getInitContainers()).orElse(List.of()).stream())
                .toList();
    }

    static Container mainContainer(HasMetadata workload) {
        return podSpec(workload).getContainers().getFirst();
    }

    static List<String> resourceViolations(HasMetadata workload) {
        List<String> violations = new ArrayList<>();
        List<Container> containers = containers(workload);
        if (containers.isEmpty()) {
            violations.add(describe(workload) + ": no containers");
        }
        for (Container c : containers) {
            ResourceRequirements resources = c.getResources();
            for (String bound : List.of("requests", "limits")) {
                Map<String, Quantity> values = resources == null
                        ? Map.of()
                        : Optional.ofNullable(
                                        bound.equals("requests") ? resources.getRequests() : resources.getLimits())
                                .orElse(Map.of());
                for (String resource : List.of("memory", "cpu")) {
                    if (!values.containsKey(resource)) {
                        violations.add(
                                describe(workload) + " container " + c.getName() + ": no " + bound + "." + resource);
                    }
                }
            }
        }
        return violations;
    }

    static List<String> probeViolations(Deployment deployment) {
        List<String> violations = new ArrayList<>();
        for (Container c : deployment.getSpec().getTemplate().getSpec().getContainers()) {
            checkProbe(violations, deployment, "livenessProbe", c.getLivenessProbe(), "/actuator/health/liveness");
            checkProbe(violations, deployment, "readinessProbe", c.getReadinessProbe(), "/actuator/health/readiness");
            checkProbe(violations, deployment, "startupProbe", c.getStartupProbe(), "/actuator/health/");
        }
        return violations;
    }

    private static void checkProbe(
            List<String> violations, Deployment deployment, String name, Probe probe, String path) {
        HTTPGetAction get = probe == null ? null : probe.getHttpGet();
        String actual = get == null ? null : get.getPath();
        if (actual == null || !actual.startsWith(path)) {
            violations.add(describe(deployment) + ": " + name + " path is " + actual + ", expected " + path + "...");
        }
        if (get != null && get.getPort() == null) {
            violations.add(describe(deployment) + ": " + name + " without port");
        }
    }

    /**
     * The gateway sits behind the Ingress: it trusts exactly that one proxy's X-Forwarded-For entry, and Spring's own
     * forwarded-header handling (which would take the client's leftmost entry) is not switched on.
     */
    static List<String> clientAddressViolations(Deployment gateway) {
        List<String> violations = new ArrayList<>();
        Container container = mainContainer(gateway);
        String hops = envValue(container, "TRUSTED_PROXY_HOPS");
        if (!"1".equals(hops)) {
            violations.add(describe(gateway) + ": TRUSTED_PROXY_HOPS is " + hops + ", expected 1 (the ingress)");
        }
        if (env(container, "SERVER_FORWARD_HEADERS_STRATEGY").isPresent()) {
            violations.add(describe(gateway) + ": SERVER_FORWARD_HEADERS_STRATEGY is set");
        }
        return violations;
    }

    /** -Xmx in JAVA_TOOL_OPTIONS is the service's heap; heap + metaspace + code cache fit below the memory limit. */
    static List<String> heapViolations(Deployment deployment, ServiceTable expected) {
        List<String> violations = new ArrayList<>();
        for (Container c : deployment.getSpec().getTemplate().getSpec().getContainers()) {
            Quantity limit = c.getResources() == null || c.getResources().getLimits() == null
                    ? null
                    : c.getResources().getLimits().get("memory");
            violations.addAll(jvmMemoryViolations(
                    describe(deployment), envValue(c, "JAVA_TOOL_OPTIONS"), expected, mebibytes(limit)));
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
            violations.add(where + ": -Xmx" + heap + "m, the service is started with " + expected.heapMb() + "m");
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

    static Optional<EnvVar> env(Container container, String name) {
        return Optional.ofNullable(container.getEnv()).orElse(List.of()).stream()
                .filter(e -> name.equals(e.getName()))
                .findFirst();
    }

    /**
     * The memory options a service sets for itself among JVM options separated by spaces: its collector (with G1's
     * periodic collection) and its young generation (-Xmn, -XX:NewSize, -XX:MaxNewSize), sorted.
     */
    static List<String> ownMemoryOptions(String options) {
        return options == null
                ? List.of()
                : Stream.of(options.split(" "))
                        .filter(option -> option.startsWith("-Xmn")
                                || option.startsWith("-XX:NewSize")
                                || option.startsWith("-XX:MaxNewSize")
                                || option.matches("-XX:\\+Use\\w+GC")
                                || option.startsWith("-XX:G1PeriodicGCInterval"))
                        .sorted()
                        .toList();
    }

    static String envValue(Container container, String name) {
        return env(container, name).map(EnvVar::getValue).orElse(null);
    }

    static int mebibytes(Quantity quantity) {
        return quantity == null ? -1 : mebibytes(quantity.toString());
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

    static List<String> securityContextViolations(HasMetadata workload) {
        List<String> violations = new ArrayList<>();
        PodSpec pod = podSpec(workload);
        Set<String> emptyDirs = Optional.ofNullable(pod.getVolumes()).orElse(List.of()).stream()
                .filter(v -> v.getEmptyDir() != null)
                .map(Volume::getName)
                .collect(java.util.stream.Collectors.toSet());
        boolean podNonRoot = Optional.ofNullable(pod.getSecurityContext())
                .map(PodSecurityContext::getRunAsNonRoot)
                .orElse(false);
        for (Container c : pod.getContainers()) {
            SecurityContext security =
                    Optional.ofNullable(c.getSecurityContext()).orElseGet(SecurityContext::new);
            if (!podNonRoot && !Boolean.TRUE.equals(security.getRunAsNonRoot())) {
                violations.add(describe(workload) + ": runAsNonRoot is not set");
            }
            if (!Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
                violations.add(describe(workload) + ": readOnlyRootFilesystem is not set");
            }
            if (!Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
                violations.add(describe(workload) + ": allowPrivilegeEscalation is not false");
            }
            boolean tmpOnEmptyDir = Optional.ofNullable(c.getVolumeMounts()).orElse(List.of()).stream()
                    .anyMatch(m -> "/tmp".equals(m.getMountPath()) && emptyDirs.contains(m.getName()));
            if (!tmpOnEmptyDir) {
                violations.add(describe(workload) + ": /tmp is not an emptyDir");
            }
        }
        return violations;
    }

    // ---------------------------------------------------------------- Kubernetes: secrets

    /** Secrets are referenced, never shipped: no Secret object with values, no secret variable with a literal. */
    static List<String> literalSecretViolations(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        for (HasMetadata object : objects) {
            if (object instanceof Secret secret
                    && (!Objects.requireNonNullElse(secret.getData(), Map.of()).isEmpty()
                            || !Objects.requireNonNullElse(secret.getStringData(), Map.of())
                                    .isEmpty())) {
                violations.add(describe(object) + ": Secret with literal values is applied");
            }
            if (object instanceof Deployment || object instanceof StatefulSet) {
                for (Container c : containers(object)) {
                    for (EnvVar e : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
                        if (SECRET_ENV_NAMES.contains(e.getName()) && e.getValue() != null) {
                            violations.add(describe(object) + ": " + e.getName() + " has a literal value");
                        }
                    }
                }
            }
        }
        return violations;
    }

    /**
     * Every secretKeyRef names one of the allowed secrets and one of its known keys (a key the README tells how to
     * create, or one the operator generates).
     */
    static List<String> secretReferenceViolations(List<HasMetadata> objects, Map<String, Set<String>> allowedKeys) {
        List<String> violations = new ArrayList<>();
        for (HasMetadata object : objects) {
            if (!(object instanceof Deployment || object instanceof StatefulSet)) {
                continue;
            }
            for (Container c : containers(object)) {
                for (EnvVar e : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
                    SecretKeySelector ref =
                            e.getValueFrom() == null ? null : e.getValueFrom().getSecretKeyRef();
                    if (ref == null) {
                        continue;
                    }
                    Set<String> keys = allowedKeys.get(ref.getName());
                    if (keys == null) {
                        violations.add(describe(object) + ": " + e.getName() + " refers to secret " + ref.getName());
                    } else if (!keys.contains(ref.getKey())) {
                        violations.add(describe(object) + ": secret key " + ref.getKey() + " of " + ref.getName()
                                + " is not documented");
                    }
                }
                Optional.ofNullable(c.getEnvFrom()).orElse(List.of()).stream()
                        .filter(from -> from.getSecretRef() != null)
                        .forEach(from -> violations.add(describe(object) + ": envFrom imports the whole secret "
                                + from.getSecretRef().getName()));
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

    /**
     * Only one service publishes a port to the network; others may publish on the loopback address alone (the mail
     * catcher's web page), which other machines cannot reach.
     */
    static List<String> composePublishedPortViolations(Map<String, Object> compose, String onlyPublisher) {
        List<String> violations = new ArrayList<>();
        Yamls.map(compose, "services").forEach((name, service) -> {
            List<Object> ports = Yamls.list(service, "ports");
            boolean publishes = !ports.isEmpty();
            boolean loopbackOnly =
                    ports.stream().allMatch(p -> String.valueOf(p).startsWith("127.0.0.1:"));
            if (publishes && !name.equals(onlyPublisher) && !loopbackOnly) {
                violations.add(name + " publishes ports " + ports);
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
