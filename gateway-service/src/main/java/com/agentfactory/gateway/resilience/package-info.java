/** Timeouts, circuit breakers and bulkheads per route, so one slow or dead service cannot take the gateway with it. */
package com.agentfactory.gateway.resilience;
