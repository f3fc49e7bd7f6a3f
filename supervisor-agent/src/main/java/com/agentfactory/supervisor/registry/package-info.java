/** The agent registry: agents from configuration, their capabilities, and liveness from heartbeats. */
package com.agentfactory.supervisor.registry;
