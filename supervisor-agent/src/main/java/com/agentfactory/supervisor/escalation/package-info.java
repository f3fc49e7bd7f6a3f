/** Escalation to people: the queue of tasks needing a human, with claim and resolve. */
package com.agentfactory.supervisor.escalation;
