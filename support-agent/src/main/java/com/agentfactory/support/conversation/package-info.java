/** Multi-turn conversations on any channel: store the message, understand it, answer or hand over. */
package com.agentfactory.support.conversation;
