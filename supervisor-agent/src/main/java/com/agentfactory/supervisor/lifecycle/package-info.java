/** Lifecycle housekeeping: expiry of tasks nobody started, escalation of tasks nothing is heard of, and task metrics. */
package com.agentfactory.supervisor.lifecycle;
