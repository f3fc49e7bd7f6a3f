/** Agents' contacts with customers (a support conversation, a campaign send), reported for revenue attribution. */
package com.agentfactory.messaging.touchpoint;
