/** The commerce order events support keeps its order read model from. */
package com.agentfactory.support.messaging.order;
