/** When a send may go: quiet hours in the customer's time zone and frequency caps per channel and period. */
package com.agentfactory.campaign.pacing;
