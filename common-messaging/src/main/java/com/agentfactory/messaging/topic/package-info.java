/** Kafka topic names, defined once for every service. */
package com.agentfactory.messaging.topic;
