/** Journeys defined as data, validated on save, and run for each enrolled customer on durable timers. */
package com.agentfactory.campaign.journey;
