/** Sends journeys ask for: written once per step, delivered from the sends table over e-mail, SMS, push and webhooks. */
package com.agentfactory.campaign.delivery;
