/**
 * KPIs of a journey, of a campaign's journeys, or of all: what was sent, delivered, opened, clicked, converted and
 * skipped, who unsubscribed, and the orders and revenue attributed.
 */
package com.agentfactory.campaign.kpi;
