/** Starts the platform's services as separate JVMs on the local infrastructure, as deployed. */
package com.agentfactory.infra.platform;
