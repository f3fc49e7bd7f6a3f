/** Transactional outbox: messages committed with the change that caused them, relayed to Kafka. */
package com.agentfactory.messaging.outbox;
