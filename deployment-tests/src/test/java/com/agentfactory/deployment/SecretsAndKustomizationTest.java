package com.agentfactory.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.deployment.ProjectFiles.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SecretsAndKustomizationTest {

    private static String readme() {
        return ProjectFiles.read(ProjectFiles.k8sDir().resolve("README.md"));
    }

    @Test
    void kustomizationListsOnlyFilesThatExist() {
        List<String> resources = ProjectFiles.kustomizationResources();
        assertThat(resources).isNotEmpty();
        for (String resource : resources) {
            assertThat(ProjectFiles.k8sDir().resolve(resource)).as(resource).isRegularFile();
        }
    }

    @Test
    void everyManifestExceptTheSecretExampleIsListedInTheKustomization() {
        Set<String> listed = new TreeSet<>(ProjectFiles.kustomizationResources());
        for (Path file : ProjectFiles.k8sYamlFiles()) {
            String relative = ProjectFiles.k8sDir().relativize(file).toString().replace('\\', '/');
            if (relative.equals("kustomization.yaml")) {
                continue;
            }
            if (relative.contains(".example.")) {
                assertThat(listed).as("example files are never applied").doesNotContain(relative);
            } else {
                assertThat(listed)
                        .as(relative + " is not applied by kubectl apply -k")
                        .contains(relative);
            }
        }
    }

    @Test
    void kustomizationPutsEverythingInTheAgentfactoryNamespace() {
        assertThat(ProjectFiles.kustomization()).containsEntry("namespace", "agentfactory");
        assertThat(ProjectFiles.appliedDocuments())
                .anySatisfy(m -> assertThat(m.kind() + "/" + m.name()).isEqualTo("Namespace/agentfactory"));
    }

    @Test
    void kustomizationAppliesNoSecretWithLiteralValues() {
        List<Manifest> applied = ProjectFiles.appliedDocuments();
        assertThat(applied).isNotEmpty();
        assertThat(DescriptorRules.literalSecretViolations(applied)).isEmpty();
    }

    @Test
    void everySecretKeyRefPointsAtTheSecretDocumentedInTheReadme() {
        Matcher create = Pattern.compile("create secret generic ([a-z0-9.-]+)").matcher(readme());
        assertThat(create.find())
                .as("README documents kubectl create secret generic")
                .isTrue();
        String secretName = create.group(1);
        assertThat(secretName).isEqualTo(ProjectFiles.SECRET_NAME);

        Set<String> documentedKeys = new TreeSet<>();
        Matcher literal = Pattern.compile("--from-literal=([A-Za-z0-9_.-]+)=").matcher(readme());
        while (literal.find()) {
            documentedKeys.add(literal.group(1));
        }
        assertThat(documentedKeys).contains("DATABASE_PASSWORD", "JWT_SECRET", "AGENTFACTORY_SERVICE_CLIENTS");

        List<Manifest> applied = ProjectFiles.appliedDocuments();
        assertThat(applied.stream()
                        .flatMap(m -> DescriptorRules.WORKLOAD_KINDS.contains(m.kind())
                                ? DescriptorRules.containers(m).stream()
                                : java.util.stream.Stream.empty())
                        .flatMap(c -> Yamls.maps(c, "env").stream())
                        .filter(e -> Yamls.get(e, "valueFrom", "secretKeyRef") != null))
                .as("workloads read secrets through secretKeyRef")
                .isNotEmpty();
        assertThat(DescriptorRules.secretReferenceViolations(applied, secretName, documentedKeys))
                .isEmpty();
    }

    @Test
    void readmeExplainsHowToApplyAndThatTheManifestsWereNotAppliedHere() {
        String readme = readme();
        assertThat(readme).contains("kubectl apply -k k8s/");
        assertThat(readme).containsIgnoringCase("not** been applied to a cluster");
        assertThat(Files.exists(ProjectFiles.k8sDir().resolve("secrets.example.yaml")))
                .isTrue();
    }
}
