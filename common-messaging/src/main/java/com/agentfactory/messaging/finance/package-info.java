/** The finance service's budget reservations, as the agents that spend money call them. */
package com.agentfactory.messaging.finance;
