/** Campaigns: their lifecycle as one state machine, with every change audited, and the campaign task types. */
package com.agentfactory.campaign.campaign;
