/** Kafka listeners: the storefront's commerce events that move stock. */
package com.agentfactory.inventory.messaging;
