/** Correlation id and W3C trace context for every request. */
package com.agentfactory.gateway.tracing;
