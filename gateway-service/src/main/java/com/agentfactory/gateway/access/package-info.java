/** Per-route access rules from configuration and their evaluation for the caller's roles. */
package com.agentfactory.gateway.access;
