/** The chat channel: customers send messages over REST and get the reply in the response. */
package com.agentfactory.support.chat;
