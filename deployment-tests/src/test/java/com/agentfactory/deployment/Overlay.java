package com.agentfactory.deployment;

import java.nio.file.Path;

/** The kustomize overlays under k8s/overlays: what {@code kubectl apply -k} deploys. */
enum Overlay {
    DEV("dev"),
    PROD("prod");

    private final String directory;

    Overlay(String directory) {
        this.directory = directory;
    }

    Path path() {
        return ProjectFiles.k8sDir().resolve("overlays").resolve(directory);
    }

    @Override
    public String toString() {
        return directory;
    }
}
