/** The support agent's task handlers: what the supervisor can ask of it over Kafka. */
package com.agentfactory.support.messaging;
