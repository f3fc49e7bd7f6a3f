/** W3C trace context ids carried across HTTP and Kafka hops and into the logs. */
package com.agentfactory.messaging.trace;
