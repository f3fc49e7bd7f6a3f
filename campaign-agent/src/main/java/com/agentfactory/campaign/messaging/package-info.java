/** Kafka listeners: commerce events and finance's segment changes into the customer read model and journeys. */
package com.agentfactory.campaign.messaging;
