/** Journey KPIs: what was sent, delivered, opened, clicked, converted and skipped, and who unsubscribed. */
package com.agentfactory.campaign.kpi;
