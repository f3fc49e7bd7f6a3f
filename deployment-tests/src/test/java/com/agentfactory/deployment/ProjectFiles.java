package com.agentfactory.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Locates the project root and loads the descriptors under test. */
final class ProjectFiles {

    /** The Secret every secretKeyRef must use; the README documents how to create it. */
    static final String SECRET_NAME = "agentfactory-secrets";

    private ProjectFiles() {}

    /** A YAML document together with the file it came from. */
    record Manifest(Path file, Map<String, Object> doc) {
        String kind() {
            return Yamls.str(doc, "kind");
        }

        String name() {
            return Yamls.str(doc, "metadata", "name");
        }

        @Override
        public String toString() {
            return kind() + "/" + name() + " (" + file.getFileName() + ")";
        }
    }

    static Path root() {
        String property = System.getProperty("maven.multiModuleProjectDirectory");
        if (property != null && !property.isBlank() && isRoot(Path.of(property))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no directory containing k8s/ and pom.xml above " + Path.of("").toAbsolutePath());
    }

    private static boolean isRoot(Path dir) {
        return Files.isDirectory(dir.resolve("k8s")) && Files.isRegularFile(dir.resolve("pom.xml"));
    }

    static Path k8sDir() {
        return root().resolve("k8s");
    }

    static List<Path> k8sYamlFiles() {
        try (Stream<Path> files = Files.walk(k8sDir())) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every YAML document under k8s/, including kustomization.yaml and the secret example. */
    static List<Manifest> allK8sDocuments() {
        List<Manifest> all = new ArrayList<>();
        for (Path file : k8sYamlFiles()) {
            all.addAll(load(file));
        }
        return all;
    }

    static Map<String, Object> kustomization() {
        return Yamls.asMap(
                load(k8sDir().resolve("kustomization.yaml")).getFirst().doc());
    }

    static List<String> kustomizationResources() {
        return Yamls.list(kustomization(), "resources").stream()
                .map(String::valueOf)
                .toList();
    }

    /** The documents kubectl apply -k would create (resources of the kustomization). */
    static List<Manifest> appliedDocuments() {
        List<Manifest> all = new ArrayList<>();
        for (String resource : kustomizationResources()) {
            all.addAll(load(k8sDir().resolve(resource)));
        }
        return all;
    }

    static List<Manifest> load(Path file) {
        return parseAll(read(file)).stream().map(doc -> new Manifest(file, doc)).toList();
    }

    static List<Map<String, Object>> parseAll(String yaml) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (doc != null) {
                docs.add(Yamls.asMap(doc));
            }
        }
        return docs;
    }

    static Map<String, Object> compose() {
        return parseAll(read(root().resolve("docker-compose.yml"))).getFirst();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
