/**
 * What customers send back: the SMS providers' inbound messages, a STOP reply withdrawing the sender's SMS consent.
 */
package com.agentfactory.campaign.inbound;
