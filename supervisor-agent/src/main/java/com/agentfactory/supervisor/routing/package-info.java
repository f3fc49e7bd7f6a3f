/** Routing: which agent gets a task, by name, by routing table or by content, with a recorded reason. */
package com.agentfactory.supervisor.routing;
