/** Ad campaigns, their ad groups and creatives, the status state machine and the audit of every change. */
package com.agentfactory.ad.campaign;
