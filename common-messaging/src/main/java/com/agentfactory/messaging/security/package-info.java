/** Every service authenticates every request itself: bearer tokens signed by the gateway, verified by its key set. */
package com.agentfactory.messaging.security;
