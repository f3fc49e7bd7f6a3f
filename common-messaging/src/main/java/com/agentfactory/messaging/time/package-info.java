/** The years a date the platform takes may fall in: one bound, its check and its message, for every service. */
package com.agentfactory.messaging.time;
