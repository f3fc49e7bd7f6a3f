/** Consent per customer and channel, the suppression list, and the one check every send must pass. */
package com.agentfactory.campaign.consent;
