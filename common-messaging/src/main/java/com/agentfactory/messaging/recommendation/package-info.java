/** The recommendation agent's product lists, as the agents that show products in their messages call them. */
package com.agentfactory.messaging.recommendation;
