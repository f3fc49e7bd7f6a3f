/** The finance service toward other services: budget reservations agents make, and customers' segment changes. */
package com.agentfactory.messaging.finance;
