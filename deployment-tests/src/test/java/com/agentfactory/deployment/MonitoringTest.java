package com.agentfactory.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.RuleGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;

class MonitoringTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");

    private static PrometheusRule rules(Overlay overlay) {
        return RenderedOverlay.of(overlay).get(PrometheusRule.class, "agentfactory-alerts");
    }

    private static List<Rule> alerts(Overlay overlay) {
        return rules(overlay).getSpec().getGroups().stream()
                .flatMap(g -> g.getRules().stream())
                .toList();
    }

    /** Dashboard file name to its parsed JSON, from the ConfigMap Grafana's sidecar loads. */
    private static Map<String, JsonNode> dashboards(Overlay overlay) {
        ConfigMap config = RenderedOverlay.of(overlay).get(ConfigMap.class, "agentfactory-dashboards");
        assertThat(config.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        Map<String, JsonNode> parsed = new LinkedHashMap<>();
        config.getData().forEach((file, json) -> {
            try {
                parsed.put(file, JSON.readTree(json));
            } catch (IOException e) {
                throw new AssertionError(file + " is not valid JSON: " + e.getMessage(), e);
            }
        });
        return parsed;
    }

    private static List<String> dashboardQueries(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> queries.add(target.path("expr").asText())));
        return queries;
    }

    /**
     * Prometheus sends no token: each pod's annotated scrape port must admit it, and for the gateway must not be the
     * public port, whose access rules refuse the metrics to a caller without one.
     */
    @ParameterizedTest
    @EnumSource(Overlay.class)
    void prometheusScrapesEveryServiceOnAPortThatAdmitsItWithoutAToken(Overlay overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        NetworkPolicyModel model = new NetworkPolicyModel(NetworkPoliciesTest.NAMESPACE, rendered.objects(), Map.of());
        for (ServiceTable service : ServiceTable.SERVICES) {
            int scrapePort = Integer.parseInt(rendered.deployment(service.name())
                    .getSpec()
                    .getTemplate()
                    .getMetadata()
                    .getAnnotations()
                    .get("prometheus.io/port"));

            assertThat(model.admitted(service.name(), scrapePort, List.of(NetworkPoliciesTest.PROMETHEUS)))
                    .as(overlay + ": Prometheus admitted to " + service.name() + ":" + scrapePort)
                    .containsExactly(NetworkPoliciesTest.PROMETHEUS.name());
            if (service.name().equals(ServiceTable.GATEWAY)) {
                assertThat(scrapePort).as("the gateway's public port").isNotEqualTo(service.port());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void alertRulesCoverEveryAreaAndEachSaysHowBadItIsAndWhat(Overlay overlay) {
        PrometheusRule rules = rules(overlay);
        assertThat(rules.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(rules.getMetadata().getNamespace()).isEqualTo("agentfactory");
        assertThat(rules.getSpec().getGroups())
                .extracting(RuleGroup::getName)
                .containsExactlyInAnyOrder(
                        "agentfactory.platform-health",
                        "agentfactory.task-flow",
                        "agentfactory.messaging",
                        "agentfactory.gateway",
                        "agentfactory.business");
        assertThat(rules.getSpec().getGroups())
                .allSatisfy(g -> assertThat(g.getRules()).isNotEmpty());
        assertThat(alerts(overlay)).allSatisfy(rule -> {
            assertThat(rule.getAlert()).as("alert name").isNotBlank();
            assertThat(rule.getExpr().getStrVal()).as(rule.getAlert()).isNotBlank();
            assertThat(rule.getLabels()).as(rule.getAlert()).containsKey("severity");
            assertThat(SEVERITIES).as(rule.getAlert()).contains(rule.getLabels().get("severity"));
            assertThat(rule.getAnnotations()).as(rule.getAlert()).containsKey("summary");
        });
        assertThat(alerts(overlay).stream().map(Rule::getAlert))
                .as("alert names are unique")
                .doesNotHaveDuplicates()
                .contains("ServiceDown", "KafkaConsumerLagging", "OutboxBacklogGrowing", "GatewayLatencyHigh");
    }

    @Test
    void prometheusAcceptsTheRules(@TempDir Path dir) throws Exception {
        // promtool (Debian's prometheus package) parses every expression and template the way Prometheus will
        List<Map<String, Object>> groups = new ArrayList<>();
        for (RuleGroup group : rules(Overlay.PROD).getSpec().getGroups()) {
            List<Map<String, Object>> rules = new ArrayList<>();
            for (Rule rule : group.getRules()) {
                Map<String, Object> plain = new LinkedHashMap<>();
                plain.put("alert", rule.getAlert());
                plain.put("expr", rule.getExpr().getStrVal());
                if (rule.getFor() != null) {
                    plain.put("for", rule.getFor());
                }
                plain.put("labels", rule.getLabels());
                plain.put("annotations", rule.getAnnotations());
                rules.add(plain);
            }
            groups.add(Map.of("name", group.getName(), "rules", rules));
        }
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, new Yaml().dump(Map.of("groups", groups)));

        Process promtool = new ProcessBuilder(promtool(), "check", "rules", file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(promtool.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS: " + alerts(Overlay.PROD).size() + " rules found");
    }

    private static String promtool() {
        String configured = System.getenv("PROMTOOL");
        return configured == null || configured.isBlank() ? "promtool" : configured;
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void dashboardsCoverEveryAreaWithQueriesOnAPrometheusDataSource(Overlay overlay) {
        Map<String, JsonNode> dashboards = dashboards(overlay);
        assertThat(dashboards)
                .containsOnlyKeys(
                        "platform-health.json",
                        "task-flow.json",
                        "messaging.json",
                        "gateway.json",
                        "business-kpis.json");
        Set<String> uids = new TreeSet<>();
        dashboards.forEach((file, dashboard) -> {
            assertThat(dashboard.path("title").asText()).as(file).startsWith("Agent Factory / ");
            uids.add(dashboard.path("uid").asText());
            assertThat(dashboard.path("panels").size()).as(file).isGreaterThanOrEqualTo(4);
            dashboard.path("panels").forEach(panel -> {
                assertThat(panel.path("datasource").path("type").asText()).isEqualTo("prometheus");
                assertThat(panel.path("targets").size())
                        .as(file + " " + panel.path("title"))
                        .isPositive();
            });
            assertThat(dashboardQueries(dashboard))
                    .allSatisfy(q -> assertThat(q).isNotBlank());
        });
        assertThat(uids).as("unique dashboard uids").hasSize(dashboards.size());
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyMetricAnAlertOrDashboardUsesIsOneTheServicesExpose(Overlay overlay) {
        Set<String> exposed = ExposedMetrics.all();
        Map<String, Set<String>> usedBy = new LinkedHashMap<>();
        alerts(overlay)
                .forEach(rule -> usedBy.put(
                        "alert " + rule.getAlert(),
                        PromQl.metricNames(rule.getExpr().getStrVal())));
        dashboards(overlay).forEach((file, dashboard) -> {
            List<String> queries = dashboardQueries(dashboard);
            for (int i = 0; i < queries.size(); i++) {
                usedBy.put(file + " query " + i, PromQl.metricNames(queries.get(i)));
            }
        });
        assertThat(usedBy).allSatisfy((where, names) -> {
            assertThat(names).as(where + " selects a metric").isNotEmpty();
            assertThat(exposed).as(where).containsAll(names);
        });
        Set<String> ownUsed = new TreeSet<>();
        usedBy.values().forEach(ownUsed::addAll);
        ownUsed.retainAll(ExposedMetrics.ownSeries().keySet());
        assertThat(ownUsed)
                .as("the alerts and dashboards use the platform's own meters")
                .contains(
                        "outbox_backlog",
                        "outbox_relay_failures_total",
                        "agent_tasks_handled_total",
                        "supervisor_tasks_transitions_total",
                        "ad_campaign_win_rate");
    }

    @Test
    void libraryMetersAreSwitchedOnWhereTheCatalogueSays() {
        assertThat(ExposedMetrics.LIBRARY_METERS).allSatisfy(meter -> assertThat(
                        ProjectFiles.read(ProjectFiles.root().resolve(meter.witnessFile())))
                .as(meter.name() + " needs " + meter.witnessText() + " in " + meter.witnessFile())
                .contains(meter.witnessText()));
    }

    @Test
    void ownMeterNamesFollowPrometheusConventions() {
        Map<String, String> own = ExposedMetrics.ownSeries();
        assertThat(own)
                .containsEntry("outbox_backlog", "common-messaging")
                .containsEntry("outbox_published_total", "common-messaging")
                .containsEntry("agent_task_duration_seconds_count", "common-messaging")
                .containsEntry("supervisor_tasks", "supervisor-agent")
                .containsEntry("tasks_write_batch_size_sum", "supervisor-agent")
                .containsEntry("ad_campaign_roas", "ad-agent");
    }

    @Test
    void metricNamesArePickedOutOfExpressions() {
        assertThat(PromQl.metricNames(
                        "sum by (pod, status) (rate(http_server_requests_seconds_count{status=~\"5..\", pod!=\"a b\"}[5m]))"
                                + " / on (pod) group_left max(up offset 1h) > 0.05 and outbox_backlog > 1e3"))
                .containsExactlyInAnyOrder("http_server_requests_seconds_count", "up", "outbox_backlog");
    }
}
