package com.agentfactory.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** CloudNativePG publishes no Java model, so its Cluster is read as a GenericKubernetesResource. */
class CloudNativePgTest {

    private static GenericKubernetesResource cluster(Overlay overlay) {
        List<GenericKubernetesResource> clusters =
                RenderedOverlay.of(overlay).generic("postgresql.cnpg.io/v1", "Cluster");
        assertThat(clusters).hasSize(1);
        return clusters.getFirst();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void onePostgresClusterBootstrapsTheDatabaseTheServicesMigrate(Overlay overlay) {
        GenericKubernetesResource cluster = cluster(overlay);
        String database = cluster.get("spec", "bootstrap", "initdb", "database");
        assertThat(database).isEqualTo("agentfactory");
        assertThat((String) cluster.get("spec", "bootstrap", "initdb", "owner")).isNotBlank();
        assertThat(RenderedOverlay.of(overlay)
                        .get(ConfigMap.class, "agentfactory-config")
                        .getData())
                .containsEntry(
                        "DATABASE_URL",
                        "jdbc:postgresql://" + cluster.getMetadata().getName() + "-rw:5432/" + database);
        assertThat(SecretsTest.DATABASE_SECRET_NAME)
                .isEqualTo(cluster.getMetadata().getName() + "-app");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void devRunsOneInstanceAndProdAPrimaryWithTwoReplicas(Overlay overlay) {
        Number instances = cluster(overlay).get("spec", "instances");
        assertThat(instances.intValue()).isEqualTo(overlay == Overlay.PROD ? 3 : 1);
        assertThat((Object) cluster(overlay).get("spec", "storage", "size")).isNotNull();
    }
}
