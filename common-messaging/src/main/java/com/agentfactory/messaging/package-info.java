/** Messaging shared by every service: envelope, topics, outbox, idempotent consumer, agent runtime. */
package com.agentfactory.messaging;
