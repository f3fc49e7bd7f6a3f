/** Parsing checks of the deployment descriptors: Kubernetes manifests, docker-compose.yml and the Dockerfile. */
package com.agentfactory.deployment;
