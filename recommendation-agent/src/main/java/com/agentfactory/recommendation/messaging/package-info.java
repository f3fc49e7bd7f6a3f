/** Kafka consumers that keep the catalog and the interactions from the commerce topics. */
package com.agentfactory.recommendation.messaging;
