/** Reporting views (agent performance, journey funnel, revenue by segment), refreshed on a schedule. */
package com.agentfactory.finance.analytics;
