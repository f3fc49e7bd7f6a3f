/** Tickets: the tracked state of each conversation, the escalation queue and what support agents do with it. */
package com.agentfactory.support.ticket;
