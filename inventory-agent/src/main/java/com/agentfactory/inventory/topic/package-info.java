/** The Kafka topics this agent publishes on. */
package com.agentfactory.inventory.topic;
