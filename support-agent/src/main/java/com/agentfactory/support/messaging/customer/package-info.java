/** The commerce customer events support learns customers' addresses from. */
package com.agentfactory.support.messaging.customer;
