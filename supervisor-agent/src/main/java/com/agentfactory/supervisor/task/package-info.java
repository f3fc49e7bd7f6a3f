/** The task API: creating, reading, listing and cancelling tasks, and their durable hand-off to agents. */
package com.agentfactory.supervisor.task;
