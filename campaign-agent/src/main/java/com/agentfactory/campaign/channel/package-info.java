/** The channels the agent may contact a customer on. */
package com.agentfactory.campaign.channel;
