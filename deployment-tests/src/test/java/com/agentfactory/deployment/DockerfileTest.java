package com.agentfactory.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DockerfileTest {

    private static String dockerfile() {
        return ProjectFiles.read(ProjectFiles.root().resolve("Dockerfile"));
    }

    @Test
    void dockerfileRunsAsNonRootUserAndBuildsTheModuleNamedBySERVICE() {
        assertThat(DescriptorRules.dockerfileViolations(dockerfile())).isEmpty();
    }

    @Test
    void dockerfileBuildsOnTemurin25JdkAndRunsOnTemurin25JreWithTheExecJar() {
        String dockerfile = dockerfile();
        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:25-jdk AS build$");
        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:25-jre$");
        assertThat(dockerfile).contains("-0.1.0-SNAPSHOT-exec.jar");
        assertThat(dockerfile).containsPattern("(?m)^EXPOSE ");
    }
}
