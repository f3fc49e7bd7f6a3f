/** Lifecycle housekeeping: expiry of tasks nobody started, and task metrics. */
package com.agentfactory.supervisor.lifecycle;
