package com.agentfactory.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OverlayRenderingTest {

    /** The only kinds read as GenericKubernetesResource: CloudNativePG ships no Java model. */
    private static final Set<String> UNTYPED_KINDS = Set.of("postgresql.cnpg.io/v1 Cluster");

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyRenderedObjectIsReadIntoATypedModel(Overlay overlay) {
        List<HasMetadata> objects = RenderedOverlay.of(overlay).objects();
        assertThat(objects).hasSizeGreaterThan(ServiceTable.SERVICES.size() * 3);
        for (HasMetadata object : objects) {
            if (object instanceof GenericKubernetesResource generic) {
                assertThat(generic.getApiVersion() + " " + generic.getKind())
                        .as(overlay + ": untyped " + DescriptorRules.describe(object))
                        .isIn(UNTYPED_KINDS);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyObjectIsNamedAndLivesInTheAgentfactoryNamespace(Overlay overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        assertThat(rendered.get(Namespace.class, "agentfactory")).isNotNull();
        for (HasMetadata object : rendered.objects()) {
            assertThat(object.getMetadata().getName()).as(object.toString()).isNotBlank();
            if (!(object instanceof Namespace)) {
                assertThat(object.getMetadata().getNamespace())
                        .as(DescriptorRules.describe(object))
                        .isEqualTo("agentfactory");
            }
        }
    }

    /**
     * kubectl up to 1.20 embeds kustomize v2.0.3, which knows only these fields (no "patches", "replicas",
     * "components"); the test command may render with such a kubectl. Its configMapGenerator and generatorOptions
     * (labels, disableNameSuffixHash) build the dashboards' ConfigMap.
     */
    @Test
    void kustomizationsUseOnlyFieldsKustomizeV2Understands() throws Exception {
        Set<String> v2Fields = Set.of(
                "apiVersion",
                "kind",
                "namespace",
                "resources",
                "bases",
                "patchesStrategicMerge",
                "images",
                "configMapGenerator",
                "generatorOptions");
        List<Path> kustomizations;
        try (Stream<Path> files = Files.walk(ProjectFiles.k8sDir())) {
            kustomizations = files.filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
                    .toList();
        }
        assertThat(kustomizations).hasSize(1 + Overlay.values().length);
        for (Path file : kustomizations) {
            Map<String, Object> kustomization =
                    ProjectFiles.parseAll(ProjectFiles.read(file)).getFirst();
            assertThat(v2Fields).as(file.toString()).containsAll(kustomization.keySet());
            for (Object resource : Yamls.list(kustomization, "resources")) {
                assertThat(file.resolveSibling(String.valueOf(resource)))
                        .as("v2 lists directories under bases, files under resources: " + resource)
                        .isRegularFile();
            }
        }
    }

    @Test
    void theSecretExampleIsNeverRendered() {
        assertThat(ProjectFiles.k8sDir().resolve("secrets.example.yaml")).isRegularFile();
        for (Overlay overlay : Overlay.values()) {
            assertThat(RenderedOverlay.of(overlay).objects())
                    .noneMatch(o -> o.getKind().equals("Secret"));
        }
    }
}
