/** Forwarding to the services and the identity headers they receive. */
package com.agentfactory.gateway.routing;
