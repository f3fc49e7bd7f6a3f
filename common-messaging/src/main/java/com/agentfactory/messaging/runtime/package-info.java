/** The agent runtime: consumes an agent's task topics, runs its handlers and reports every task state. */
package com.agentfactory.messaging.runtime;
