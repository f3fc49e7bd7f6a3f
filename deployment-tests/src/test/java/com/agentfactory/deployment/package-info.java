/** Checks of the deployment descriptors: the rendered Kubernetes overlays as typed objects, docker-compose.yml, the Dockerfile. */
package com.agentfactory.deployment;
