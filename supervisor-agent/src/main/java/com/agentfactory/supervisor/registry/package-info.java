/** The agent registry: agents from configuration, the task types they announced, and liveness from heartbeats. */
package com.agentfactory.supervisor.registry;
