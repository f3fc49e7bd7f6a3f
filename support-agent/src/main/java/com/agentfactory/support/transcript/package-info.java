/** The messages of each conversation, in order: what the customer, the bot and support staff wrote. */
package com.agentfactory.support.transcript;
