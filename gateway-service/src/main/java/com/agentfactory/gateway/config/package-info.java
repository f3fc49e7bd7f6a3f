/** Wiring that spans features: security chain, clock, OpenAPI. */
package com.agentfactory.gateway.config;
