/** Kafka consumers that keep the catalog and the interactions from the commerce topics and inventory.stock. */
package com.agentfactory.recommendation.messaging;
