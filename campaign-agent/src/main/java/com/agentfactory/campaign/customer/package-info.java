/** The customer read model segments run over, kept from the storefront's customer and order events. */
package com.agentfactory.campaign.customer;
