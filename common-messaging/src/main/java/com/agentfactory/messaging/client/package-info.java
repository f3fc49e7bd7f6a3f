/** HTTP calls from one service to another: timeouts, credentials and a circuit breaker. */
package com.agentfactory.messaging.client;
