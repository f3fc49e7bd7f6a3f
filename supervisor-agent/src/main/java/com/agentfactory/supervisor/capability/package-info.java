/** The task types the agents announced, with their schemas: the routing table and the input checks at intake. */
package com.agentfactory.supervisor.capability;
