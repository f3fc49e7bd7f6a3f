/** Kafka listeners: commerce events into the customer read model. */
package com.agentfactory.campaign.messaging;
