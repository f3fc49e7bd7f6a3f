/** The task lifecycle driven by agent reports and heartbeats, expiry, and lifecycle metrics. */
package com.agentfactory.supervisor.lifecycle;
