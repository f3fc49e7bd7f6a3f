package com.agentfactory.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.infra.platform.ServiceSpec;
import com.agentfactory.messaging.topic.Topics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StrimziKafkaTest {

    /**
     * Every topic the platform uses: each topic constant of common-messaging's Topics (read by reflection, so a topic
     * added there must be declared here too), the inventory agent's, each agent's task bands.
     */
    static Set<String> platformTopics() {
        Set<String> topics = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers())
                    && field.getType() == String.class
                    && !field.getName().equals("DEAD_LETTER_SUFFIX")) {
                try {
                    topics.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        assertThat(topics).contains(Topics.AGENT_EVENTS, Topics.COMMERCE_ORDERS);
        topics.addAll(inventoryTopics());
        ServiceSpec.all().stream()
                .map(ServiceSpec::agentType)
                .filter(Objects::nonNull)
                .forEach(type -> topics.addAll(Topics.agentTaskTopics(type)));
        return topics;
    }

    /**
     * The constants of the inventory agent's InventoryTopics, read from its source: an agent module is no library
     * this module could depend on.
     */
    static Set<String> inventoryTopics() {
        String source = ProjectFiles.read(ProjectFiles.root()
                .resolve("inventory-agent/src/main/java/com/agentfactory/inventory/topic/InventoryTopics.java"));
        Matcher constant =
                Pattern.compile("static final String \\w+ = \"([^\"]+)\";").matcher(source);
        Set<String> topics = new TreeSet<>();
        while (constant.find()) {
            topics.add(constant.group(1));
        }
        assertThat(topics).as("InventoryTopics constants").isNotEmpty();
        return topics;
    }

    private static Kafka kafka(Overlay overlay) {
        List<Kafka> clusters = RenderedOverlay.of(overlay).all(Kafka.class);
        assertThat(clusters).hasSize(1);
        return clusters.getFirst();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void kafkaRunsInKRaftModeOnNodePoolsWithoutZooKeeper(Overlay overlay) {
        Kafka kafka = kafka(overlay);
        assertThat(kafka.getApiVersion()).isEqualTo("kafka.strimzi.io/v1");
        assertThat(kafka.getMetadata().getAnnotations())
                .containsEntry("strimzi.io/kraft", "enabled")
                .containsEntry("strimzi.io/node-pools", "enabled");
        assertThat(kafka.getSpec().getAdditionalProperties()).doesNotContainKey("zookeeper");
        assertThat(kafka.getSpec().getKafka().getAdditionalProperties())
                .as("replicas and storage belong to the node pools")
                .doesNotContainKeys("replicas", "storage");

        List<KafkaNodePool> pools = RenderedOverlay.of(overlay).all(KafkaNodePool.class);
        assertThat(pools).isNotEmpty();
        assertThat(pools).allSatisfy(pool -> assertThat(pool.getMetadata().getLabels())
                .containsEntry("strimzi.io/cluster", kafka.getMetadata().getName()));
        assertThat(pools.stream().flatMap(p -> p.getSpec().getRoles().stream()))
                .as("some nodes are KRaft controllers, some brokers")
                .contains(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void replicationFitsTheNumberOfBrokers(Overlay overlay) {
        int brokers = RenderedOverlay.of(overlay).all(KafkaNodePool.class).stream()
                .filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(p -> p.getSpec().getReplicas())
                .sum();
        Map<String, Object> config = kafka(overlay).getSpec().getKafka().getConfig();
        int replication = ((Number) config.get("default.replication.factor")).intValue();
        int minInSync = ((Number) config.get("min.insync.replicas")).intValue();
        assertThat(replication).isLessThanOrEqualTo(brokers);
        assertThat(((Number) config.get("offsets.topic.replication.factor")).intValue())
                .isEqualTo(replication);
        if (overlay == Overlay.PROD) {
            assertThat(brokers).isGreaterThanOrEqualTo(3);
            assertThat(minInSync)
                    .as("a broker may be down without stopping writes")
                    .isLessThan(replication);
        } else {
            assertThat(brokers).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyPlatformTopicAndItsDeadLetterTopicIsDeclared(Overlay overlay) {
        List<KafkaTopic> topics = RenderedOverlay.of(overlay).all(KafkaTopic.class);
        String cluster = kafka(overlay).getMetadata().getName();
        assertThat(topics)
                .allSatisfy(t -> assertThat(t.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster));
        Set<String> declared = new TreeSet<>();
        topics.forEach(t -> declared.add(t.getSpec().getTopicName()));

        List<String> expected = new ArrayList<>(platformTopics());
        platformTopics().stream()
                .filter(t -> !t.equals(Topics.AGENT_CAPABILITIES))
                .forEach(t -> expected.add(Topics.deadLetter(t)));
        assertThat(declared).containsExactlyInAnyOrderElementsOf(expected);

        KafkaTopic capabilities = topics.stream()
                .filter(t -> t.getSpec().getTopicName().equals(Topics.AGENT_CAPABILITIES))
                .findFirst()
                .orElseThrow();
        assertThat(capabilities.getSpec().getConfig()).containsEntry("cleanup.policy", "compact");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void servicesConnectToTheBootstrapServiceOfThePlainListenerWhichAdmitsOnlyThem(Overlay overlay) {
        Kafka kafka = kafka(overlay);
        GenericKafkaListener plain = kafka.getSpec().getKafka().getListeners().stream()
                .filter(l -> l.getName().equals("plain"))
                .findFirst()
                .orElseThrow();
        assertThat(RenderedOverlay.of(overlay)
                        .get(ConfigMap.class, "agentfactory-config")
                        .getData())
                .containsEntry(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        kafka.getMetadata().getName() + "-kafka-bootstrap:" + plain.getPort());

        Set<String> admitted = new TreeSet<>();
        for (var deployment : RenderedOverlay.of(overlay).all(io.fabric8.kubernetes.api.model.apps.Deployment.class)) {
            var labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            if (plain.getNetworkPolicyPeers().stream()
                    .anyMatch(peer -> peer.getNamespaceSelector() == null
                            && NetworkPolicyModel.selects(peer.getPodSelector(), labels))) {
                admitted.add(deployment.getMetadata().getName());
            }
        }
        Set<String> kafkaClients = new TreeSet<>();
        ServiceTable.SERVICES.forEach(s -> kafkaClients.add(s.name()));
        kafkaClients.remove(ServiceTable.GATEWAY); // the gateway talks HTTP only
        assertThat(admitted).isEqualTo(kafkaClients);
    }
}
